using Bellwether.Core.Series;

namespace Bellwether.Core.Crypto.MarketSeries;

/// <summary>Market-structure series that the altcoin-season thesis reads alongside the index.</summary>
public static class CryptoMarketSeries
{
    /// <summary>The ETH/BTC ratio of closes on the dates both have a close (nothing filled).</summary>
    public static DatedValues EthBtc(DailySeries eth, DailySeries btc)
    {
        var (dates, values) = AlignedSeries.Ratio(eth, btc);
        return new DatedValues($"{eth.Instrument.Id}/{btc.Instrument.Id}",
            $"{btc.Instrument.Id} per {eth.Instrument.Id}", dates, values);
    }

    /// <summary>Bitcoin's share of total crypto market cap, in percent (the <c>BTC_DOMINANCE</c> instrument's
    /// values).</summary>
    /// <remarks>Rows without a value are left out, not filled.</remarks>
    public static DatedValues BitcoinDominance(DailySeries dominance)
    {
        var keep = Enumerable.Range(0, dominance.Count).Where(i => !double.IsNaN(dominance.Close[i])).ToArray();
        return new DatedValues(dominance.Instrument.Id, dominance.Instrument.QuoteUnit,
            keep.Select(i => dominance.Dates[i]).ToArray(), keep.Select(i => dominance.Close[i]).ToArray());
    }
}
