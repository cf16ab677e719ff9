using System.Security.Cryptography;
using System.Text;
using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Statistics.Resampling;
using Bellwether.Core.Streaming;

namespace Bellwether.Cluster;

/// <summary>
/// The client of a thesis grain. Feeds a <see cref="MarketFeed"/> over the data day by day from the feed's first to
/// <c>last</c>, recording what it gives its board only for the days the grain lacks: an open grain's last day is
/// checked by hash (the data the client knows by then, fed to that day only, against the grain's), and only the days
/// after it are recorded and sent. A grain that came back elsewhere from its snapshot gets the rows known by the
/// snapshot's day, then the days since. The board it answers as of <c>last</c> is the board
/// <see cref="ThesisBoard.Evaluate"/> gives on the same data and date.
/// </summary>
/// <remarks>One client feeds a thesis at a time: the grain refuses another feeder until this one releases it
/// (<see cref="IThesisGrain.Release"/>). A grain ahead of <c>last</c>, or holding other data than this feed (the store
/// changed, e.g. a revised past), starts again from the first day.</remarks>
public sealed class ThesisReplay
{
    private readonly IMarketData _source;
    private readonly ThesisDefinition _thesis;
    private readonly string _text, _file;
    private readonly byte[] _classifications;
    private readonly DateOnly _last;
    private readonly int _first;
    /// <summary>Each day's rows from the first day; null for a day fed without recording.</summary>
    private readonly byte[]?[] _days;
    private MarketFeed _feed;
    private FeedRecorder _recorder;
    private byte[] _prelude;
    private int _fedThrough;
    private long _acknowledged;
    /// <summary>This client's feed, as the grain knows it (<see cref="IThesisGrain.Release"/>).</summary>
    private readonly Guid _feeder = Guid.NewGuid();

    /// <param name="text">The thesis file's text (the grain reads it again).</param>
    /// <param name="file">The file it came from (named in errors).</param>
    public ThesisReplay(IMarketData data, ThesisDefinition thesis, string text, string file, DateOnly last)
    {
        (_source, _thesis, _text, _file, _last) = (data, thesis, text, file, last);
        (_feed, _recorder, _prelude) = NewFeed();
        // Without a row by the day asked for, the stream closes that day alone (its board is not measurable).
        _first = (_feed.First <= last ? _feed.First : last).DayNumber;
        _fedThrough = _first - 1;
        _days = new byte[]?[last.DayNumber - _first + 1];
        _classifications = ThesisJson.Of(_feed.Board.Data.Classifications);
    }

    /// <summary>The first day the grain closes: the first day any input has a row (or the last day, without
    /// any).</summary>
    public DateOnly First => DateOnly.FromDayNumber(_first);

    /// <summary>Alert rules the grain evaluates on the days it closes (null: none); part of its key.</summary>
    public AlertOpening? Alerts { get; init; }

    /// <summary>Days the client fed its own feed, recorded or not: the client's cost of learning where the grain
    /// stands and what it lacks.</summary>
    public int DaysFed { get; private set; }

    /// <summary>Days whose rows the client recorded (to send).</summary>
    public int DaysRecorded { get; private set; }

    /// <summary>The thesis grain's key: the thesis's name and a hash of its text, and of the alert rules'.</summary>
    public string Key => KeyOf(_thesis, _text, Alerts?.Rules);

    /// <summary>Days per batch.</summary>
    public int BatchDays { get; init; } = 32;

    /// <summary>Days the grain has that each batch repeats (an at-least-once feed's re-deliveries).</summary>
    public int Overlap { get; init; }

