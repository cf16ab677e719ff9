namespace Bellwether.Core.Universe;

/// <summary>What a crypto symbol is, for building "altcoin" universes.</summary>
/// <param name="Symbol">Ticker, upper case.</param>
/// <param name="Name">Display name, when known.</param>
/// <param name="IsStablecoin">A coin pegged to a fiat currency (USDT, DAI, …).</param>
/// <param name="IsWrapped">A wrapped, staked or asset-backed token (WBTC, stETH, PAXG, …).</param>
/// <param name="Category">Free-text category from the source list.</param>
public sealed record CoinClassification(string Symbol, string? Name, bool IsStablecoin, bool IsWrapped,
    string? Category);

/// <summary>
/// One entry of a market-cap ranking published for a date (the first of a month in the shipped data).
/// The ranking "in force" at a date is the latest one dated on or before it.
/// </summary>
/// <param name="Date">When the ranking was taken.</param>
/// <param name="Rank">1 = largest.</param>
/// <param name="Symbol">Ticker, upper case.</param>
/// <param name="Name">Display name, when known.</param>
/// <param name="MarketCapUsd">Market cap in US$, NaN when the list gives only an order.</param>
/// <param name="Source">Which list, e.g. <c>cmc_monthly_top200_snapshots</c>.</param>
/// <param name="SnapshotUtc">When a collected snapshot list was taken (e.g. a CoinGecko markets call), when
/// known.</param>
public sealed record RankedCoin(DateOnly Date, int Rank, string Symbol, string? Name, double MarketCapUsd,
    string Source, DateTime? SnapshotUtc = null);
