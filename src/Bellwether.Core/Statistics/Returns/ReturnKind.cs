namespace Bellwether.Core.Statistics.Returns;

/// <summary>What a statistic is computed on: period returns, or the price levels themselves.</summary>
public enum ReturnKind
{
    /// <summary><c>ln(p[t] / p[t-1])</c>: additive over time; the default.</summary>
    LogReturns,
    /// <summary><c>p[t] / p[t-1] − 1</c>.</summary>
    SimpleReturns,
    /// <summary>
    /// The prices themselves. Trending levels are non-stationary, so their correlation is inflated by the common
    /// trend (a spurious regression); results on levels carry a non-stationary flag.
    /// </summary>
    Levels,
}
