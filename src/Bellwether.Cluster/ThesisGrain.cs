using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Streaming;
using Bellwether.Core.Universe;
using Bellwether.Data.Thesis;
using Microsoft.Extensions.DependencyInjection;

namespace Bellwether.Cluster;

/// <summary>
/// A thesis on the streaming engine (<see cref="IThesisGrain"/>). Persisted: the stream's snapshot, every
/// <see cref="PersistEvery"/> days closed, on <see cref="IThesisGrain.Flush"/> and on a graceful deactivation. The
/// snapshot holds the incremental states, not the rows (a batch-read signal reads every row known): a grain
/// reactivated elsewhere is opened to resume, and the sender's batches from the first day are fed, not closed again,
/// through the snapshot's day (<see cref="StreamingBoard.Resume"/> then checks they are the data the snapshot was
/// taken on); the days after are closed. Resuming looks like being open at the last day fed, so the sender needs no
/// other path. Each day closed leaves its readiness point (readiness, weight counted, every signal's state and
/// staleness: a history, and the earlier side of a comparison), persisted with the snapshot. Opened with alert rules,
/// it evaluates them on each day it closes (<see cref="ThesisAlerts"/>) and keeps the notifications until a client
/// acknowledges them.
/// </summary>
/// <param name="clock">Times the feeder's hold (<see cref="LeaseFor"/>): the silo's <see cref="ClockKey"/>
/// service.</param>
public sealed class ThesisGrain([PersistentState("thesis", Storage.Name)] IPersistentState<ThesisState> state,
    [FromKeyedServices(ThesisGrain.ClockKey)] TimeProvider clock) : Grain, IThesisGrain
{
    /// <summary>The key of the <see cref="TimeProvider"/> service that times feeders' holds (a test's fake clock
    /// leaves Orleans' own timers alone).</summary>
    public const string ClockKey = "bellwether-thesis-hold";

    /// <summary>Days closed between two writes of the snapshot, at least; see <see cref="PersistDue"/>.</summary>
    public const int PersistEvery = 64;

    /// <summary>How long a feeder's call holds the grain against other feeders (<see cref="IThesisGrain.Release"/>).
    /// The hold lives in this activation's memory only: a grain reactivated elsewhere holds for no one.</summary>
    public static readonly TimeSpan LeaseFor = TimeSpan.FromSeconds(60);

    private Guid _feeder;
    private DateTimeOffset _heldUntil;

    private StreamingBoard? _board;
    private List<ReadinessPoint> _points = [];
    private ThesisAlerts? _alerts;
    private bool _dirty;
    /// <summary>While resuming: the snapshot's day, and the last day fed (not closed); −1 otherwise.</summary>
    private int _resumeAt = -1, _fed = -1;

    /// <summary>The last day closed (or fed, while resuming) when open, else the persisted snapshot's.</summary>
    private int LastDay => _board is null ? state.State.LastDay
        : _resumeAt >= 0 ? _fed : _board.Day?.DayNumber ?? -1;

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty) await Persist();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public Task<ThesisAck> Position() => Task.FromResult(Ack(0, 0, gap: false));

    public async Task<ThesisAck> Open(ThesisOpening opening)
    {
        if (!Hold(opening.Feeder)) return Ack(0, 0, gap: false) with { Busy = true };
        (_board, _points, _resumeAt, _fed) = (null, [], -1, -1);
        // What this activation evaluated wins over what was persisted: it is the later of the two.
        _alerts = opening.Alerts is { } rules ? ThesisAlerts.Open(rules, _alerts?.State() ?? state.State.Alerts) : null;
        if (opening.Through < 0)
        {
            if (state.State.LastDay >= 0) await Forget();
            _board = Fresh(opening);
        }
        else if (opening.Through == state.State.LastDay && state.State.Snapshot is not null)
            (_board, _resumeAt) = (Fresh(opening), opening.Through);
        return Ack(0, 0, gap: false);
    }

    public async Task<ThesisAck> Append(ThesisDays batch)
    {
        if (!Hold(batch.Feeder)) return Ack(0, 0, gap: false) with { Busy = true };
        if (_board is null) return Ack(0, 0, gap: false);
        int last = LastDay, closed = 0;
        if (last >= 0 && batch.FirstDay > last + 1) return Ack(0, 0, gap: true);
        int skip = last < 0 ? 0 : Math.Min(last + 1 - batch.FirstDay, batch.Rows.Length);
        for (int i = skip; i < batch.Rows.Length; i++)
        {
            int day = batch.FirstDay + i;
            Apply(_board, batch.Rows[i]);
            if (_resumeAt >= 0)
            {
                _fed = day;
                if (day == _resumeAt && !await Resume()) return Ack(0, 0, gap: false);
                continue;
            }
            var board = _board.Close(DateOnly.FromDayNumber(day))!;
            _alerts?.Closed(board);
            _points.Add(new ReadinessPoint(board.AsOf, board.Readiness, board.Counted,
                [.. board.Signals.Select(s => s.State)], [.. board.Signals.Select(s => s.Stale)]));
            closed++;
        }
        if (closed > 0)
        {
            _dirty = true;
            if (PersistDue) await Persist();
        }
        return Ack(closed, skip, gap: false);
    }

    /// <summary>
    /// True when <see cref="PersistEvery"/> days, or a sixteenth of the days closed if more, were closed since the
    /// last write: the state grows with the days (a readiness point each), so a first feed over n days writes about
    /// 16 times the final state in all rather than n / 64 times.
    /// </summary>
    private bool PersistDue => LastDay - state.State.LastDay >= Math.Max(PersistEvery, _points.Count / 16);

    public async Task<ThesisAck> Flush()
    {
        if (_dirty) await Persist();
        return Ack(0, 0, gap: false);
    }

    /// <summary>Restores the snapshot into the stream fed through its day; false (the state forgotten, the grain
    /// not open) when it was taken on other data or by an earlier version.</summary>
    private async Task<bool> Resume()
    {
        try
        {
            _board!.Resume(state.State.Snapshot!);
            _points = ReadinessPoints.Read(state.State.Readiness
                ?? throw new InvalidDataException("a snapshot without readiness points (an earlier version)"));
            (_resumeAt, _fed) = (-1, -1);
            return true;
        }
        catch (InvalidDataException)
        {
            // The sender starts again from the first day.
            (_board, _resumeAt, _fed) = (null, -1, -1);
            await Forget();
            return false;
        }
    }

    public Task<byte[]?> Board(int day) => Task.FromResult(At(day) ? ThesisJson.Of(_board!.Board()) : null);

    public Task<byte[]?> Readiness(int day, int from, int to) => Task.FromResult(At(day)
        ? ReadinessPoints.Write([.. _points.Where(p => p.Date.DayNumber >= from && p.Date.DayNumber <= to)])
        : null);

    public Task<byte[]?> Alerts(int day)
    {
        if (day >= 0 && !At(day)) return Task.FromResult<byte[]?>(null);
        var kept = _alerts?.State() ?? state.State.Alerts;
        return Task.FromResult(kept is null && day < 0 ? null : ThesisAlerts.Answer(kept ?? ThesisAlerts.None));
    }

    public async Task<int> Acknowledge(string[] keys)
    {
        var acknowledged = keys.ToHashSet(StringComparer.Ordinal);
        int removed;
        if (_alerts is not null) (removed, state.State.Alerts) = (_alerts.Acknowledge(acknowledged), _alerts.State());
        else if (state.State.Alerts is { } kept)
            (state.State.Alerts, removed) = ThesisAlerts.Acknowledge(kept, acknowledged);
        else return 0;
        // Written at once, with the snapshot last written: a client acknowledges what it recorded and delivered.
        if (removed > 0) await state.WriteStateAsync();
        return removed;
    }

    public Task Release(Guid feeder)
    {
        if (feeder == _feeder) _heldUntil = DateTimeOffset.MinValue;
        return Task.CompletedTask;
    }

    /// <summary>True, holding the grain for <paramref name="feeder"/> <see cref="LeaseFor"/> more, unless another
    /// feeder holds it.</summary>
    private bool Hold(Guid feeder)
    {
        var now = clock.GetUtcNow();
        if (feeder != _feeder && now < _heldUntil) return false;
        (_feeder, _heldUntil) = (feeder, now + LeaseFor);
        return true;
    }

    private bool At(int day) => _resumeAt < 0 && _board is { Day: { } closed } && closed.DayNumber == day;

    private static StreamingBoard Fresh(ThesisOpening opening)
    {
        var thesis = ThesisFile.Read(opening.Thesis, opening.File, Concepts.Signals);
        var board = new StreamingBoard(thesis, Concepts.Signals,
            ThesisJson.Read<List<CoinClassification>>(opening.Classifications));
        Apply(board, opening.Prelude);
        return board;
    }

    private static void Apply(StreamingBoard board, byte[] rows)
    {
        foreach (var row in ThesisJson.Rows(rows)) row.Apply(board);
    }

    private ThesisAck Ack(int applied, int ignored, bool gap) => new(LastDay, _board is not null,
        _board?.Data.ContentHash(LastDay >= 0 ? DateOnly.FromDayNumber(LastDay) : null) ?? 0, applied, ignored, gap);

    private async Task Persist()
    {
        (state.State.Snapshot, state.State.LastDay, state.State.Readiness) =
            (_board!.Snapshot(), LastDay, ReadinessPoints.Write(_points));
        state.State.Alerts = _alerts?.State() ?? state.State.Alerts;
        await state.WriteStateAsync();
        _dirty = false;
    }

    private async Task Forget()
    {
        // The alerts are kept: the days they evaluated are not evaluated again when the stream closes them again.
        (state.State.Snapshot, state.State.LastDay, state.State.Readiness, _dirty) = (null, -1, null, false);
        state.State.Alerts = _alerts?.State() ?? state.State.Alerts;
        await state.WriteStateAsync();
    }
}
