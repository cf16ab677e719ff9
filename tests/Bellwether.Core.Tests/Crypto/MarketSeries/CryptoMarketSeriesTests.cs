using Bellwether.Core.Calendars;
using Bellwether.Core.Crypto.MarketSeries;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Crypto.MarketSeries;

public class CryptoMarketSeriesTests
{
    private static DailySeries Make(string id, AssetClass cls, string unit, params (string Date, double Close)[] rows) =>
        new(new Instrument(id, cls, unit, 1, CalendarKind.EveryDay),
            rows.Select(r => new DailyBar(DateOnly.Parse(r.Date), double.NaN, double.NaN, double.NaN, r.Close, double.NaN, double.NaN, "t")).ToList());

    [Fact]
    public void Eth_btc_uses_common_dates_only()
    {
        var eth = Make("ETH", AssetClass.Crypto, "USD", ("2025-01-01", 3000), ("2025-01-02", 3300), ("2025-01-04", 3400));
        var btc = Make("BTC", AssetClass.Crypto, "USD", ("2025-01-02", 100000), ("2025-01-03", 1), ("2025-01-04", 100000));
        var r = CryptoMarketSeries.EthBtc(eth, btc);
        Assert.Equal("ETH/BTC", r.Name);
        Assert.Equal([new(2025, 1, 2), new(2025, 1, 4)], r.Dates);
        Assert.Equal(0.034, r.On(new(2025, 1, 4)), 12);
        Assert.True(double.IsNaN(r.On(new(2025, 1, 3))));
        Assert.Equal((new DateOnly(2025, 1, 2), 0.033), r.LatestOnOrBefore(new(2025, 1, 3)));
        Assert.Null(r.LatestOnOrBefore(new(2025, 1, 1)));
    }

    [Fact]
    public void Dominance_drops_rows_without_a_value()
    {
        var d = Make("BTC_DOMINANCE", AssetClass.MacroSeries, "percent", ("2025-01-01", 55.5), ("2025-01-02", double.NaN), ("2025-01-03", 56));
        var r = CryptoMarketSeries.BitcoinDominance(d);
        Assert.Equal([new(2025, 1, 1), new(2025, 1, 3)], r.Dates);
        Assert.Equal("percent", r.Unit);
    }

    [Fact]
    public void Real_eth_btc_on_2025_12_15_is_the_ratio_of_the_documented_closes()
    {
        using var store = RealData.OpenStore();
        var r = CryptoMarketSeries.EthBtc(store.LoadSeries("ETH"), store.LoadSeries("BTC"));
        // The data folder's provenance gives ETH 2,964.85 and BTC 86,432.08 at the close of 2025-12-15.
        Assert.Equal(2964.85 / 86432.08, r.On(new(2025, 12, 15)), 6);
        var dominance = CryptoMarketSeries.BitcoinDominance(store.LoadSeries("BTC_DOMINANCE"));
        Assert.All(dominance.Values, v => Assert.InRange(v, 0, 100));
        Assert.True(dominance.LatestOnOrBefore(new(2025, 12, 15))!.Value.Date <= new DateOnly(2025, 12, 15));
    }
}
