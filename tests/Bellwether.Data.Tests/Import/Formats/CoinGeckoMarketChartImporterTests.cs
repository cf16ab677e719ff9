using System.Globalization;
using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Bellwether.Data.Import;
using Xunit;

namespace Bellwether.Data.Tests.Import.Formats;

public sealed class CoinGeckoMarketChartImporterTests
{
    private const long Day = 86_400_000;

    private static string Value(RawRow r, string column) => r[column].Length == 0 ? "null" : r[column];

    private static string Pairs(IEnumerable<RawRow> rows, string column, string? live) =>
        "[" + string.Join(",", rows.Select(r => $"[{Fixtures.UnixMs(r.Day)},{Value(r, column)}]").Concat(live is null ? [] : [live])) + "]";

    /// <summary>A market_chart answer for the rows, with CoinGecko's live point (13:47 UTC the day after the last) appended.</summary>
    private static string MarketChart(List<RawRow> rows, bool withLivePoint = true)
    {
        long liveTime = Fixtures.UnixMs(rows[^1].Day) + Day + (13 * 60 + 47) * 60_000;
        string? Live(string v) => withLivePoint ? $"[{liveTime},{v}]" : null;
        return $"{{\"prices\":{Pairs(rows, "price_usd", Live("44000.5"))},\"market_caps\":{Pairs(rows, "market_cap_usd", Live("860000000000"))},"
               + $"\"total_volumes\":{Pairs(rows, "total_volume_usd", Live("12345"))}}}";
    }

    private static List<(DateOnly, double, double, double, double, double, double)> Expected(IEnumerable<RawRow> rows) =>
        rows.Select(r => (r.Day, double.NaN, double.NaN, double.NaN, r.Number("price_usd"), r.Number("total_volume_usd"), r.Number("market_cap_usd"))).ToList();

    private static List<RawRow> BtcRows(string from, string to) => Fixtures.Rows("crypto/coingecko/BTC.csv", from, to);

    [Fact]
    public void BtcReadsBackThroughParsedFileAndStoreWithoutTheLivePoint()
    {
        var rows = BtcRows("2024-01-01", "2024-03-31");
        var parsed = Fixtures.ReadText("BTC.json", MarketChart(rows));

        Assert.Equal("coingecko-market-chart", parsed.Format);
        Assert.Equal(new Instrument("CG:BTC", AssetClass.Crypto, "USD", 1, CalendarKind.EveryDay), parsed.Series[0].Instrument);
        Fixtures.AssertReadsBack(Expected(rows), parsed, "CG:BTC");
        Assert.Equal(rows.Count + 1, parsed.RowsRead);
        var skip = Assert.Single(parsed.Skipped);
        Assert.Equal((rows.Count + 1, "prices time", "element"), (skip.Line, skip.Field, skip.Position));
        Assert.Contains("13:47", skip.Reason);
    }

    [Fact]
    public void EarlyHistoryWithMissingMarketCapsReadsBackAsMissing()
    {
        // The first CoinGecko days have no market cap: null in the payload, missing in the store.
        var rows = BtcRows("2010-07-18", "2010-08-31");
        Assert.Contains(rows, r => r["market_cap_usd"].Length == 0);
        var parsed = Fixtures.ReadText("BTC.json", MarketChart(rows, withLivePoint: false));
        Fixtures.AssertBars(Expected(rows), Fixtures.ThroughStore(parsed, "CG:BTC"));
        Assert.Empty(parsed.Skipped);
    }

    [Fact]
    public void ZeroMarketCapIsCoinGeckosUnknownAndStoredAsMissing()
    {
        long t = Fixtures.UnixMs(new DateOnly(2024, 1, 1));
        var parsed = Fixtures.ReadText("BTC.json", $"{{\"prices\":[[{t},42000.1],[{t + Day},42100.2]],\"market_caps\":[[{t},0],[{t + Day},8.3e11]]}}");
        var series = parsed.Series[0];
        Assert.True(double.IsNaN(series.MarketCap[0]));
        Assert.Equal(8.3e11, series.MarketCap[1]);
        Assert.Contains(parsed.Notes, n => n.Contains("1 market cap(s) given as 0"));
    }

    [Fact]
    public void IntradayPayloadIsRefusedNotResampled()
    {
        long t = Fixtures.UnixMs(new DateOnly(2024, 1, 1));
        var e = Fixtures.AssertFails("BTC.json", $"{{\"prices\":[[{t},42000.1],[{t + 3_600_000},42100.2],[{t + 7_200_000},42200.3],[{t + 10_800_000},42300.4]]}}", 2, "prices time", "intraday", skippable: false, positionKind: "element");
        Assert.Contains("2024-01-01", e.Reason);
    }

    [Fact]
    public void PointOffMidnightThatIsNotTheLastIsBad()
    {
        long t = Fixtures.UnixMs(new DateOnly(2024, 1, 1));
        Fixtures.AssertFails("BTC.json", $"{{\"prices\":[[{t},42000.1],[{t + Day + 60_000},42100.2],[{t + 2 * Day},42200.3]]}}", 2, "prices time", "not 00:00", positionKind: "element");
    }

    [Fact]
    public void MarketCapWithoutPriceIsBad()
    {
        long t = Fixtures.UnixMs(new DateOnly(2024, 1, 1));
        Fixtures.AssertFails("BTC.json", $"{{\"prices\":[[{t},42000.1],[{t + Day},42100.2]],\"market_caps\":[[{t},8.2e11],[{t + 2 * Day},8.3e11]]}}", 2, "market_caps time", "no price point", positionKind: "element");
    }

    [Theory]
    [InlineData("[{1},\"4x2100.2\"]", "prices", "not a number")]
    [InlineData("[\"2024-01-02\",42100.2]", "prices time", "not a time")]
    [InlineData("[{1},\"NaN\"]", "prices", "NaN")]
    [InlineData("[{1},0]", "prices", "positive")]
    [InlineData("[{1},null]", "prices", "no value")]
    [InlineData("[{0},42100.2]", "date", "appears again")]
    [InlineData("[{1}]", "prices", "[time, value]")]
    public void Failures(string badFormat, string field, string reason)
    {
        long t = Fixtures.UnixMs(new DateOnly(2024, 1, 1));
        var bad = string.Format(CultureInfo.InvariantCulture, badFormat, t, t + Day);
        Fixtures.AssertFails("BTC.json", $"{{\n  \"prices\": [\n    [{t},42000.1],\n    {bad},\n    [{t + 2 * Day},42200.3]\n  ]\n}}", 2, field, reason, positionKind: "element");
    }

    [Fact]
    public void ObjectWithoutPricesIsRefused()
    {
        var e = Assert.Throws<ImportException>(() => Fixtures.ReadText("BTC.json", "{\"market_caps\":[[1704067200000,1]]}", skipBad: true));
        Assert.Equal("prices", e.Field);
    }
}
