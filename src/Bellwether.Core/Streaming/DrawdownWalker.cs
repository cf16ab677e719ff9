using Bellwether.Core.Series;
using Bellwether.Core.Statistics.Drawdown;

namespace Bellwether.Core.Streaming;

/// <summary>
/// The walk of <see cref="Drawdowns"/> one row at a time: the running peak (by close or high) from
/// <paramref name="from"/> on, the missing closes and highs taken from the close, and the first row that is not a
/// price (after which nothing is walked, as the batch stops there). O(1) per row and in memory.
/// </summary>
internal sealed class DrawdownWalker(DrawdownBasis basis, DateOnly? from)
{
    private double _peak = double.NegativeInfinity;
    private DateOnly _peakDate;

    /// <summary>Rows from the start without a close.</summary>
    public int Missing { get; private set; }

    /// <summary>Rows whose peak candidate was the close because the high was missing or below it.</summary>
    public int HighsFromClose { get; private set; }

    /// <summary>Why the walk stopped (a row that is not a price), or null.</summary>
    public string? Bad { get; private set; }

    /// <summary>Walks <paramref name="bar"/> of <paramref name="id"/>: true with its point when it has one.</summary>
    public bool Step(in DailyBar bar, string id, out DrawdownPoint point)
    {
        point = default;
        if (Bad is not null || (from is { } start && bar.Date < start)) return false;
        double close = bar.Close;
        if (double.IsNaN(close)) { Missing++; return false; }
        if (close <= 0)
        {
            Bad = $"{id}: close {close} on {bar.Date} is not a price; import with --skip-bad to leave such rows out";
            return false;
        }
        double candidate = close;
        if (basis == DrawdownBasis.High)
        {
            if (bar.High <= 0)
            {
                Bad = $"{id}: high {bar.High} on {bar.Date} is not a price";
                return false;
            }
            if (bar.High >= close) candidate = bar.High;
            else HighsFromClose++; // NaN compares false: a missing high counts here too
        }
        if (candidate >= _peak) { _peak = candidate; _peakDate = bar.Date; }
        point = new DrawdownPoint(bar.Date, close, _peak, _peakDate, close / _peak - 1);
        return true;
    }

    public void Write(BinaryWriter w)
    {
        w.Write(_peak); Snapshots.Write(w, _peakDate); w.Write(Missing); w.Write(HighsFromClose);
        w.Write(Bad is not null);
        if (Bad is not null) w.Write(Bad);
    }

    public void Read(BinaryReader r)
    {
        (_peak, _peakDate, Missing, HighsFromClose) = (r.ReadDouble(), Snapshots.ReadDate(r)!.Value, r.ReadInt32(),
            r.ReadInt32());
        Bad = r.ReadBoolean() ? r.ReadString() : null;
    }
}
