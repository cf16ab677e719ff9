using Bellwether.Core.Statistics.Divergence;

namespace Bellwether.Core.Measurements.Divergence;

/// <summary>One divergence reading's parameters, checked when built.</summary>
/// <param name="Index">The risk-on index (e.g. RUT).</param>
/// <param name="Crypto">The crypto asset (e.g. BTC).</param>
/// <param name="Thresholds">"Near its high" and "deep in drawdown", as fractions.</param>
public sealed record DivergenceOf(string Index, string Crypto, DivergenceParameters Thresholds)
{
    /// <exception cref="ArgumentException">An id is empty.</exception>
    public string Index { get; } = Require.Id(Index, nameof(Index));

    public string Crypto { get; } = Require.Id(Crypto, nameof(Crypto));
}
