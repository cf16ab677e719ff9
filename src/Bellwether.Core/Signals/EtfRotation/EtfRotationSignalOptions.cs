namespace Bellwether.Core.Signals.EtfRotation;

/// <summary>The parsed parameters of an <see cref="EtfRotationSignal"/>.</summary>
/// <param name="Into">The family money would rotate into (e.g. <c>ETH_SPOT_ETF_FLOWS</c>).</param>
/// <param name="OutOf">The family it would rotate out of (e.g. <c>BTC_SPOT_ETF_FLOWS</c>).</param>
/// <param name="Window">Shared flow days in the window.</param>
public sealed record EtfRotationSignalOptions(string Into, string OutOf, int Window);
