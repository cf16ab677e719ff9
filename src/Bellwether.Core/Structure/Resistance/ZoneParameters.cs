using Bellwether.Core.Structure.Pivots;

namespace Bellwether.Core.Structure.Resistance;

/// <summary>
/// Resistance zones: pivot highs of the last <see cref="LookbackYears"/> clustered when they lie within
/// <see cref="Tolerance"/> of each other. Wide pivots (10 bars each side, two trading weeks) keep only swing highs a
/// chart reader would mark; 1.5% is about one daily move of a broad index, the usual width of a "zone".
/// </summary>
/// <param name="Tolerance">A cluster spans at most its lowest pivot × (1 + Tolerance).</param>
/// <param name="MinTouches">Pivots needed for a zone (at least 1; default 2).</param>
/// <param name="Pivots">Pivot sizes (default 10 and 10).</param>
/// <param name="LookbackYears">Calendar years of pivots considered (at least 1).</param>
/// <remarks>Checked when built (and by <c>with</c>).</remarks>
public sealed record ZoneParameters(double Tolerance = 0.015, int MinTouches = 2, PivotParameters? Pivots = null,
    int LookbackYears = 5)
{
    /// <summary>The pivot sizes in force.</summary>
    public PivotParameters PivotSizes => Pivots ?? new PivotParameters(10, 10);

    /// <exception cref="ArgumentOutOfRangeException">Not in [0, 1).</exception>
    public double Tolerance { get; init => field = Require.Fraction(value, nameof(Tolerance)); }
        = Require.Fraction(Tolerance, nameof(Tolerance));

    /// <exception cref="ArgumentOutOfRangeException">Below 1.</exception>
    public int MinTouches { get; init => field = Require.AtLeast(value, 1, nameof(MinTouches)); }
        = Require.AtLeast(MinTouches, 1, nameof(MinTouches));

    /// <exception cref="ArgumentOutOfRangeException">Below 1.</exception>
    public int LookbackYears { get; init => field = Require.AtLeast(value, 1, nameof(LookbackYears)); }
        = Require.AtLeast(LookbackYears, 1, nameof(LookbackYears));
}
