using System.Text;
using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Xunit;

namespace Bellwether.Data.Tests.Import.Formats;

public sealed class YahooCsvImporterTests
{
    private const string Header = "Date,Open,High,Low,Close,Adj Close,Volume";

    /// <summary>A Yahoo download of the given rows (Adj Close set to the close, as Yahoo does for an index).</summary>
    private static string Yahoo(IEnumerable<RawRow> rows, params string[] extraLines)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var r in rows) text.Append($"{r.Date},{r["open"]},{r["high"]},{r["low"]},{r["close"]},{r["close"]},{r["volume"]}\n");
        foreach (var line in extraLines) text.Append(line).Append('\n');
        return text.ToString();
    }

    private static List<(DateOnly, double, double, double, double, double, double)> Expected(IEnumerable<RawRow> rows) =>
        rows.Select(r => (r.Day, r.Number("open"), r.Number("high"), r.Number("low"), r.Number("close"), r.Number("volume"), double.NaN)).ToList();

    [Fact]
    public void RutRowsReadBackThroughParsedFileAndStore()
    {
        var rows = Fixtures.Rows("markets/rut_daily.csv", "2021-10-01", "2021-12-31");
        // Yahoo writes a row of nulls for some days without trading; it must be a counted skip, not a bar.
        var parsed = Fixtures.ReadText("^RUT.csv", Yahoo(rows, "2021-12-25,null,null,null,null,null,null"));

        Assert.Equal("yahoo-csv", parsed.Format);
        var series = Assert.Single(parsed.Series);
        Assert.Equal(new Instrument("RUT", AssetClass.EquityIndex, "USD", 1, CalendarKind.UsEquity), series.Instrument);
        Fixtures.AssertBars(Expected(rows), series);
        Fixtures.AssertBars(Expected(rows), Fixtures.ThroughStore(parsed, "RUT"));
        Assert.Equal(rows.Count + 1, parsed.RowsRead);
        var skip = Assert.Single(parsed.Skipped);
        Assert.Equal((rows.Count + 2, "row"), (skip.Line, skip.Field));
        Assert.Contains(parsed.Notes, n => n.Contains("Adj Close") && n.Contains("not"));
        Assert.Equal(2442.74, series.Close[series.IndexOf(new DateOnly(2021, 11, 8))], 0.005);
    }

    [Fact]
    public void CryptoPairIsCryptoOnEveryDayAndEtfIsEtf()
    {
        var btc = Fixtures.Rows("crypto/daily/BTC.csv", "2024-01-01", "2024-01-31");
        var iwm = Fixtures.Rows("markets/iwm_daily.csv", "2024-01-01", "2024-01-31");

        var crypto = Fixtures.ReadText("BTC-USD.csv", Yahoo(btc));
        var etf = Fixtures.ReadText("IWM.csv", Yahoo(iwm));

        Assert.Equal(new Instrument("BTC", AssetClass.Crypto, "USD", 1, CalendarKind.EveryDay), crypto.Series[0].Instrument);
        Fixtures.AssertBars(Expected(btc), Fixtures.ThroughStore(crypto, "BTC"));
        Assert.Equal(new Instrument("IWM", AssetClass.Etf, "USD", 1, CalendarKind.UsEquity), etf.Series[0].Instrument);
        Fixtures.AssertBars(Expected(iwm), Fixtures.ThroughStore(etf, "IWM"));
    }

    [Fact]
    public void PartlyNullRowKeepsItsCloseWithTheRestMissingAndSaysSo()
    {
        var parsed = Fixtures.ReadText("IWM.csv", $"{Header}\n2024-01-02,null,201.6,198.4,199.5,190.1,null\n2024-01-03,197.4,197.7,193.8,194.2,185.0,57532500\n");

        var series = parsed.Series[0];
        Assert.True(double.IsNaN(series.Open[0]) && double.IsNaN(series.Volume[0]));
        Assert.Equal(199.5, series.Close[0]);
        Assert.Contains(parsed.Notes, n => n.Contains("1 rows lack open, high, low or volume"));
        Assert.Empty(parsed.Skipped);
    }

    [Fact]
    public void DateWithATimeAfterItIsTheExchangeDate()
    {
        var parsed = Fixtures.ReadText("IWM.csv", $"{Header}\n2024-01-02 00:00:00-05:00,199.4,201.6,198.4,199.5,190.1,44341500\n");
        Assert.Equal(new DateOnly(2024, 1, 2), parsed.Series[0].Dates[0]);
    }

    [Fact]
    public void NullCloseWithOtherPricesIsBadInput() =>
        FailsOn("2024-01-03,197.4,197.7,193.8,null,null,57532500", "close", "no value");

    [Fact]
    public void MalformedNumber() => FailsOn("2024-01-03,197.4,19x7.7,193.8,194.2,185.0,57532500", "High", "not a number");

    [Fact]
    public void BadDate() => FailsOn("2024-02-30,197.4,197.7,193.8,194.2,185.0,57532500", "Date", "not a date");

    [Fact]
    public void NaN() => FailsOn("2024-01-03,197.4,197.7,193.8,NaN,185.0,57532500", "Close", "NaN");

    [Fact]
    public void NonPositivePrice() => FailsOn("2024-01-03,197.4,197.7,0,194.2,185.0,57532500", "low", "positive");

    [Fact]
    public void HighBelowLow() => FailsOn("2024-01-03,197.4,193.7,197.8,194.2,185.0,57532500", "high", "below low");

    [Fact]
    public void ConflictingDuplicateDate() => FailsOn("2024-01-02,199.4,201.6,198.4,199.9,190.1,44341500", "date", "appears again");

    [Fact]
    public void IdenticalDuplicateIsMergedAndCounted()
    {
        var parsed = Fixtures.ReadText("IWM.csv", $"{Header}\n{GoodRow}\n{GoodRow}\n");
        Assert.Equal(1, parsed.MergedDuplicates);
        Assert.Equal(1, parsed.Series[0].Count);
    }

    [Fact]
    public void WeeklyBarsAreRefused()
    {
        var e = Assert.Throws<Bellwether.Data.Import.ImportException>(() => Fixtures.ReadText("IWM.csv", $"{Header}\n2024-01-01,1,2,1,2,2,10\n2024-01-08,1,2,1,2,2,10\n2024-01-15,1,2,1,2,2,10\n", skipBad: true));
        Assert.Equal("date", e.Field);
        Assert.Contains("daily bars only", e.Message);
    }

    private const string GoodRow = "2024-01-02,199.4,201.6,198.4,199.5,190.1,44341500";

    // The bad row is the third line, after a good one.
    private static void FailsOn(string badRow, string field, string reason) =>
        Fixtures.AssertFails("IWM.csv", $"{Header}\n{GoodRow}\n{badRow}\n2024-01-04,194.1,195.5,193.7,193.8,185.1,43114200\n", 3, field, reason);
}
