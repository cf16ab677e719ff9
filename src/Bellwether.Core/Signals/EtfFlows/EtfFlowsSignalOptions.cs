namespace Bellwether.Core.Signals.EtfFlows;

/// <summary>The parsed parameters of an <see cref="EtfFlowsSignal"/>.</summary>
/// <param name="Table">The flow table, e.g. <c>ETH_SPOT_ETF_FLOWS</c>.</param>
/// <param name="Window">Flow days in the headline sum.</param>
public sealed record EtfFlowsSignalOptions(string Table, int Window);
