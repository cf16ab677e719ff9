using Bellwether.Core.Structure.Breakout;

namespace Bellwether.Core.Measurements.Breakout;

/// <summary>One breakout reading's parameters, checked when built.</summary>
/// <param name="Instrument">The series whose prior multi-year high is the resistance.</param>
/// <param name="Analysis">The core's level and breakout rules.</param>
public sealed record BreakoutOf(string Instrument, BreakoutAnalysisParameters Analysis)
{
    /// <exception cref="ArgumentException">The instrument is empty.</exception>
    public string Instrument { get; } = Require.Id(Instrument, nameof(Instrument));
}