    /// <summary>How long the grain may stay unreachable before the replay fails.</summary>
    public TimeSpan RetryFor { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>The share of the days to <c>last</c> the grain has acknowledged.</summary>
    public double Progress => Interlocked.Read(ref _acknowledged) / (double)_days.Length;

    /// <summary>Days the grain closed, and days it ignored because it had them.</summary>
    public long Applied { get; private set; }

    /// <inheritdoc cref="Applied"/>
    public long Ignored { get; private set; }

    /// <summary>Times the grain was found without its stream (reactivated elsewhere) and opened again.</summary>
    public int Reopened { get; private set; }

    /// <summary>Calls retried while the grain's silo was unreachable.</summary>
    public int Retries { get; private set; }

    /// <summary>
    /// The thesis's name and the first 16 hex digits of the SHA-256 of its text; with alert rules, then
    /// <c>/alerts/</c> and those of the rules' text: a grain evaluates one rules file on its own stream.
    /// </summary>
    public static string KeyOf(ThesisDefinition thesis, string text, string? rules = null) =>
        $"{thesis.Name}/{Hash(text)}" + (rules is null ? "" : $"/alerts/{Hash(rules)}");

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    /// <summary>Brings the grain to the last day and returns its board as of that day.</summary>
    /// <exception cref="BoardsUnavailableException">Another client is feeding the grain or keeps opening it on other
    /// days, or the cluster did not answer for <see cref="RetryFor"/>.</exception>
    public async Task<BoardResult> Board(IGrainFactory grains, CancellationToken ct = default) =>
        ThesisJson.Board(await Read(grains, grain => grain.Board(_last.DayNumber), ct));

    /// <summary>
    /// Brings the grain, opened with <see cref="Alerts"/>, to the last day and returns its alerts: the last day
    /// evaluated, the engine's memory and every notification not acknowledged yet.
    /// </summary>
    /// <inheritdoc cref="Board" path="/exception"/>
    public async Task<ThesisAlertsAnswer> Notifications(IGrainFactory grains, CancellationToken ct = default) =>
        ThesisAlertsAnswer.Of(await Read(grains, grain => grain.Alerts(_last.DayNumber), ct));

    /// <summary>The alerts the grain keeps, without feeding it (null when it never evaluated these rules).</summary>
    /// <exception cref="BoardsUnavailableException">The cluster did not answer for <see cref="RetryFor"/>.</exception>
    public async Task<ThesisAlertsAnswer?> KeptNotifications(IGrainFactory grains, CancellationToken ct = default) =>
        await Answered(() => Call(() => grains.GetGrain<IThesisGrain>(Key).Alerts(-1), ct)) is { } json
            ? ThesisAlertsAnswer.Of(json) : null;

    /// <summary>Tells the grain these notifications were recorded and delivered; returns how many it dropped.
    /// </summary>
    /// <inheritdoc cref="KeptNotifications" path="/exception"/>
    public Task<int> Acknowledge(IGrainFactory grains, IEnumerable<string> keys, CancellationToken ct = default) =>
        Answered(() => Call(() => grains.GetGrain<IThesisGrain>(Key).Acknowledge([.. keys]), ct));

    /// <summary>
    /// Brings the grain to the last day and returns the readiness of the days from <paramref name="from"/> to the last
    /// that <paramref name="every"/> keeps (every day, Fridays, month ends): what
    /// <see cref="StreamedHistory.Readiness"/> gives over the same data. Days before the feed's first (no input has a
    /// row yet) are read in this process.
    /// </summary>
    /// <inheritdoc cref="Board" path="/exception"/>
    public async Task<IReadOnlyList<ReadinessPoint>> History(IGrainFactory grains, DateOnly from, Frequency every,
        CancellationToken ct = default)
    {
        int to = _last.DayNumber;
        if (from.DayNumber > to) return [];
        var points = from.DayNumber < _first
            ? [.. StreamedHistory.Readiness(_thesis, _source, from, DateOnly.FromDayNumber(_first - 1),
                Concepts.Signals, every)]
            : new List<ReadinessPoint>();
        var grain = ReadinessPoints.Read(await Read(grains, g => g.Readiness(to, from.DayNumber, to), ct));
        points.AddRange(grain.Where(p => Resampler.PeriodEnd(p.Date, every) == p.Date));
        return points;
    }

    /// <summary>
    /// Brings the grain to the last day and returns the board of an earlier day as the grain keeps it (readiness,
    /// weight counted, each signal's state and staleness: what a comparison reads; no values or explanations) and the
    /// board as of the last day. Before the feed's first day (no input has a row yet) the earlier board is read in
    /// this process.
    /// </summary>
    /// <inheritdoc cref="Board" path="/exception"/>
    public async Task<(BoardResult Before, BoardResult Now)> Compare(IGrainFactory grains, DateOnly before,
        CancellationToken ct = default)
    {
        int day = _last.DayNumber;
        var answers = await Read(grains, async grain =>
            await grain.Readiness(day, before.DayNumber, before.DayNumber) is { } point
            && await grain.Board(day) is { } now ? new[] { point, now } : null, ct);
        var board = ThesisJson.Board(answers[1]);
        if (ReadinessPoints.Read(answers[0]) is not [var kept])
            return (ThesisBoard.Evaluate(_thesis, _source, before, Concepts.Signals), board);
        var signals = board.Signals.Select((s, k) => s with
        {
            State = kept.States[k],
            Stale = kept.Stale[k],
            Value = double.NaN,
            Label = "",
            Since = null,
            Explanation = "",
            From = null,
            To = null,
            Inputs = [],
            Fields = new Dictionary<string, double>(),
        });
        return (new BoardResult(before, board.Thesis, kept.Readiness, kept.Counted, [.. signals], [],
            board.MinMeasured), board);
    }

    /// <summary>
    /// Brings the grain to the last day, then reads it with <paramref name="read"/>, which answers null when the grain
    /// is not open at the last day (another client moved it: it is brought back).
    /// </summary>
    private async Task<T> Read<T>(IGrainFactory grains, Func<IThesisGrain, Task<T?>> read, CancellationToken ct)
        where T : class
    {
        var grain = grains.GetGrain<IThesisGrain>(Key);
        try
        {
            return await Answered(() => Feed(grain, read, ct));
        }
        finally
        {
            // At best: a hold not released runs out by itself.
            try
            {
                await grain.Release(_feeder);
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
            }
        }
    }

    /// <summary>What <paramref name="call"/> answers; a cluster that did not answer for <see cref="RetryFor"/> is
    /// <see cref="BoardsUnavailableException"/>.</summary>
    private async Task<T> Answered<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            throw new BoardsUnavailableException(
                $"thesis grain {Key}: the cluster did not answer for {RetryFor.TotalSeconds:0} s ({e.Message})", e);
        }
    }

    private async Task<T> Feed<T>(IThesisGrain grain, Func<IThesisGrain, Task<T?>> read, CancellationToken ct)
        where T : class
    {
        int last = _last.DayNumber, refused = 0;
        var ack = await Call(grain.Position, ct);
        // A grain holding other rows than this feed by its last day (the store changed) starts again.
        if (ack.Open && ack.LastDay >= _first && ack.LastDay <= last && ack.Hash != HashThrough(ack.LastDay))
            ack = await Call(() => grain.Open(Opening(-1)), ct);
        while (true)
        {
            if (ack.Busy)
                throw new BoardsUnavailableException(
                    $"thesis grain {Key} is being fed by another client (one feeds a thesis at a time); try again " +
                    $"when it is done, or after {ThesisGrain.LeaseFor.TotalSeconds:0} s if that client died");
            Acknowledged(ack);
            if (!ack.Open || ack.LastDay > last || ack.LastDay >= 0 && ack.LastDay < _first)
            {
                if (++refused > 10)
                    throw new BoardsUnavailableException(
                        $"thesis grain {Key}: refused {refused - 1} openings in a row " +
                        "(is another client feeding it other days?)");
                int through = ack.Open || ack.LastDay > last || ack.LastDay < _first ? -1 : ack.LastDay;
                if (!ack.Open && ack.LastDay >= 0) Reopened++;
                ack = await Call(() => grain.Open(Opening(through)), ct);
                continue;
            }
            refused = 0;
            if (ack.LastDay < last)
            {
                int from = Math.Max(_first, ack.LastDay + 1 - Overlap), count = Math.Min(BatchDays, last + 1 - from);
                var days = Days(from, count);
                ack = await Call(() => grain.Append(new ThesisDays(from, days, _feeder)), ct);
                (Applied, Ignored) = (Applied + ack.Applied, Ignored + ack.Ignored);
                continue;
            }
            ack = await Call(grain.Flush, ct);
            if (ack.Open && ack.LastDay == last && await Call(() => read(grain), ct) is { } answer) return answer;
            ack = await Call(grain.Position, ct);
        }
    }

    private (MarketFeed Feed, FeedRecorder Recorder, byte[] Prelude) NewFeed()
    {
        var recorder = new FeedRecorder();
        var feed = new MarketFeed(_source, _thesis, Concepts.Signals, _last, tap: recorder);
        return (feed, recorder, recorder.EndDay());
    }

    /// <summary>
    /// The hash of the data known by <paramref name="day"/> (<see cref="StreamMarketData.ContentHash"/>) with the
    /// feed fed through that day only (a row revised later would change it), the days before it not recorded but the
    /// <see cref="Overlap"/> days ending on it (a batch re-sends them).
    /// </summary>
    private ulong HashThrough(int day)
    {
        if (_fedThrough > day) Restart();
        FeedThrough(day - Overlap, record: false);
        FeedThrough(day, record: true);
        return _feed.Board.Data.ContentHash(DateOnly.FromDayNumber(day));
    }

    /// <summary>The rows of <paramref name="count"/> days from <paramref name="from"/>; days fed without recording
    /// are fed again from the first day (a new feed), recorded.</summary>
    private byte[][] Days(int from, int count)
    {
        if (_days[from - _first] is null && from <= _fedThrough) Restart();
        FeedThrough(from + count - 1, record: true);
        return [.. _days[(from - _first)..(from - _first + count)].Select(d => d!)];
    }

    private void FeedThrough(int day, bool record)
    {
        _recorder.Recording = record;
        for (; _fedThrough < day; DaysFed++)
        {
            _feed.Feed(DateOnly.FromDayNumber(++_fedThrough));
            if (!record) continue;
            _days[_fedThrough - _first] = _recorder.EndDay();
            DaysRecorded++;
        }
    }

    private void Restart()
    {
        (_feed, _recorder, _prelude) = NewFeed();
        _fedThrough = _first - 1;
        Array.Clear(_days);
    }

    private void Acknowledged(ThesisAck ack) =>
        Interlocked.Exchange(ref _acknowledged, Math.Max(0, ack.LastDay + 1 - _first));

    /// <summary>The opening of a stream that resumes from the snapshot of day <paramref name="through"/> (−1:
    /// afresh).</summary>
    private ThesisOpening Opening(int through) =>
        new(_text, _file, _classifications, _prelude, through, _feeder, Alerts);

    private Task<T> Call<T>(Func<Task<T>> call, CancellationToken ct) =>
        ClusterRetry.Call(call, RetryFor, ct, failed: () => Retries++);
}
