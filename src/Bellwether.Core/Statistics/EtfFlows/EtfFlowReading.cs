namespace Bellwether.Core.Statistics.EtfFlows;

/// <summary>A family of ETFs as of its latest flow day.</summary>
/// <param name="Id">The flow table.</param>
/// <param name="Latest">The latest flow day on or before the as-of date (its total, rolling sums, cumulative).</param>
/// <param name="Window">Flow days in <paramref name="WindowSum"/>.</param>
/// <param name="WindowSum">Net flow over the last <paramref name="Window"/> flow days; NaN when there are
/// fewer.</param>
/// <param name="CurrentStreak">The streak the latest day belongs to.</param>
/// <param name="LongestInflow">The longest run of inflow days so far (the latest one on a tie), or null.</param>
/// <param name="LongestOutflow">The longest run of outflow days so far (the latest one on a tie), or null.</param>
public sealed record EtfFlowReading(
    string Id, FlowDay Latest, int Window, double WindowSum, FlowStreak CurrentStreak, FlowStreak? LongestInflow,
    FlowStreak? LongestOutflow);
