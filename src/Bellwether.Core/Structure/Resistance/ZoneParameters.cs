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
public sealed record ZoneParameters(double Tolerance = 0.015, int MinTouches = 2, PivotParameters? Pivots = null, int LookbackYears = 5)
{
    /// <summary>The pivot sizes in force.</summary>
    public PivotParameters PivotSizes => Pivots ?? new PivotParameters(10, 10);

    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public ZoneParameters Validate()
    {
        if (!double.IsFinite(Tolerance) || Tolerance < 0 || Tolerance >= 1) throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "must be in [0, 1)");
        ArgumentOutOfRangeException.ThrowIfLessThan(MinTouches, 1, nameof(MinTouches));
        ArgumentOutOfRangeException.ThrowIfLessThan(LookbackYears, 1, nameof(LookbackYears));
        PivotSizes.Validate();
        return this;
    }
}
