using Bellwether.Core.Structure.Breakout;

namespace Bellwether.Core.Measurements.Breakout;

/// <summary>The parsed parameters of a <see cref="BreakoutSignal"/>.</summary>
/// <param name="Instrument">The series whose prior multi-year high is the resistance.</param>
/// <param name="Analysis">The core's level and breakout rules.</param>
public sealed record BreakoutSignalOptions(string Instrument, BreakoutAnalysisParameters Analysis);
