using Bellwether.Core.Measurements;
using Bellwether.Core.Series;

namespace Bellwether.Core.Statistics.Drawdown;

/// <summary>
/// Running peak and drawdown of a price series. Causal by construction: the value on day t uses rows dated up to t,
/// so a reading as of a date equals the computation on the series cut at that date.
/// </summary>
public static class Drawdowns
{
    /// <summary>
    /// The drawdown of every day with a close from <paramref name="from"/> to <paramref name="to"/> (both optional,
    /// inclusive). The running peak starts at the first day of the period. Days without a close are left out.
    /// </summary>
    /// <exception cref="NotMeasurableException">A close or high is zero or negative (not a price).</exception>
    public static DrawdownPoint[] Compute(DailySeries series, DrawdownBasis basis = DrawdownBasis.Close,
        DateOnly? from = null, DateOnly? to = null) =>
        Walk(series, basis, from, to, out _, out _);

    /// <summary>
    /// The drawdown on the last close on or before <paramref name="asOf"/>, and the deepest drawdown from
    /// <paramref name="from"/> (default: the first row) to then; null when the period has no close.
    /// </summary>
    /// <exception cref="NotMeasurableException">A close or high is zero or negative (not a price).</exception>
    public static DrawdownReading? AsOf(DailySeries series, DateOnly asOf, DrawdownBasis basis = DrawdownBasis.Close,
        DateOnly? from = null)
    {
        var points = Walk(series, basis, from, asOf, out int missing, out int highsFromClose);
        if (points.Length == 0) return null;
        int trough = 0;
        for (int i = 1; i < points.Length; i++)
            if (points[i].Drawdown < points[trough].Drawdown) trough = i;
        return Reading(series, basis, asOf, points, points.Length, trough, missing, highsFromClose);
    }

    /// <summary>
    /// The walk over the whole series from <paramref name="from"/>, kept so that a reading as of any date is a look-up
    /// (<see cref="DrawdownHistory.AsOf"/> equals <see cref="AsOf"/>): the walk is causal, so its prefix up to a date
    /// is the walk cut at that date. A non-price row is not an error until a reading reaches it.
    /// </summary>
    public static DrawdownHistory History(DailySeries series, DrawdownBasis basis = DrawdownBasis.Close,
        DateOnly? from = null)
    {
        int start = Start(series, from);
        var tallies = new RowTally[Math.Max(0, series.Count - start)];
        var points = Walk(series, basis, start, series.Count, tallies, out _, out _, out var bad);
        var troughs = new int[points.Length];
        for (int i = 1; i < points.Length; i++)
            troughs[i] = points[i].Drawdown < points[troughs[i - 1]].Drawdown ? i : troughs[i - 1];
        return new DrawdownHistory(series, basis, start, points, tallies, troughs, bad);
    }

    /// <summary>The reading on the first <paramref name="count"/> points.</summary>
    internal static DrawdownReading Reading(DailySeries series, DrawdownBasis basis, DateOnly asOf,
        DrawdownPoint[] points, int count, int trough, int missing, int highsFromClose)
    {
        var latest = points[count - 1];
        return new DrawdownReading(series.Instrument.Id, basis, asOf, points[0].Date, latest,
            latest.Date.DayNumber - latest.PeakDate.DayNumber, points[trough].Drawdown, points[trough].Date,
            points[trough].PeakDate, count, missing, highsFromClose);
    }

    private static int Start(DailySeries s, DateOnly? from) => from is { } f ? s.IndexOnOrBefore(f.AddDays(-1)) + 1 : 0;

    private static DrawdownPoint[] Walk(DailySeries s, DrawdownBasis basis, DateOnly? from, DateOnly? to,
        out int missing, out int highsFromClose)
    {
        int end = to is { } t ? s.IndexOnOrBefore(t) + 1 : s.Count;
        var points = Walk(s, basis, Start(s, from), end, null, out missing, out highsFromClose, out var bad);
        return bad is null ? points : throw new NotMeasurableException(bad.Value.Message);
    }

    /// <summary>
    /// Walks rows <paramref name="start"/> to <paramref name="end"/> − 1, stopping at the first row that is not a price
    /// (<paramref name="bad"/>: its index and the error). <paramref name="tallies"/>, when given, receives the counts
    /// after each row (index relative to <paramref name="start"/>).
    /// </summary>
    private static DrawdownPoint[] Walk(DailySeries s, DrawdownBasis basis, int start, int end, RowTally[]? tallies,
        out int missing, out int highsFromClose, out (int Row, string Message)? bad)
    {
        var points = new DrawdownPoint[Math.Max(0, end - start)];
        int count = 0;
        missing = highsFromClose = 0;
        bad = null;
        double peak = double.NegativeInfinity;
        DateOnly peakDate = default;
        var (dates, closes, highs) = (s.Dates, s.Close, s.High);
        for (int i = start; i < end; i++)
        {
            double close = closes[i];
            if (double.IsNaN(close)) missing++;
            else
            {
                if (close <= 0)
                {
                    bad = (i,
                        $"{s.Instrument.Id}: close {close} on {dates[i]} is not a price; import with --skip-bad to " +
                        $"leave such rows out");
                    break;
                }
                double candidate = close;
                if (basis == DrawdownBasis.High)
                {
                    double high = highs[i];
                    if (high <= 0)
                    {
                        bad = (i, $"{s.Instrument.Id}: high {high} on {dates[i]} is not a price");
                        break;
                    }
                    if (high >= close) candidate = high;
                    else highsFromClose++; // NaN compares false: a missing high counts here too
                }
                // ">=" so that a day equal to the peak is "at the peak": days since peak restart at 0.
                if (candidate >= peak) { peak = candidate; peakDate = dates[i]; }
                points[count++] = new DrawdownPoint(dates[i], close, peak, peakDate, close / peak - 1);
            }
            if (tallies is not null) tallies[i - start] = new RowTally(count, missing, highsFromClose);
        }
        if (count < points.Length) Array.Resize(ref points, count);
        return points;
    }
}

/// <summary>Counts after a row of a walk: points so far, rows without a close, highs replaced by the close.</summary>
internal readonly record struct RowTally(int Points, int Missing, int HighsFromClose);
