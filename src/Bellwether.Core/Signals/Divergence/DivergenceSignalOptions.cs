using Bellwether.Core.Statistics.Divergence;

namespace Bellwether.Core.Signals.Divergence;

/// <summary>The parsed parameters of a <see cref="DivergenceSignal"/>.</summary>
/// <param name="Index">The risk-on index (e.g. RUT).</param>
/// <param name="Crypto">The crypto asset (e.g. BTC).</param>
/// <param name="Thresholds">"Near its high" and "deep in drawdown".</param>
public sealed record DivergenceSignalOptions(string Index, string Crypto, DivergenceParameters Thresholds);
