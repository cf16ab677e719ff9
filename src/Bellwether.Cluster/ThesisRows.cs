using System.Text.Json;
using System.Text.Json.Serialization;
using Bellwether.Core.Board;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Core.Streaming;
using Bellwether.Core.Universe;

namespace Bellwether.Cluster;

/// <summary>
/// One call a <see cref="MarketFeed"/> made on its board (<see cref="IFeedTap"/>), as sent to a thesis grain. Bars and
/// flow rows name their buffer by id: the buffer was created by an earlier row (<see cref="FeedRecorder"/> sees to
/// it).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "row")]
[JsonDerivedType(typeof(SeriesRow), "series")]
[JsonDerivedType(typeof(FlowsRow), "flows")]
[JsonDerivedType(typeof(BarRow), "bar")]
[JsonDerivedType(typeof(FlowRow), "flow")]
[JsonDerivedType(typeof(RankingRow), "ranking")]
internal abstract record StreamRow
{
    public abstract void Apply(StreamingBoard board);
}

internal sealed record SeriesRow(Instrument Instrument, bool ClosesOnly) : StreamRow
{
    public override void Apply(StreamingBoard board) => board.Data.SeriesOf(Instrument, ClosesOnly);
}

internal sealed record FlowsRow(Instrument Instrument, string[] Funds, string Source) : StreamRow
{
    public override void Apply(StreamingBoard board) => board.Data.FlowsOf(Instrument, Funds, Source);
}

internal sealed record BarRow(string Id, DailyBar Bar, DateOnly Arrived, bool ClosesOnly) : StreamRow
{
    public override void Apply(StreamingBoard board) =>
        board.Bar(board.Data.Series(Id)!.Instrument, Bar, Arrived, ClosesOnly);
}

internal sealed record FlowRow(string Id, DateOnly Date, double[] Values, double Total, bool Derived, DateOnly Arrived)
    : StreamRow
{
    public override void Apply(StreamingBoard board)
    {
        var table = board.Data.Flows(Id)!;
        board.Flow(table.Instrument, table.Funds, table.Source, Date, Values, Total, Derived, Arrived);
    }
}

internal sealed record RankingRow(IReadOnlyList<RankedCoin> Snapshot) : StreamRow
{
    public override void Apply(StreamingBoard board) => board.Ranking(Snapshot);
}

/// <summary>
/// The wire and storage text of rows and boards: JSON that keeps every double's bits (shortest round-trip text, NaN
/// and infinities by name), so a board read on a silo is the board the client prints.
/// </summary>
internal static class ThesisJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static byte[] Rows(IReadOnlyList<StreamRow> rows) => JsonSerializer.SerializeToUtf8Bytes(rows, Options);

    public static List<StreamRow> Rows(byte[] json) => JsonSerializer.Deserialize<List<StreamRow>>(json, Options)!;

    public static byte[] Of<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static T Read<T>(byte[] json) => JsonSerializer.Deserialize<T>(json, Options)!;

    public static BoardResult Board(byte[] json) => Read<BoardResult>(json);
}

/// <summary>
/// Records a <see cref="MarketFeed"/>'s calls (<see cref="IFeedTap"/>): the rows before the first day (the buffers
/// the feed creates up front), then each day's rows, closed by <see cref="EndDay"/>.
/// </summary>
internal sealed class FeedRecorder : IFeedTap
{
    private readonly HashSet<string> _series = new(StringComparer.OrdinalIgnoreCase),
        _flows = new(StringComparer.OrdinalIgnoreCase);
    private List<StreamRow> _rows = [];

    /// <summary>
    /// False while the feed goes through days the grain has: their rows are not kept, but the buffers they create
    /// are noted (the grain has them, so they are not created again).
    /// </summary>
    public bool Recording { get; set; } = true;

    /// <summary>The rows since the last <see cref="EndDay"/>, and a fresh list for the next day.</summary>
    public byte[] EndDay()
    {
        var rows = ThesisJson.Rows(_rows);
        _rows = [];
        return rows;
    }

    // A buffer is created once: asked again, the board returns the one it has, so the row would change nothing.
    public void Series(Instrument instrument, bool closesOnly)
    {
        if (_series.Add(instrument.Id)) Add(new SeriesRow(instrument, closesOnly));
    }

    public void Flows(Instrument instrument, string[] funds, string source)
    {
        if (_flows.Add(instrument.Id)) Add(new FlowsRow(instrument, funds, source));
    }

    public void Bar(Instrument instrument, DailyBar bar, DateOnly arrived, bool closesOnly)
    {
        // The board creates a buffer on its first bar; so does the grain's, from this row.
        Series(instrument, closesOnly);
        Add(new BarRow(instrument.Id, bar, arrived, closesOnly));
    }

    public void Flow(Instrument instrument, string[] funds, string source, DateOnly date, double[] values, double total,
        bool derived, DateOnly arrived)
    {
        Flows(instrument, funds, source);
        Add(new FlowRow(instrument.Id, date, values, total, derived, arrived));
    }

    public void Ranking(IReadOnlyList<RankedCoin> snapshot) => Add(new RankingRow(snapshot));

    private void Add(StreamRow row)
    {
        if (Recording) _rows.Add(row);
    }
}

/// <summary>
/// Readiness points as a thesis grain keeps and sends them: a version, the count and the number of signals, then per
/// point its day, readiness and weight counted (the doubles' bits) and per signal one byte: its state, and 8 when
/// stale.
/// </summary>
public static class ReadinessPoints
{
    private const byte Version = 2, Stale = 8;

    public static byte[] Write(IReadOnlyList<ReadinessPoint> points)
    {
        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer))
        {
            w.Write(Version);
            w.Write(points.Count);
            w.Write(points.Count > 0 ? points[0].States.Count : 0);
            foreach (var p in points)
            {
                w.Write(p.Date.DayNumber);
                w.Write(p.Readiness);
                w.Write(p.Counted);
                for (int k = 0; k < p.States.Count; k++) w.Write((byte)((byte)p.States[k] | (p.Stale[k] ? Stale : 0)));
            }
        }
        return buffer.ToArray();
    }

    /// <exception cref="InvalidDataException">Not points of this version.</exception>
    public static List<ReadinessPoint> Read(byte[] bytes)
    {
        if (bytes.Length == 0) return [];
        using var r = new BinaryReader(new MemoryStream(bytes));
        if (r.ReadByte() != Version) throw new InvalidDataException("readiness points of another version");
        var (points, signals) = (new List<ReadinessPoint>(r.ReadInt32()), r.ReadInt32());
        for (int i = points.Capacity; i > 0; i--)
        {
            var (day, readiness, counted) = (DateOnly.FromDayNumber(r.ReadInt32()), r.ReadDouble(), r.ReadDouble());
            var (states, stale) = (new SignalState[signals], new bool[signals]);
            for (int k = 0; k < signals; k++)
            {
                byte b = r.ReadByte();
                (states[k], stale[k]) = ((SignalState)(b & (Stale - 1)), (b & Stale) != 0);
            }
            points.Add(new ReadinessPoint(day, readiness, counted, states, stale));
        }
        return points;
    }
}
