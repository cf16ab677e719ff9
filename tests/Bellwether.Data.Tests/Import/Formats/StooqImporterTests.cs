using System.Text;
using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Bellwether.Data.Import;
using Bellwether.Data.Import.Formats;
using Xunit;

namespace Bellwether.Data.Tests.Import.Formats;

public sealed class StooqImporterTests
{
    private static string Csv(IEnumerable<RawRow> rows, bool volume)
    {
        var text = new StringBuilder(volume ? "Date,Open,High,Low,Close,Volume\n" : "Date,Open,High,Low,Close\n");
        foreach (var r in rows) text.Append($"{r.Date},{r["open"]},{r["high"]},{r["low"]},{r["close"]}{(volume ? "," + r["volume"] : "")}\n");
        return text.ToString();
    }

    private const string BulkHeader = "<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>";

    private static string Bulk(string ticker, IEnumerable<RawRow> rows)
    {
        var text = new StringBuilder(BulkHeader).Append('\n');
        foreach (var r in rows) text.Append($"{ticker},D,{r.Date.Replace("-", "")},000000,{r["open"]},{r["high"]},{r["low"]},{r["close"]},{r["volume"]},0\n");
        return text.ToString();
    }

    private static List<(DateOnly, double, double, double, double, double, double)> Expected(IEnumerable<RawRow> rows, bool volume = true) =>
        rows.Select(r => (r.Day, r.Number("open"), r.Number("high"), r.Number("low"), r.Number("close"), volume ? r.Number("volume") : double.NaN, double.NaN)).ToList();

    [Fact]
    public void RutCsvReadsBackThroughParsedFileAndStore()
    {
        var rows = Fixtures.Rows("markets/rut_daily.csv", "2021-10-01", "2021-12-31");
        var parsed = Fixtures.ReadText("^rut_d.csv", Csv(rows, volume: true));

        Assert.Equal("stooq-csv", parsed.Format);
        Assert.Equal(new Instrument("RUT", AssetClass.EquityIndex, "USD", 1, CalendarKind.UsEquity), parsed.Series[0].Instrument);
        Fixtures.AssertReadsBack(Expected(rows), parsed, "RUT");
        Assert.Empty(parsed.Skipped);
    }

    [Fact]
    public void CsvWithoutVolumeStoresVolumeAsMissing()
    {
        var rows = Fixtures.Rows("markets/spy_daily.csv", "2024-01-01", "2024-02-29");
        var parsed = Fixtures.ReadText("spy_us_d.csv", Csv(rows, volume: false));

        Assert.Equal(new Instrument("SPY", AssetClass.Etf, "USD", 1, CalendarKind.UsEquity), parsed.Series[0].Instrument);
        Fixtures.AssertBars(Expected(rows, volume: false), Fixtures.ThroughStore(parsed, "SPY"));
        Assert.DoesNotContain(parsed.Notes, n => n.Contains("lack"));
    }

    [Theory]
    [InlineData("^rut_d", "^rut")]
    [InlineData("^rut", "^rut")]
    [InlineData("spy_us_d", "spy.us")]
    [InlineData("spy.us", "spy.us")]
    [InlineData("btc_v_d", "btc.v")]
    [InlineData("brk-b_us_d", "brk-b.us")]
    public void TickerFromFileStem(string stem, string ticker) => Assert.Equal(ticker, StooqCsvImporter.TickerOf(stem));

    [Fact]
    public void QuotaMessageIsReportedAsSuch()
    {
        var e = Assert.Throws<ImportException>(() => Fixtures.ReadText("spy_us_d.csv", "Exceeded the daily hits limit\n", skipBad: true));
        Assert.Contains("Exceeded the daily hits limit", e.Message);
        Assert.Equal((1, "content"), (e.Line, e.Field));
    }

    [Fact]
    public void BulkTextReadsBackWithIdsFromTheTickerColumn()
    {
        var spy = Fixtures.Rows("markets/spy_daily.csv", "2024-01-01", "2024-03-31");
        var rut = Fixtures.Rows("markets/rut_daily.csv", "2021-10-01", "2021-12-31");

        var spyFile = Fixtures.ReadText("spy.us.txt", Bulk("SPY.US", spy));
        var rutFile = Fixtures.ReadText("^rut.txt", Bulk("^RUT", rut));

        Assert.Equal("stooq-bulk", spyFile.Format);
        Assert.Equal(new Instrument("SPY", AssetClass.Etf, "USD", 1, CalendarKind.UsEquity), spyFile.Series[0].Instrument);
        Fixtures.AssertBars(Expected(spy), Fixtures.ThroughStore(spyFile, "SPY"));
        Assert.Equal(AssetClass.EquityIndex, rutFile.Series[0].Instrument.Class);
        Fixtures.AssertReadsBack(Expected(rut), rutFile, "RUT");
    }

    [Fact]
    public void BulkTextWithAnotherPeriodIsRefused()
    {
        Fixtures.AssertFails("spy.us.txt", $"{BulkHeader}\nSPY.US,D,20240102,000000,472.16,473.67,470.49,472.65,123623700,0\nSPY.US,W,20240105,000000,1,2,1,2,3,0\n", 3, "<PER>", "not daily", skippable: false);
    }

    private const string GoodCsvRow = "2024-01-02,472.16,473.67,470.49,472.65,123623700";

    [Theory]
    [InlineData("2024-01-03,470.43,471.19,468.17,4x68.79,103585900", "Close", "not a number")]
    [InlineData("2024-13-03,470.43,471.19,468.17,468.79,103585900", "Date", "not a date")]
    [InlineData("2024-01-03,nan,471.19,468.17,468.79,103585900", "Open", "NaN")]
    [InlineData("2024-01-03,470.43,471.19,468.17,-468.79,103585900", "close", "positive")]
    [InlineData("2024-01-02,470.43,471.19,468.17,468.79,103585900", "date", "appears again")]
    public void CsvFailures(string badRow, string field, string reason)
    {
        Fixtures.AssertFails("spy_us_d.csv", $"Date,Open,High,Low,Close,Volume\n{GoodCsvRow}\n{badRow}\n", 3, field, reason);
    }

    [Theory]
    [InlineData("SPY.US,D,20240103,000000,470.43,471.19,468.17,4x68.79,103585900,0", "<CLOSE>", "not a number")]
    [InlineData("SPY.US,D,2024-01-03,000000,470.43,471.19,468.17,468.79,103585900,0", "<DATE>", "not a date")]
    [InlineData("SPY.US,D,20240103,000000,470.43,NaN,468.17,468.79,103585900,0", "<HIGH>", "NaN")]
    [InlineData("SPY.US,D,20240103,000000,0,471.19,468.17,468.79,103585900,0", "open", "positive")]
    [InlineData("SPY.US,D,20240102,000000,470.43,471.19,468.17,468.79,103585900,0", "date", "appears again")]
    public void BulkFailures(string badRow, string field, string reason)
    {
        Fixtures.AssertFails("spy.us.txt", $"{BulkHeader}\nSPY.US,D,20240102,000000,472.16,473.67,470.49,472.65,123623700,0\n{badRow}\n", 3, field, reason);
    }
}
