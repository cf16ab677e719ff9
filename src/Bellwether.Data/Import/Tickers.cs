using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;

namespace Bellwether.Data.Import;

/// <summary>
/// What the ticker of an exported price file (Yahoo, Stooq, a data-folder markets file) says about its instrument.
/// </summary>
public static class Tickers
{
    /// <summary>Equity indices that also appear without Yahoo's <c>^</c> prefix (<c>rut_daily.csv</c>).</summary>
    public static IReadOnlySet<string> KnownIndices { get; } = new HashSet<string>(StringComparer.Ordinal)
        { "RUT", "SPX", "GSPC", "IXIC", "NDX", "DJI", "DJIA", "VIX", "RUA", "RUI", "NYA", "W5000", "MID", "SML" };

    // Quote currencies of Yahoo crypto pairs (BTC-USD, ETH-EUR, SOL-BTC). Stock classes such as BRK-B never match.
    private static readonly HashSet<string> CryptoQuotes = new(StringComparer.Ordinal)
        { "USD", "USDT", "USDC", "EUR", "GBP", "JPY", "CAD", "AUD", "BTC", "ETH" };

    /// <summary>
    /// The instrument a ticker names:
    /// <list type="bullet">
    /// <item><c>^RUT</c> (any <c>^</c> prefix) or a known index name: an equity index on the US equity calendar;</item>
    /// <item><c>BTC-USD</c> (Yahoo: base, dash, quote currency): crypto <c>BTC</c> quoted in USD, every UTC day;</item>
    /// <item><c>BTC.V</c> (Stooq's crypto suffix): crypto <c>BTC</c> in USD;</item>
    /// <item><c>SPY.US</c> (Stooq's US suffix, dropped) or any other ticker: an ETF on the US equity calendar
    /// (Bellwether has no single-stock class), unless more than a tenth of its rows fall on weekends: then it is
    /// taken for crypto with an unknown quote unit, and a note says so.</item>
    /// </list>
    /// </summary>
    /// <param name="weekendRows">How many of the file's rows fall on a Saturday or Sunday.</param>
    /// <param name="rows">How many rows the file has.</param>
    /// <param name="notes">Receives a note when the class is inferred from the dates rather than the ticker.</param>
    public static Instrument Instrument(string ticker, int weekendRows, int rows, List<string> notes)
    {
        var t = ticker.Trim().ToUpperInvariant();
        if (t.StartsWith('^')) return Equity(t[1..], AssetClass.EquityIndex);
        if (t.EndsWith(".US", StringComparison.Ordinal)) t = t[..^3];
        if (t.EndsWith(".V", StringComparison.Ordinal)) return Crypto(t[..^2], "USD");
        int dash = t.LastIndexOf('-');
        if (dash > 0 && CryptoQuotes.Contains(t[(dash + 1)..])) return Crypto(t[..dash], t[(dash + 1)..]);
        if (KnownIndices.Contains(t)) return Equity(t, AssetClass.EquityIndex);
        if (weekendRows * 10 > rows)
        {
            notes.Add(
                $"{t}: {weekendRows} of {rows} rows fall on weekends, so it is stored as crypto (every UTC day) with " +
                $"an unknown quote unit");
            return Crypto(t, "unknown");
        }
        return Equity(t, AssetClass.Etf);
    }

    private static Instrument Equity(string id, AssetClass assetClass) =>
        new(id, assetClass, "USD", 1, CalendarKind.UsEquity);

    private static Instrument Crypto(string id, string quote) =>
        new(id, AssetClass.Crypto, quote, Core.Instruments.Instrument.ContractScaleOf(id), CalendarKind.EveryDay);
}
