using System.Globalization;
using Bellwether.Core.Board;
using Bellwether.Core.Measurements.Breakout;
using Bellwether.Core.Measurements.Correlation;
using Bellwether.Core.Study.Readiness;

namespace Bellwether.Core.Backtest.Grid;

/// <summary>One signal parameter the grid varies, set to the same value on every signal named.</summary>
/// <param name="SignalIds">The signals' ids in the thesis (e.g. both correlation signals for a correlation
/// window).</param>
/// <param name="Parameter">The parameter's name (<c>buffer_pct</c>, <c>window_days</c>).</param>
/// <param name="Values">The values tried, as the thesis file would write them.</param>
public sealed record GridAxis(IReadOnlyList<string> SignalIds, string Parameter, IReadOnlyList<string> Values)
{
    /// <summary>The variants to evaluate for this axis: every signal at every value.</summary>
    public IEnumerable<SignalVariant> Variants =>
        SignalIds.SelectMany(id => Values.Select(v => new SignalVariant(id, Parameter, v)));

    /// <summary>The axis over every signal of kind <typeparamref name="TKind"/> in <paramref name="thesis"/> (none:
    /// null).</summary>
    public static GridAxis? ForKind<TKind>(ThesisDefinition thesis, SignalKinds kinds, string parameter,
        params double[] values)
        where TKind : ISignalKind
    {
        var ids = thesis.Signals.Where(s => kinds.Find(s.Kind) is TKind).Select(s => s.Id).ToList();
        return ids.Count == 0 ? null
            : new GridAxis(ids, parameter, values.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToList());
    }
}

/// <summary>The grid: thresholds θ times every combination of axis values.</summary>
/// <param name="Thresholds">θ values tried.</param>
/// <param name="Axes">Signal parameters varied (none: θ alone).</param>
/// <remarks>Checked when built. The grid's size depends on both lists, so they are set only by the constructor, and
/// copied so the caller's lists cannot change them later.</remarks>
public sealed record GridParameters(IReadOnlyList<double> Thresholds, IReadOnlyList<GridAxis> Axes)
{
    /// <exception cref="ArgumentOutOfRangeException">No threshold.</exception>
    public IReadOnlyList<double> Thresholds { get; } = Thresholds is { Count: > 0 } ? [.. Thresholds]
        : throw new ArgumentOutOfRangeException(nameof(Thresholds), "at least one threshold");

    /// <exception cref="ArgumentOutOfRangeException">
    /// An axis without values or signals, a signal on two axes, or more than <see cref="MaxPoints"/> points.
    /// </exception>
    public IReadOnlyList<GridAxis> Axes { get; } = CheckAxes(Axes, Thresholds.Count);

    /// <summary>The most points a grid may have (each is a backtest in and out of sample).</summary>
    public const int MaxPoints = 10_000;

    /// <summary>Number of points.</summary>
    public int Count => Thresholds.Count * Axes.Aggregate(1, (n, a) => n * a.Values.Count);

    /// <summary>
    /// The default grid over <paramref name="thesis"/>: θ = 40, 45, …, 85; the breakout buffer 0.5, 1, 2, 3% (signals
    /// of kind <c>breakout</c>); the correlation window 90, 180, 270, 365, 730 days (signals of kind
    /// <c>correlation</c>). 200 points when the thesis has both kinds.
    /// </summary>
    public static GridParameters Default(ThesisDefinition thesis, SignalKinds kinds) => new(
        [.. Enumerable.Range(0, 10).Select(i => 40.0 + 5 * i)],
        new[]
        {
            GridAxis.ForKind<BreakoutSignal>(thesis, kinds, BreakoutMeasurement.BufferPct.Name, 0.5, 1, 2, 3),
            GridAxis.ForKind<CorrelationSignal>(thesis, kinds, CorrelationMeasurement.WindowDays.Name,
                90, 180, 270, 365, 730),
        }.OfType<GridAxis>().ToList());

    private static IReadOnlyList<GridAxis> CheckAxes(IReadOnlyList<GridAxis> axes, int thresholds)
    {
        ArgumentNullException.ThrowIfNull(axes);
        if (axes.Any(a => a.Values.Count == 0 || a.SignalIds.Count == 0))
            throw new ArgumentOutOfRangeException(nameof(axes), "an axis without values or signals");
        var ids = axes.SelectMany(a => a.SignalIds).ToList();
        if (ids.Distinct().Count() != ids.Count) throw new ArgumentOutOfRangeException(nameof(axes),
            "a signal on two axes");
        // Counted in long: a product of axis sizes could overflow an int.
        long points = axes.Aggregate((long)thresholds, (n, a) => Math.Min(n * a.Values.Count, MaxPoints + 1L));
        if (points > MaxPoints)
            throw new ArgumentOutOfRangeException(nameof(axes), $"more than {MaxPoints:#,0} grid points");
        return [.. axes];
    }
}
