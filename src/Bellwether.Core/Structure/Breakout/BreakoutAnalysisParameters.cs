using Bellwether.Core.Structure.Resistance;

namespace Bellwether.Core.Structure.Breakout;

/// <summary>Everything <see cref="BreakoutAnalysis"/> needs: how levels are found and the breakout rules.</summary>
/// <remarks>Each part checks itself when built, so the whole needs no further check.</remarks>
public sealed record BreakoutAnalysisParameters(
    MultiYearHighParameters MultiYearHigh, ZoneParameters Zones, BreakoutParameters Rules)
{
    /// <summary>The documented defaults: 5-year lookback, 63 excluded bars, 1.5% zones, 1% buffer, 3 closes.</summary>
    public static BreakoutAnalysisParameters Default { get; } = new(new(), new(), new());
}
