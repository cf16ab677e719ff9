using System.Globalization;

namespace Bellwether.Core.Backtest.Grid;

/// <summary>One signal parameter the grid varies.</summary>
/// <param name="SignalId">The signal's id in the thesis.</param>
/// <param name="Parameter">The parameter's name (<c>buffer_pct</c>, <c>window</c>).</param>
/// <param name="Values">The values tried, as the thesis file would write them.</param>
public sealed record GridAxis(string SignalId, string Parameter, IReadOnlyList<string> Values)
{
    /// <summary>How a value is named in <see cref="Study.Readiness.SignalScores.Variant"/>: <c>buffer_pct=2</c>.</summary>
    public string Variant(string value) => $"{Parameter}={value}";

    /// <summary>An axis of numbers.</summary>
    public static GridAxis Of(string signalId, string parameter, params double[] values) =>
        new(signalId, parameter, values.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList());
}

/// <summary>The grid: thresholds θ times every combination of axis values.</summary>
/// <param name="Thresholds">θ values tried.</param>
/// <param name="Axes">Signal parameters varied (none: θ alone).</param>
public sealed record GridParameters(IReadOnlyList<double> Thresholds, IReadOnlyList<GridAxis> Axes)
{
    /// <summary>Number of points.</summary>
    public int Count => Thresholds.Count * Axes.Aggregate(1, (n, a) => n * a.Values.Count);

    /// <exception cref="ArgumentOutOfRangeException">No threshold, an axis without values, or the same signal on two axes.</exception>
    public GridParameters Validate()
    {
        if (Thresholds.Count == 0) throw new ArgumentOutOfRangeException(nameof(Thresholds), "at least one threshold");
        if (Axes.Any(a => a.Values.Count == 0)) throw new ArgumentOutOfRangeException(nameof(Axes), "an axis without values");
        if (Axes.Select(a => a.SignalId).Distinct().Count() != Axes.Count) throw new ArgumentOutOfRangeException(nameof(Axes), "one axis per signal");
        return this;
    }
}
