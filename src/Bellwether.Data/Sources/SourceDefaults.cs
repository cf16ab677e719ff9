using Bellwether.Data.Sources.CoinGecko;

namespace Bellwether.Data.Sources;

/// <summary>
/// The sources and instruments of the default thesis: ^RUT, IWM, SPY, QQQ (Yahoo), BTC, ETH and the large altcoins
/// (Binance), the FRED series of the macro signals, CoinGecko's daily market-cap ranking and five coins' history, and
/// the US spot Bitcoin and Ether ETF flows (Farside). Stooq has no default instruments (it needs a key); configure it
/// to take over the equities when Yahoo is unavailable.
/// </summary>
public static class SourceDefaults
{
    /// <summary>The FRED series the macro signals use.</summary>
    public static readonly string[] FredSeries =
        ["DFF", "FEDFUNDS", "WALCL", "WTREGEN", "RRPONTSYD", "WRESBAL", "M2SL", "DGS10", "DGS2", "DTWEXBGS", "VIXCLS"];

    /// <summary>BTC, ETH and large altcoins with a Binance USDT spot market (ids as in the data folder).</summary>
    public static readonly string[] BinanceCoins =
    [
        "BTC", "ETH", "BNB", "SOL", "XRP", "ADA", "DOGE", "TRX", "AVAX", "LINK", "DOT", "LTC", "BCH", "XLM", "HBAR",
        "SUI", "TON", "UNI", "NEAR", "APT", "ICP", "ETC", "FIL", "ATOM", "ARB", "OP", "AAVE", "INJ", "RENDER", "SHIB",
    ];

    /// <summary>All sources with their defaults, in the order a run reports them.</summary>
    public static IReadOnlyList<SourceSettings> All { get; } =
    [
        new()
        {
            Name = "yahoo", BaseAddress = new("https://query1.finance.yahoo.com/"), RequestsPerMinute = 30,
            HistoryStart = new(1985, 1, 1), OverlapDays = 7,
            Instruments = [new("RUT", "^RUT"), new("IWM", "IWM"), new("SPY", "SPY"), new("QQQ", "QQQ")],
        },
        new()
        {
            Name = "binance", BaseAddress = new("https://api.binance.com/"), RequestsPerMinute = 300, PageSize = 1000,
            HistoryStart = new(2017, 7, 1), OverlapDays = 3,
            Instruments = [.. BinanceCoins.Select(c => new SourceInstrument(c, c + "USDT"))],
        },
        new()
        {
            Name = "fred", BaseAddress = new("https://fred.stlouisfed.org/"),
                ApiBaseAddress = new("https://api.stlouisfed.org/"),
            ApiKeyVariable = "FRED_API_KEY", RequestsPerMinute = 60, PageSize = 100_000, HistoryStart = new(1900, 1, 1),
            // FRED revises recent weekly and monthly values; re-reading a quarter costs one request.
            OverlapDays = 120,
            Instruments = [.. FredSeries.Select(s => new SourceInstrument(s, s))],
        },
        new()
        {
            Name = "coingecko", BaseAddress = new("https://api.coingecko.com/api/v3/"),
                ApiKeyVariable = "COINGECKO_API_KEY",
            // Keyless calls are held to a few a minute; a Demo key allows 30.
            RequestsPerMinute = 10, PageSize = 250, MarketsTop = 250, OverlapDays = 3,
            Instruments =
            [
                new(CoinGeckoSource.MarketsList, CoinGeckoSource.MarketsSymbol),
                new("CG:BTC", "bitcoin"), new("CG:ETH", "ethereum"), new("CG:SOL", "solana"), new("CG:ADA", "cardano"),
                    new("CG:DOGE", "dogecoin"),
            ],
        },
        new()
        {
            Name = "farside", BaseAddress = new("https://farside.co.uk/"), RequestsPerMinute = 10, MaxRetries = 2,
                OverlapDays = 10,
            HistoryStart = new(2024, 1, 1),
            Instruments = [new("BTC_SPOT_ETF_FLOWS", "bitcoin-etf-flow-all-data"),
                new("ETH_SPOT_ETF_FLOWS", "ethereum-etf-flow-all-data")],
        },
        new()
        {
            Name = "stooq", BaseAddress = new("https://stooq.com/"), ApiKeyVariable = "STOOQ_API_KEY",
                RequestsPerMinute = 10,
            HistoryStart = new(1985, 1, 1), OverlapDays = 7, Instruments = [],
        },
    ];
}
