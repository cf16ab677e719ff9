using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Xunit;

namespace Bellwether.Core.Tests.Series;

public class AlignedSeriesTests
{
    private static DailySeries Make(string id, params (string Date, double Close)[] rows) =>
        new(new Instrument(id, AssetClass.Crypto, "USD", 1, CalendarKind.EveryDay),
            rows.Select(r => new DailyBar(DateOnly.Parse(r.Date), double.NaN, double.NaN, double.NaN, r.Close, double.NaN, double.NaN, "t")).ToList());

    [Fact]
    public void Inner_join_keeps_only_shared_dates_and_never_fills()
    {
        var equity = Make("RUT", ("2025-01-03", 1), ("2025-01-06", 2), ("2025-01-07", double.NaN), ("2025-01-08", 4));
        var crypto = Make("BTC", ("2025-01-03", 10), ("2025-01-04", 11), ("2025-01-05", 12), ("2025-01-06", 13), ("2025-01-07", 14), ("2025-01-08", 15));
        var j = AlignedSeries.InnerJoin(equity, crypto);
        Assert.Equal([new(2025, 1, 3), new(2025, 1, 6), new(2025, 1, 8)], j.Dates);
        Assert.Equal([1.0, 2, 4], j["RUT"]);
        Assert.Equal([10.0, 13, 15], j["BTC"]);
    }

    [Fact]
    public void Ratio_divides_on_common_dates()
    {
        var eth = Make("ETH", ("2025-01-01", 3000), ("2025-01-02", 3300));
        var btc = Make("BTC", ("2025-01-02", 100000), ("2025-01-03", 1));
        var (dates, values) = AlignedSeries.Ratio(eth, btc);
        Assert.Equal([new DateOnly(2025, 1, 2)], dates);
        Assert.Equal(0.033, values[0], 12);
    }
}
