using Bellwether.Core.Statistics.Drawdown;

namespace Bellwether.Core.Streaming;

/// <summary>Field encodings shared by the states' <see cref="ISignalState.Write"/> (little-endian, fixed
/// width).</summary>
internal static class Snapshots
{
    /// <summary>A date as its day number + 1, 0 for none.</summary>
    public static void Write(BinaryWriter w, DateOnly? d) => w.Write(d is { } x ? x.DayNumber + 1 : 0);

    public static DateOnly? ReadDate(BinaryReader r) => r.ReadInt32() is var n and > 0 ? DateOnly.FromDayNumber(n - 1)
        : null;

    public static void Write(BinaryWriter w, in DrawdownPoint p)
    {
        Write(w, p.Date); w.Write(p.Close); w.Write(p.Peak); Write(w, p.PeakDate); w.Write(p.Drawdown);
    }

    public static DrawdownPoint ReadPoint(BinaryReader r) =>
        new(ReadDate(r)!.Value, r.ReadDouble(), r.ReadDouble(), ReadDate(r)!.Value, r.ReadDouble());

    public static void Write(BinaryWriter w, in Series.DailyBar b)
    {
        Write(w, b.Date);
        foreach (var x in new[] { b.Open, b.High, b.Low, b.Close, b.Volume, b.MarketCap }) w.Write(x);
        w.Write(b.Source);
    }

    public static Series.DailyBar ReadBar(BinaryReader r) => new(ReadDate(r)!.Value, r.ReadDouble(), r.ReadDouble(),
        r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadString());
}
