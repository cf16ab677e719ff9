using Bellwether.Core.Flows;
using Xunit;

namespace Bellwether.Core.Tests.Flows;

/// <summary>Flows from shares outstanding and NAV, hand-derived.</summary>
public class FundSharesTests
{
    private static FundShareDay Day(string date, double shares, double nav, double flow = double.NaN) =>
        new(DateOnly.Parse(date), "IWM", shares, nav, nav, flow);

    [Fact]
    public void Flow_is_the_published_one_or_shares_change_times_nav()
    {
        var (table, without) = FundShares.Flows([
            Day("2025-11-25", 100_000_000, 240),           // first row: nothing to derive from
            Day("2025-11-26", 101_000_000, 245),           // +1,000,000 × 245 = +245 US$ m
            Day("2025-11-28", 100_500_000, 248.75),        // after Thanksgiving: −500,000 × 248.75 = −124.375
            Day("2025-12-01", 100_400_000, 245.62, -30),   // published −30 wins over −24.562
            Day("2025-12-03", 100_900_000, 249.63),        // 2025-12-02 missing: a gap, no flow
        ], "file");
        Assert.Equal("IWM_ETF_FLOWS", table.Instrument.Id);
        Assert.Equal(["IWM"], table.Funds);
        Assert.Equal([new(2025, 11, 26), new(2025, 11, 28), new(2025, 12, 1)], table.Dates);
        Assert.Equal(245.0, table.Values[0][0], 9);
        Assert.Equal(-124.375, table.Values[0][1], 9);
        Assert.Equal(-30.0, table.Values[0][2]);
        Assert.Equal(table.Values[0], table.Total);
        Assert.Equal([true, true, false], table.Derived!);
        Assert.Equal([new(2025, 11, 25), new(2025, 12, 3)], without.Select(d => d.Date));
    }

    [Fact]
    public void Days_must_be_one_ticker_in_date_order() =>
        Assert.Throws<ArgumentException>(() => FundShares.Flows([Day("2025-11-26", 1, 1), Day("2025-11-25", 1, 1)], "file"));
}
