using Bellwether.Core.Statistics.Drawdown;

namespace Bellwether.Core.Statistics.Divergence;

/// <summary>When a risk-on index counts as "near its high" and crypto as "deep in drawdown".</summary>
/// <param name="NearHigh">The index is within this fraction of its peak (0.05: drawdown no deeper than −5%).</param>
/// <param name="DeepDrawdown">Crypto is more than this fraction below its peak (0.20: drawdown below −20%).</param>
/// <param name="Basis">Peak by close or by high, for both.</param>
/// <param name="From">Where both running peaks start (default: each series' first row).</param>
public sealed record DivergenceParameters(double NearHigh = 0.05, double DeepDrawdown = 0.20, DrawdownBasis Basis = DrawdownBasis.Close, DateOnly? From = null)
{
    /// <summary>The defaults.</summary>
    public static DivergenceParameters Default { get; } = new();

    /// <summary>Throws when a threshold is not a fraction in [0, 1).</summary>
    public void Validate()
    {
        if (!(NearHigh is >= 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(NearHigh), NearHigh, "must be a fraction in [0, 1)");
        if (!(DeepDrawdown is >= 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(DeepDrawdown), DeepDrawdown, "must be a fraction in [0, 1)");
    }
}
