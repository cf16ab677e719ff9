using Bellwether.Core.Series;
using Bellwether.Core.Structure.Pivots;

namespace Bellwether.Core.Structure.Trendlines;

/// <summary>
/// Finds trendlines as of a date from the bars on or before it.
/// </summary>
/// <remarks>
/// <para>Resistance (support is the mirror: lows, "below", downward breaks). Pivot highs confirmed by the as-of bar and
/// dated within the lookback are the candidates. A trend starts at the highest of them (the earliest on a tie). Walking
/// forward bar by bar from that first anchor, the line is the one through the first anchor and the later pivot that
/// gives the shallowest descent while no close between the first anchor and that pivot lies above it; each new pivot
/// that satisfies this raises the line. The first close after the last anchor above line × (1 + buffer) breaks it (the
/// line on a bar is the one fixed by pivots before that bar). After a break, the next trend starts at the highest pivot
/// after the break bar; a trend whose first anchor has no valid second anchor ends the search.</para>
/// <para>Lines are straight in log value against calendar days. Non-positive or NaN closes and pivots are
/// ignored.</para>
/// </remarks>
public static class TrendlineFinder
{
    /// <summary>The trendlines of <paramref name="side"/> as of <paramref name="asOf"/>.</summary>
    public static TrendlineReport AsOf(DailySeries series, DateOnly asOf, TrendlineSide side,
        TrendlineParameters parameters)
    {
        int last = series.IndexOnOrBefore(asOf);
        if (last < 0) return new TrendlineReport(side, null, null, []);
        double sign = side == TrendlineSide.Resistance ? 1 : -1;
        var from = asOf.AddMonths(-parameters.LookbackMonths);
        int firstRow = series.IndexOnOrBefore(from.AddDays(-1)) + 1;
        var pivots = SwingPivots.Find(series, side == TrendlineSide.Resistance ? PivotKind.High : PivotKind.Low,
            parameters.PivotSizes, last, firstRow)
            .Where(p => p.Value > 0)
            .ToList();
        var logValues = pivots.Select(p => sign * Math.Log(p.Value)).ToArray();
        double logBuffer = Math.Log(1 + parameters.BreakBuffer), logTouch = Math.Log(1 + parameters.TouchTolerance);

        var lines = new List<Trendline>();
        int after = -1;
        while (true)
        {
            int first = -1;
            for (int k = 0; k < pivots.Count; k++)
                if (pivots[k].Index > after && (first < 0 || logValues[k] > logValues[first])) first = k;
            if (first < 0) break;
            var (second, slope, breakRow) = Sweep(series, last, sign, pivots, logValues, first, logBuffer);
            if (second < 0) break;
            var line = Build(series, side, sign, pivots, logValues, first, second, slope, breakRow >= 0 ? breakRow
                : last, last, breakRow >= 0, logTouch);
            if (line.Touches.Count >= parameters.MinTouches) lines.Add(line);
            if (breakRow < 0) break;
            after = breakRow;
        }
        var dominant = lines
            .OrderByDescending(l => l.End.DayNumber - l.FirstAnchor.Date.DayNumber)
            .ThenByDescending(l => l.Touches.Count)
            .ThenByDescending(l => l.FirstAnchor.Date)
            .FirstOrDefault();
        return new TrendlineReport(side, series.Dates[last], dominant, lines);
    }

    /// <summary>Walks from the first anchor to the break (or the last row); returns the second anchor (-1: none), the
    /// slope and the break row (-1: none).</summary>
    private static (int Second, double Slope, int BreakRow) Sweep(DailySeries series, int last, double sign,
        List<Pivot> pivots, double[] logValues, int first, double logBuffer)
    {
        var anchor = pivots[first];
        double ya = logValues[first];
        int ta = anchor.Date.DayNumber;
        double slope = double.NaN, steepestClose = double.NegativeInfinity;
        int second = -1, next = first + 1;
        for (int i = anchor.Index + 1; i <= last; i++)
        {
            double dt = series.Dates[i].DayNumber - ta;
            double close = series.Close[i];
            if (close > 0)
            {
                double y = sign * Math.Log(close);
                if (second >= 0 && (y - logBuffer - ya) / dt > slope) return (second, slope, i);
                steepestClose = Math.Max(steepestClose, (y - ya) / dt);
            }
            while (next < pivots.Count && pivots[next].Index < i) next++;
            if (next < pivots.Count && pivots[next].Index == i && logValues[next] < ya)
            {
                // A valid anchor keeps every close since the first anchor on or under the line; the shallowest such
                // line wins.
                double s = (logValues[next] - ya) / dt;
                if (s >= steepestClose && (second < 0 || s > slope)) (second, slope) = (next, s);
            }
        }
        return (second, slope, -1);
    }

    private static Trendline Build(DailySeries series, TrendlineSide side, double sign, List<Pivot> pivots,
        double[] logValues, int first, int second, double slope, int endRow, int last, bool broken, double logTouch)
    {
        var a = pivots[first];
        int ta = a.Date.DayNumber;
        double LineAt(DateOnly d) => a.Value * Math.Exp(sign * slope * (d.DayNumber - ta));
        var touches = new List<TrendlinePoint>();
        for (int k = first; k < pivots.Count && pivots[k].Index <= endRow; k++)
            if (Math.Abs(logValues[k] - (logValues[first] + slope * (pivots[k].Date.DayNumber - ta))) <= logTouch)
                touches.Add(new TrendlinePoint(pivots[k].Date, pivots[k].Value));
        var end = series.Dates[endRow];
        var b = pivots[second];
        return new Trendline(side, new TrendlinePoint(a.Date, a.Value), new TrendlinePoint(b.Date, b.Value), touches,
            (Math.Exp(sign * slope * Trendline.DaysPerMonth) - 1) * 100, end, (end.DayNumber - ta)
            / Trendline.DaysPerMonth,
            LineAt(series.Dates[last]), broken ? new TrendlineBreak(end, series.Close[endRow], LineAt(end)) : null);
    }
}
