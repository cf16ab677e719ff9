namespace Bellwether.Core.Study.Basket;

/// <summary>The size and starting level of the equal-weight altcoin basket.</summary>
/// <param name="TopCount">
/// K, the number of altcoins held: 20 by default, the part of the Altcoin Season Index's top 50 a trader can hold
/// without reaching into illiquid names.
/// </param>
/// <param name="BaseLevel">The basket's level on its first day (100).</param>
public sealed record AltcoinBasketParameters(int TopCount = 20, double BaseLevel = 100)
{
    /// <exception cref="ArgumentOutOfRangeException">K below 1 or a base level that is not positive.</exception>
    public AltcoinBasketParameters Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(TopCount, 1, nameof(TopCount));
        if (!(BaseLevel > 0 && double.IsFinite(BaseLevel))) throw new ArgumentOutOfRangeException(nameof(BaseLevel), BaseLevel, "must be positive");
        return this;
    }
}
