namespace Bellwether.Core.Signals.Liquidity;

/// <summary>The parsed parameters of a <see cref="NetLiquiditySignal"/>.</summary>
/// <param name="TotalAssets">The Fed's total assets (FRED <c>WALCL</c>).</param>
/// <param name="TreasuryAccount">The Treasury General Account (<c>WTREGEN</c>).</param>
/// <param name="ReverseRepo">Overnight reverse repo (<c>RRPONTSYD</c>).</param>
public sealed record NetLiquiditySignalOptions(string TotalAssets, string TreasuryAccount, string ReverseRepo);
