using System.Security.Cryptography;
using System.Text;
using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Streaming;

namespace Bellwether.Cluster;

/// <summary>
/// The client of a thesis grain. Records what a <see cref="MarketFeed"/> over the data gives its board on each day
/// from the feed's first to <c>last</c>, brings the grain to <c>last</c> (it gets only the days it lacks; a grain that
/// came back elsewhere from its snapshot gets the rows known by the snapshot's day, then the days since) and reads its
/// board as of <c>last</c>: the board <see cref="ThesisBoard.Evaluate"/> gives on the same data and date.
/// </summary>
/// <remarks>One client feeds a thesis at a time. A grain ahead of <c>last</c>, or holding other data than this feed
/// (the store changed), starts again from the first day.</remarks>
public sealed class ThesisReplay
{
    private readonly string _text, _file;
    private readonly byte[] _prelude, _classifications;
    private readonly byte[][] _days;
    private readonly int _first;
    private readonly StreamMarketData _data;
    private long _acknowledged;

    /// <param name="text">The thesis file's text (the grain reads it again).</param>
    /// <param name="file">The file it came from (named in errors).</param>
    public ThesisReplay(IMarketData data, ThesisDefinition thesis, string text, string file, DateOnly last)
    {
        (_text, _file) = (text, file);
        var recorder = new FeedRecorder();
        var feed = new MarketFeed(data, thesis, Concepts.Signals, last, tap: recorder);
        _prelude = recorder.EndDay();
        // Without a row by the day asked for, the stream closes that day alone (its board is not measurable).
        var first = feed.First <= last ? feed.First : last;
        _first = first.DayNumber;
        _days = new byte[last.DayNumber - _first + 1][];
        for (int i = 0; i < _days.Length; i++)
        {
            feed.Feed(first.AddDays(i));
            _days[i] = recorder.EndDay();
        }
        _data = feed.Board.Data;
        _classifications = ThesisJson.Of(_data.Classifications);
        Key = KeyOf(thesis, text);
    }

    /// <summary>The thesis grain's key: the thesis's name and a hash of its text.</summary>
    public string Key { get; }

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
    /// The board of a thesis as of a date, answered by its grain on the cluster of <paramref name="grains"/>, one
    /// evaluation at a time (two at once would each set the grain back to their own date).
    /// </summary>
    /// <param name="text">The thesis file's text.</param>
    /// <param name="file">The file it came from.</param>
    public static Func<IMarketData, ThesisDefinition, DateOnly, BoardResult> Evaluator(IGrainFactory grains,
        string text, string file)
    {
        var one = new Lock();
        return (data, thesis, date) =>
        {
            lock (one) return new ThesisReplay(data, thesis, text, file, date).Board(grains).GetAwaiter().GetResult();
        };
    }

    public static string KeyOf(ThesisDefinition thesis, string text) =>
        $"{thesis.Name}/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16]}";

    /// <summary>Brings the grain to the last day and returns its board as of that day.</summary>
    /// <exception cref="InvalidOperationException">Another client keeps opening the grain on other days.</exception>
    public async Task<BoardResult> Board(IGrainFactory grains, CancellationToken ct = default)
    {
        var grain = grains.GetGrain<IThesisGrain>(Key);
        int last = _first + _days.Length - 1, refused = 0;
        var ack = await Call(grain.Position, ct);
        // A grain holding other rows than this feed by its last day (the store changed) starts again.
        if (ack.Open && ack.LastDay >= _first && ack.LastDay <= last
            && ack.Hash != _data.ContentHash(DateOnly.FromDayNumber(ack.LastDay)))
            ack = await Call(() => grain.Open(Opening(-1)), ct);
        while (true)
        {
            Acknowledged(ack);
            if (!ack.Open || ack.LastDay > last || ack.LastDay >= 0 && ack.LastDay < _first)
            {
                if (++refused > 10)
                    throw new InvalidOperationException(
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
                ack = await Call(() =>
                    grain.Append(new ThesisDays(from, _days[(from - _first)..(from - _first + count)])), ct);
                (Applied, Ignored) = (Applied + ack.Applied, Ignored + ack.Ignored);
                continue;
            }
            ack = await Call(grain.Flush, ct);
            if (ack.Open && ack.LastDay == last && await Call(() => grain.Board(last), ct) is { } board)
                return ThesisJson.Board(board);
            ack = await Call(grain.Position, ct);
        }
    }

    private void Acknowledged(ThesisAck ack) =>
        Interlocked.Exchange(ref _acknowledged, Math.Max(0, ack.LastDay + 1 - _first));

    /// <summary>The opening whose history runs through <paramref name="through"/> (−1: afresh).</summary>
    private ThesisOpening Opening(int through) =>
        new(_text, _file, _classifications, _prelude, through, through < 0 ? [] : _days[..(through - _first + 1)]);

    private Task<T> Call<T>(Func<Task<T>> call, CancellationToken ct) =>
        ClusterRetry.Call(call, RetryFor, ct, failed: () => Retries++);
}
