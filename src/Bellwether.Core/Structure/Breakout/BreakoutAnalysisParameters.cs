using Bellwether.Core.Structure.Resistance;

namespace Bellwether.Core.Structure.Breakout;

/// <summary>Everything <see cref="BreakoutAnalysis"/> needs: how levels are found and the breakout rules.</summary>
public sealed record BreakoutAnalysisParameters(MultiYearHighParameters MultiYearHigh, ZoneParameters Zones, BreakoutParameters Rules)
{
    /// <summary>The documented defaults: 5-year lookback, 63 excluded bars, 1.5% zones, 1% buffer, 3 closes.</summary>
    public static BreakoutAnalysisParameters Default { get; } = new(new(), new(), new());

    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range.</exception>
    public BreakoutAnalysisParameters Validate()
    {
        MultiYearHigh.Validate();
        Zones.Validate();
        Rules.Validate();
        return this;
    }
}
