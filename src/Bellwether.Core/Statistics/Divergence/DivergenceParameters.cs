using Bellwether.Core.Statistics.Drawdown;

namespace Bellwether.Core.Statistics.Divergence;

/// <summary>When a risk-on index counts as "near its high" and crypto as "deep in drawdown"; checked when built (and
/// by <c>with</c>).</summary>
/// <param name="NearHigh">The index is within this fraction of its peak (0.05: drawdown no deeper than −5%).</param>
/// <param name="DeepDrawdown">Crypto is more than this fraction below its peak (0.20: drawdown below −20%).</param>
/// <param name="Basis">Peak by close or by high, for both.</param>
/// <param name="From">Where both running peaks start (default: each series' first row).</param>
public sealed record DivergenceParameters(double NearHigh = 0.05, double DeepDrawdown = 0.20,
    DrawdownBasis Basis = DrawdownBasis.Close, DateOnly? From = null)
{
    /// <summary>The defaults.</summary>
    public static DivergenceParameters Default { get; } = new();

    /// <exception cref="ArgumentOutOfRangeException">Not in [0, 1).</exception>
    public double NearHigh { get; init => field = Require.Fraction(value, nameof(NearHigh)); }
        = Require.Fraction(NearHigh, nameof(NearHigh));

    /// <exception cref="ArgumentOutOfRangeException">Not in [0, 1).</exception>
    public double DeepDrawdown { get; init => field = Require.Fraction(value, nameof(DeepDrawdown)); }
        = Require.Fraction(DeepDrawdown, nameof(DeepDrawdown));
}
