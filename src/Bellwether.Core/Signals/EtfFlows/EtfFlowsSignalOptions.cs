using Bellwether.Core.Statistics.EtfFlows;

namespace Bellwether.Core.Signals.EtfFlows;

/// <summary>The parsed parameters of an <see cref="EtfFlowsSignal"/>.</summary>
/// <param name="Table">The flow table, e.g. <c>ETH_SPOT_ETF_FLOWS</c>.</param>
/// <param name="Window">Flow days in the headline sum.</param>
public sealed record EtfFlowsSignalOptions(string Table, int Window)
{
    /// <summary>The flow statistics with the signal's window as the long window, so every flow day carries the rolling sum the label runs on.</summary>
    public FlowParameters Flows { get; } = FlowParameters.Default with { LongWindow = Window };
}
