using Bellwether.Core.Series;

namespace Bellwether.Core.Structure.Pivots;

/// <summary>
/// Swing highs and lows in the manner of Pine's <c>pivothigh(left, right)</c>: a bar whose high is strictly above
/// the <c>Left</c> highs before it and at least the <c>Right</c> highs after it (mirrored for lows). A flat top
/// therefore yields one pivot, on its first bar. The pivot is known only <c>Right</c> bars after it happens.
/// </summary>
/// <remarks>
/// A bar without a high (or low) uses its close, so close-only series (ratios, FRED) work. A bar whose value is NaN
/// is never a pivot and is ignored as a neighbour. The first <c>Left</c> rows cannot be pivots.
/// </remarks>
public static class SwingPivots
{
    /// <summary>
    /// The pivots of <paramref name="kind"/> at rows from <paramref name="firstIndex"/> on that are confirmed by row
    /// <paramref name="lastIndex"/> (pivot row + Right ≤ lastIndex), in date order.
    /// </summary>
    public static List<Pivot> Find(DailySeries series, PivotKind kind, PivotParameters parameters, int lastIndex,
        int firstIndex = 0)
    {
        var pivots = new List<Pivot>();
        lastIndex = Math.Min(lastIndex, series.Count - 1);
        var extreme = kind == PivotKind.High ? series.High : series.Low;
        var close = series.Close;
        double Value(int i) => double.IsFinite(extreme[i]) ? extreme[i] : close[i];
        // Compare as "higher" for highs and "lower" for lows by flipping the sign once.
        double sign = kind == PivotKind.High ? 1 : -1;
        for (int i = Math.Max(parameters.Left, firstIndex); i + parameters.Right <= lastIndex; i++)
        {
            double v = Value(i);
            if (double.IsNaN(v)) continue;
            bool pivot = true;
            for (int j = i - parameters.Left; j < i && pivot; j++)
            {
                double w = Value(j);
                if (!double.IsNaN(w) && sign * v <= sign * w) pivot = false;
            }
            for (int j = i + 1; j <= i + parameters.Right && pivot; j++)
            {
                double w = Value(j);
                if (!double.IsNaN(w) && sign * v < sign * w) pivot = false;
            }
            if (pivot) pivots.Add(new Pivot(kind, i, series.Dates[i], v, series.Dates[i + parameters.Right]));
        }
        return pivots;
    }
}
