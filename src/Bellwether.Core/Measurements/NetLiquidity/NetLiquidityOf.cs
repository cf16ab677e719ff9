namespace Bellwether.Core.Measurements.NetLiquidity;

/// <summary>One net liquidity reading's parameters, checked when built.</summary>
/// <param name="TotalAssets">The Fed's total assets (FRED <c>WALCL</c>).</param>
/// <param name="TreasuryAccount">The Treasury General Account (<c>WTREGEN</c>).</param>
/// <param name="ReverseRepo">Overnight reverse repo (<c>RRPONTSYD</c>).</param>
public sealed record NetLiquidityOf(string TotalAssets, string TreasuryAccount, string ReverseRepo)
{
    /// <exception cref="ArgumentException">A series id is empty.</exception>
    public string TotalAssets { get; } = Require.Id(TotalAssets, nameof(TotalAssets));

    public string TreasuryAccount { get; } = Require.Id(TreasuryAccount, nameof(TreasuryAccount));

    public string ReverseRepo { get; } = Require.Id(ReverseRepo, nameof(ReverseRepo));
}
