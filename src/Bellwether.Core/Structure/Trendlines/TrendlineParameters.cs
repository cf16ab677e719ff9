using Bellwether.Core.Structure.Pivots;

namespace Bellwether.Core.Structure.Trendlines;

/// <summary>
/// How trendlines are found. Lines are straight in log price against calendar days, so a slope is a constant
/// percentage per month and a resistance line on A/B is exactly the support line on B/A. Six months of lookback holds
/// an intermediate trend (the "four-month downtrend" kind); 5-bar pivots are weekly swings on daily bars; a 1% break
/// buffer matches the breakout rule; pivots within 1% of the line count as touches. Checked when built (and by
/// <c>with</c>).
/// </summary>
/// <param name="LookbackMonths">Pivots dated within this many calendar months before the as-of date (at least
/// 1).</param>
/// <param name="Pivots">Pivot sizes (default 5 and 5).</param>
/// <param name="BreakBuffer">A resistance line breaks on a close above line × (1 + BreakBuffer); a support line on a
/// close below line ÷ (1 + BreakBuffer).</param>
/// <param name="TouchTolerance">A pivot within a factor (1 + TouchTolerance) of the line, either side, touches
/// it.</param>
/// <param name="MinTouches">Touches (anchors included) a line needs to be reported (at least 2; 3 for stricter
/// lines).</param>
public sealed record TrendlineParameters(int LookbackMonths = 6, PivotParameters? Pivots = null,
    double BreakBuffer = 0.01, double TouchTolerance = 0.01, int MinTouches = 2)
{
    /// <summary>The pivot sizes in force.</summary>
    public PivotParameters PivotSizes => Pivots ?? new PivotParameters();

    /// <exception cref="ArgumentOutOfRangeException">Below 1.</exception>
    public int LookbackMonths { get; init => field = Require.AtLeast(value, 1, nameof(LookbackMonths)); }
        = Require.AtLeast(LookbackMonths, 1, nameof(LookbackMonths));

    /// <exception cref="ArgumentOutOfRangeException">Not in [0, 1).</exception>
    public double BreakBuffer { get; init => field = Require.Fraction(value, nameof(BreakBuffer)); }
        = Require.Fraction(BreakBuffer, nameof(BreakBuffer));

    /// <exception cref="ArgumentOutOfRangeException">Not in [0, 1).</exception>
    public double TouchTolerance { get; init => field = Require.Fraction(value, nameof(TouchTolerance)); }
        = Require.Fraction(TouchTolerance, nameof(TouchTolerance));

    /// <exception cref="ArgumentOutOfRangeException">Below 2.</exception>
    public int MinTouches { get; init => field = Require.AtLeast(value, 2, nameof(MinTouches)); }
        = Require.AtLeast(MinTouches, 2, nameof(MinTouches));
}
