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
    /// <exception cref="ArgumentException">A close or high is zero or negative (not a price).</exception>
    public static DrawdownPoint[] Compute(DailySeries series, DrawdownBasis basis = DrawdownBasis.Close, DateOnly? from = null, DateOnly? to = null) =>
        Walk(series, basis, from, to, out _, out _);

    /// <summary>
    /// The drawdown on the last close on or before <paramref name="asOf"/>, and the deepest drawdown from
    /// <paramref name="from"/> (default: the first row) to then; null when the period has no close.
    /// </summary>
    /// <exception cref="ArgumentException">A close or high is zero or negative (not a price).</exception>
    public static DrawdownReading? AsOf(DailySeries series, DateOnly asOf, DrawdownBasis basis = DrawdownBasis.Close, DateOnly? from = null)
    {
        var points = Walk(series, basis, from, asOf, out int missing, out int highsFromClose);
        if (points.Length == 0) return null;
        int trough = 0;
        for (int i = 1; i < points.Length; i++)
            if (points[i].Drawdown < points[trough].Drawdown) trough = i;
        var latest = points[^1];
        return new DrawdownReading(series.Instrument.Id, basis, asOf, points[0].Date, latest,
            latest.Date.DayNumber - latest.PeakDate.DayNumber, points[trough].Drawdown, points[trough].Date,
            points[trough].PeakDate, points.Length, missing, highsFromClose);
    }

    private static DrawdownPoint[] Walk(DailySeries s, DrawdownBasis basis, DateOnly? from, DateOnly? to, out int missing, out int highsFromClose)
    {
        int start = from is { } f ? s.IndexOnOrBefore(f.AddDays(-1)) + 1 : 0;
        int end = to is { } t ? s.IndexOnOrBefore(t) + 1 : s.Count;
        var points = new DrawdownPoint[Math.Max(0, end - start)];
        int count = 0;
        missing = highsFromClose = 0;
        double peak = double.NegativeInfinity;
        DateOnly peakDate = default;
        var (dates, closes, highs) = (s.Dates, s.Close, s.High);
        for (int i = start; i < end; i++)
        {
            double close = closes[i];
            if (double.IsNaN(close)) { missing++; continue; }
            if (close <= 0) throw new ArgumentException($"{s.Instrument.Id}: close {close} on {dates[i]} is not a price; import with --skip-bad to leave such rows out");
            double candidate = close;
            if (basis == DrawdownBasis.High)
            {
                double high = highs[i];
                if (high <= 0) throw new ArgumentException($"{s.Instrument.Id}: high {high} on {dates[i]} is not a price");
                if (high >= close) candidate = high;
                else highsFromClose++; // NaN compares false: a missing high counts here too
            }
            // ">=" so that a day equal to the peak is "at the peak": days since peak restart at 0.
            if (candidate >= peak) { peak = candidate; peakDate = dates[i]; }
            points[count++] = new DrawdownPoint(dates[i], close, peak, peakDate, close / peak - 1);
        }
        if (count < points.Length) Array.Resize(ref points, count);
        return points;
    }
}
