using Bellwether.Core.Measurements;
using Bellwether.Core.Streaming;
using Bellwether.Core.Universe;
using Bellwether.Data.Thesis;

namespace Bellwether.Cluster;

/// <summary>
/// A thesis on the streaming engine (<see cref="IThesisGrain"/>). Persisted: the stream's snapshot, every
/// <see cref="PersistEvery"/> days closed, on <see cref="IThesisGrain.Flush"/> and on a graceful deactivation. The
/// snapshot holds the incremental states, not the rows (a batch-read signal reads every row known): a grain
/// reactivated elsewhere is open again once the sender re-sends the rows known by the snapshot's day (fed, not closed
/// again: <see cref="StreamingBoard.Resume"/> checks they are the data the snapshot was taken on), then the days since.
/// </summary>
public sealed class ThesisGrain([PersistentState("thesis", Storage.Name)] IPersistentState<ThesisState> state)
    : Grain, IThesisGrain
{
    /// <summary>Days closed between two writes of the snapshot.</summary>
    public const int PersistEvery = 64;

    private StreamingBoard? _board;
    private bool _dirty;

    /// <summary>The last day closed: the stream's when open, else the persisted snapshot's.</summary>
    private int LastDay => _board is not null ? _board.Day?.DayNumber ?? -1 : state.State.LastDay;

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty) await Persist();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public Task<ThesisAck> Position() => Task.FromResult(Ack(0, 0, gap: false));

    public async Task<ThesisAck> Open(ThesisOpening opening)
    {
        _board = null;
        if (opening.Through < 0)
        {
            if (state.State.LastDay >= 0) await Forget();
            _board = Fresh(opening);
            return Ack(0, 0, gap: false);
        }
        if (opening.Through != state.State.LastDay || state.State.Snapshot is not { } snapshot)
            return Ack(0, 0, gap: false);
        var board = Fresh(opening);
        foreach (var day in opening.History) Apply(board, day);
        try
        {
            board.Resume(snapshot);
            _board = board;
        }
        catch (InvalidDataException)
        {
            // Taken on other data (the store changed): the sender starts again from the first day.
            await Forget();
        }
        return Ack(0, 0, gap: false);
    }

    public async Task<ThesisAck> Append(ThesisDays batch)
    {
        if (_board is null) return Ack(0, 0, gap: false);
        int last = LastDay;
        if (last >= 0 && batch.FirstDay > last + 1) return Ack(0, 0, gap: true);
        int skip = last < 0 ? 0 : Math.Min(last + 1 - batch.FirstDay, batch.Rows.Length);
        for (int i = skip; i < batch.Rows.Length; i++)
        {
            Apply(_board, batch.Rows[i]);
            _board.Close(DateOnly.FromDayNumber(batch.FirstDay + i), read: false);
        }
        if (batch.Rows.Length > skip)
        {
            _dirty = true;
            if (StepRule.CrossesCheckpoint(last, LastDay, PersistEvery)) await Persist();
        }
        return Ack(batch.Rows.Length - skip, skip, gap: false);
    }

    public async Task<ThesisAck> Flush()
    {
        if (_dirty) await Persist();
        return Ack(0, 0, gap: false);
    }

    public Task<byte[]?> Board(int day) => Task.FromResult(_board is { Day: { } closed } && closed.DayNumber == day
        ? ThesisJson.Of(_board.Board()) : null);

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
        _board?.Data.ContentHash(_board.Day) ?? 0, applied, ignored, gap);

    private async Task Persist()
    {
        (state.State.Snapshot, state.State.LastDay) = (_board!.Snapshot(), LastDay);
        await state.WriteStateAsync();
        _dirty = false;
    }

    private async Task Forget()
    {
        (state.State.Snapshot, state.State.LastDay, _dirty) = (null, -1, false);
        await state.WriteStateAsync();
    }
}
