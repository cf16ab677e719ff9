namespace Bellwether.Core.Statistics.Liquidity;

/// <summary>The direction of net liquidity on a week, from its 4- and 13-week changes.</summary>
public enum LiquidityTrend
{
    /// <summary>Both changes are up.</summary>
    Rising,
    /// <summary>Both changes are down.</summary>
    Falling,
    /// <summary>One is up and the other down (or one is exactly zero).</summary>
    Mixed,
    /// <summary>A change is missing (a skipped week, or too early in the series).</summary>
    Unknown,
}
