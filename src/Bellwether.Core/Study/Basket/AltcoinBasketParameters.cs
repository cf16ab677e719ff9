namespace Bellwether.Core.Study.Basket;

/// <summary>The size and starting level of the equal-weight altcoin basket; checked when built.</summary>
/// <param name="TopCount">
/// K, the number of altcoins held: 20 by default, the part of the Altcoin Season Index's top 50 a trader can hold
/// without reaching into illiquid names.
/// </param>
/// <param name="BaseLevel">The basket's level on its first day (100).</param>
public sealed record AltcoinBasketParameters(int TopCount = 20, double BaseLevel = 100)
{
    /// <exception cref="ArgumentOutOfRangeException">Below 1.</exception>
    public int TopCount { get; init => field = Require.AtLeast(value, 1, nameof(TopCount)); }
        = Require.AtLeast(TopCount, 1, nameof(TopCount));

    /// <exception cref="ArgumentOutOfRangeException">Not positive.</exception>
    public double BaseLevel { get; init => field = Require.Positive(value, nameof(BaseLevel)); }
        = Require.Positive(BaseLevel, nameof(BaseLevel));
}
