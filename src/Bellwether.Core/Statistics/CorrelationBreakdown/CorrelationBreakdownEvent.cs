namespace Bellwether.Core.Statistics.CorrelationBreakdown;

/// <summary>An episode in which a rolling correlation fell by more than the threshold from its recent peak.</summary>
/// <param name="Date">First date of the episode: the fall from the peak first exceeded the threshold.</param>
/// <param name="Correlation">The rolling correlation on that date.</param>
/// <param name="PeakDate">Date of the highest correlation in the look-back before <see cref="Date"/>.</param>
/// <param name="PeakCorrelation">That highest correlation.</param>
/// <param name="Fall">PeakCorrelation − Correlation (positive, above the threshold).</param>
/// <param name="LastDate">Last date of the episode: the last consecutive observation still more than the threshold
/// below its own look-back peak.</param>
public sealed record CorrelationBreakdownEvent(
    DateOnly Date, double Correlation, DateOnly PeakDate, double PeakCorrelation, double Fall, DateOnly LastDate);
