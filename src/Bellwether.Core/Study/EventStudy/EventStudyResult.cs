using Bellwether.Core.Study.Events;

namespace Bellwether.Core.Study.EventStudy;

/// <summary>What one asset did over one horizon after one event.</summary>
/// <param name="Asset">The path id (<c>BTC</c>, <c>ETH</c>, <c>ALT_BASKET</c>, <c>ETH/BTC</c>,
/// <c>ALTSEASON</c>).</param>
/// <param name="Days">The horizon.</param>
/// <param name="Value">Return (or change, for a level) from the event day to <paramref name="Days"/> later; NaN when
/// either day has no value.</param>
/// <param name="MaxValue">The best return (or change) reached on any day up to the horizon; NaN when
/// <paramref name="Value"/>'s start is missing.</param>
/// <param name="Note">Why <paramref name="Value"/> is missing, else null.</param>
public sealed record ForwardValue(string Asset, int Days, double Value, double MaxValue, string? Note);

/// <summary>An event and its aftermath: the analog table of one episode.</summary>
/// <param name="Paths">Each asset's path after the event: the move from the event day every
/// <see cref="EventStudy.PathStepDays"/> calendar days up to the longest horizon (NaN where a day has no
/// value).</param>
public sealed record EventOutcome(StudyEvent Event, IReadOnlyList<ForwardValue> Forward,
    IReadOnlyList<EventPath> Paths);

/// <summary>One asset's path after one event: <paramref name="Moves"/>[k] is the move over k × step days.</summary>
public sealed record EventPath(string Asset, IReadOnlyList<double> Moves);

/// <summary>Events against all days, for one asset and horizon.</summary>
/// <param name="Events">Events with a value.</param>
/// <param name="IndependentEvents">The most events whose windows do not overlap, taken in date order (each at least a
/// horizon after the last one kept).</param>
/// <param name="Mean">Mean value after events.</param>
/// <param name="BaselineMean">Mean value over all days with one (the unconditional distribution).</param>
/// <param name="Difference"><paramref name="Mean"/> − <paramref name="BaselineMean"/>.</param>
/// <param name="CiLow">Lower bound of the stationary-bootstrap interval of the difference, unadjusted for the table's
/// other tests.</param>
/// <param name="CiHigh">Upper bound.</param>
/// <param name="PValue">Bootstrap two-sided p-value of "no difference", unadjusted.</param>
/// <param name="PHolm">Holm-adjusted across every asset and horizon of the table.</param>
/// <param name="HitRate">Share of events with a positive value.</param>
/// <param name="BaselineHitRate">Share of all days with a positive value.</param>
/// <param name="BaselineDays">Days with a value.</param>
/// <param name="BaselineFrom">First day with a value (NaN-free range of the baseline).</param>
/// <param name="BaselineTo">Last day with a value.</param>
/// <param name="MeanBlockLength">Bootstrap mean block length, days.</param>
/// <param name="Resamples">Usable resamples (with at least one event).</param>
/// <param name="Warnings">Fragility said plainly: too few independent events, events without data.</param>
public sealed record HorizonSummary(
    string Asset, int Days, int Events, int IndependentEvents, double Mean, double BaselineMean, double Difference,
    double CiLow, double CiHigh, double PValue, double PHolm, double HitRate, double BaselineHitRate, int BaselineDays,
    DateOnly? BaselineFrom, DateOnly? BaselineTo, double MeanBlockLength, int Resamples, IReadOnlyList<string> Warnings)
{
    /// <summary>Median value after events: one outlying event moves the mean, not this.</summary>
    public double Median { get; init; } = double.NaN;
    /// <summary>Lower quartile of the values after events (linear interpolation, numpy's default).</summary>
    public double LowerQuartile { get; init; } = double.NaN;
    /// <summary>Upper quartile of the values after events.</summary>
    public double UpperQuartile { get; init; } = double.NaN;
    /// <summary>Median over all days with a value.</summary>
    public double BaselineMedian { get; init; } = double.NaN;
}

/// <summary>The event study: every event's analog table and a summary per asset and horizon.</summary>
/// <param name="Source">The event source id.</param>
/// <param name="SourceDescription">What the events are.</param>
/// <param name="AsOf">The last day of data used.</param>
/// <param name="Parameters">Horizons, resamples, seed.</param>
/// <param name="Events">Each event with its forward values.</param>
/// <param name="Summaries">One per asset and horizon, assets in the order given, horizons ascending.</param>
/// <param name="Warnings">Table-wide notes (multiple testing, events before an asset existed).</param>
public sealed record EventStudyResult(
    string Source, string SourceDescription, DateOnly AsOf, EventStudyParameters Parameters,
    IReadOnlyList<EventOutcome> Events, IReadOnlyList<HorizonSummary> Summaries, IReadOnlyList<string> Warnings);
