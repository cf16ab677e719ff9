using Bellwether.Core.Statistics.EtfFlows;

namespace Bellwether.Core.Measurements.EtfFlows;

/// <summary>One ETF-flow reading's parameters, checked when built.</summary>
/// <param name="Table">The flow table, e.g. <c>ETH_SPOT_ETF_FLOWS</c>.</param>
/// <param name="Window">Flow days in the headline sum.</param>
public sealed record EtfFlowsOf(string Table, int Window)
{
    /// <exception cref="ArgumentException">The table is empty.</exception>
    public string Table { get; } = Require.Id(Table, nameof(Table));

    /// <exception cref="ArgumentOutOfRangeException">The window is below 1.</exception>
    public int Window { get; } = Window >= 1 ? Window
        : throw new ArgumentOutOfRangeException(nameof(Window), Window, "must be at least 1");

    /// <summary>The flow statistics with the window as the long window, so every flow day carries the rolling sum the
    /// label runs on.</summary>
    public FlowParameters Flows { get; } = FlowParameters.Default with { LongWindow = Window };
}
