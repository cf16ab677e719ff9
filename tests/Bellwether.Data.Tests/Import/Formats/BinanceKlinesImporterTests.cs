using System.Globalization;
using System.Text;
using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Bellwether.Data.Import;
using Bellwether.Data.Import.Formats;
using Xunit;

namespace Bellwether.Data.Tests.Import.Formats;

public sealed class BinanceKlinesImporterTests
{
    private const long Day = 86_400_000;
    private const string DumpHeader = "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore";

    // Binance-sourced BTC days of the data folder (volume in BTC, as Binance gives it).
    private static List<RawRow> BtcRows(string from, string to) =>
        Fixtures.Rows("crypto/daily/BTC.csv", from, to, r => r["source"].StartsWith("binance", StringComparison.Ordinal));

    /// <summary>The 12 fields of a kline; <paramref name="scale"/> is 1 for milliseconds, 1000 for microseconds.</summary>
    private static string[] Kline(RawRow r, long scale = 1)
    {
        long open = Fixtures.UnixMs(r.Day) * scale, close = open + Day * scale - 1;
        var quoteVolume = (r.Number("volume") * r.Number("close")).ToString("F8", CultureInfo.InvariantCulture);
        return [open.ToString(CultureInfo.InvariantCulture), r["open"], r["high"], r["low"], r["close"], r["volume"],
            close.ToString(CultureInfo.InvariantCulture), quoteVolume, "1000", r["volume"], quoteVolume, "0"];
    }

    private static string Csv(IEnumerable<RawRow> rows, long scale = 1, bool header = false) =>
        (header ? DumpHeader + "\n" : "") + string.Concat(rows.Select(r => string.Join(',', Kline(r, scale)) + "\n"));

    // The API's JSON: times as numbers, everything else as strings except the trade count.
    private static string Json(IEnumerable<RawRow> rows) =>
        "[" + string.Join(",", rows.Select(r =>
        {
            var k = Kline(r);
            return $"[{k[0]},\"{k[1]}\",\"{k[2]}\",\"{k[3]}\",\"{k[4]}\",\"{k[5]}\",{k[6]},\"{k[7]}\",{k[8]},\"{k[9]}\",\"{k[10]}\",\"{k[11]}\"]";
        })) + "]";

    private static List<(DateOnly, double, double, double, double, double, double)> Expected(IEnumerable<RawRow> rows) =>
        rows.Select(r => (r.Day, r.Number("open"), r.Number("high"), r.Number("low"), r.Number("close"), r.Number("volume"), double.NaN)).ToList();

    private static readonly Instrument BtcUsdt = new("BTC", AssetClass.Crypto, "USDT", 1, CalendarKind.EveryDay);

    [Fact]
    public void MillisecondDumpReadsBackThroughParsedFileAndStore()
    {
        var rows = BtcRows("2024-01-01", "2024-01-31");
        var parsed = Fixtures.ReadText("BTCUSDT-1d-2024-01.csv", Csv(rows));

        Assert.Equal("binance-klines", parsed.Format);
        Assert.Equal(BtcUsdt, parsed.Series[0].Instrument);
        Fixtures.AssertReadsBack(Expected(rows), parsed, "BTC");
        Assert.Contains(parsed.Notes, n => n.Contains("base asset"));
    }

    [Fact]
    public void MicrosecondDumpWithHeaderReadsBack()
    {
        var rows = BtcRows("2025-01-01", "2025-01-31");
        var parsed = Fixtures.ReadText("BTCUSDT-1d-2025-01.csv", Csv(rows, scale: 1000, header: true));

        Assert.Equal(BtcUsdt, parsed.Series[0].Instrument);
        Assert.Equal(rows.Count, parsed.RowsRead);
        Fixtures.AssertBars(Expected(rows), Fixtures.ThroughStore(parsed, "BTC"));
    }

    [Fact]
    public void ApiJsonReadsBack()
    {
        var rows = BtcRows("2024-02-01", "2024-03-31");
        var parsed = Fixtures.ReadText("BTCUSDT.json", Json(rows));

        Assert.Equal("binance-klines", parsed.Format);
        Assert.Equal(BtcUsdt, parsed.Series[0].Instrument);
        Fixtures.AssertReadsBack(Expected(rows), parsed, "BTC");
    }

    [Theory]
    [InlineData("BTCUSDT-1d-2024-01", "BTCUSDT", "1d")]
    [InlineData("1000PEPEUSDT-1d-2024-01-15", "1000PEPEUSDT", "1d")]
    [InlineData("ethusdt_1h", "ETHUSDT", "1h")]
    [InlineData("BTCUSDT", "BTCUSDT", null)]
    public void NamePartsFromFileStem(string stem, string symbol, string? interval) =>
        Assert.Equal((symbol, interval), BinanceKlinesImporter.NameParts(stem));

    [Theory]
    [InlineData("BTCUSDT", "BTC", "USDT")]
    [InlineData("BTCFDUSD", "BTC", "FDUSD")]
    [InlineData("ETHBTC", "ETH", "BTC")]
    [InlineData("1000PEPEUSDT", "1000PEPE", "USDT")]
    [InlineData("BITCOIN", "BITCOIN", "unknown")]
    public void BaseAndQuoteOfSymbol(string symbol, string baseAsset, string quote) =>
        Assert.Equal((baseAsset, quote), BinanceKlinesImporter.SplitSymbol(symbol));

    [Fact]
    public void ScaledContractKeepsItsScale()
    {
        var open = Fixtures.UnixMs(new DateOnly(2024, 1, 1));
        var parsed = Fixtures.ReadText("1000PEPEUSDT-1d-2024-01.csv", $"{open},0.0012,0.0013,0.0011,0.00125,5,{open + Day - 1},0,1,0,0,0\n");
        Assert.Equal(new Instrument("1000PEPE", AssetClass.Crypto, "USDT", 1000, CalendarKind.EveryDay), parsed.Series[0].Instrument);
    }

    [Fact]
    public void HourlyKlinesAreRefused()
    {
        var open = Fixtures.UnixMs(new DateOnly(2024, 1, 1));
        var e = Fixtures.AssertFails("BTCUSDT.csv", $"{open},1,2,1,2,5,{open + 3_600_000 - 1},0,1,0,0,0\n", 1, "close_time", "daily (1d) klines only", skippable: false);
        Assert.Contains("01:00:00", e.Reason);
    }

    [Fact]
    public void IntervalInFileNameOtherThanDailyIsRefused()
    {
        var e = Assert.Throws<ImportException>(() => Fixtures.ReadText("BTCUSDT-1h-2024-01.csv", "", format: "binance-klines"));
        Assert.Equal("interval", e.Field);
        Assert.Contains("1h", e.Message);
    }

    [Fact]
    public void DaysShiftedByTimeZoneAreRefused()
    {
        var open = Fixtures.UnixMs(new DateOnly(2024, 1, 1)) - 8 * 3_600_000;
        var e = Fixtures.AssertFails("BTCUSDT.json", $"[[{open},\"1\",\"2\",\"1\",\"2\",\"5\",{open + Day - 1},\"0\",1,\"0\",\"0\",\"0\"]]", 1, "open_time", "not 00:00", skippable: false, positionKind: "element");
        Assert.Contains("16:00", e.Reason);
    }

    // A good first kline (2024-01-01), then the bad one on line / element 2.
    private static readonly long Jan1 = Fixtures.UnixMs(new DateOnly(2024, 1, 1)), Jan2 = Jan1 + Day;
    private static readonly string GoodCsv = $"{Jan1},42283.58,44184.1,42180.77,44179.55,27174.29903,{Jan2 - 1},0,1,0,0,0";

    [Theory]
    [InlineData("{0},44179.55,45879.63,44148.34,44946.9x1,65146.40661,{1},0,1,0,0,0", "close", "not a number")]
    [InlineData("17041536OO000,44179.55,45879.63,44148.34,44946.91,65146.40661,{1},0,1,0,0,0", "open_time", "not a time")]
    [InlineData("{0},44179.55,NaN,44148.34,44946.91,65146.40661,{1},0,1,0,0,0", "high", "NaN")]
    [InlineData("{0},44179.55,45879.63,0,44946.91,65146.40661,{1},0,1,0,0,0", "low", "positive")]
    [InlineData("{2},44179.55,45879.63,44148.34,44946.91,65146.40661,{3},0,1,0,0,0", "date", "appears again")]
    public void CsvFailures(string badFormat, string field, string reason)
    {
        var bad = string.Format(CultureInfo.InvariantCulture, badFormat, Jan2, Jan2 + Day - 1, Jan1, Jan2 - 1);
        Fixtures.AssertFails("BTCUSDT-1d-2024-01.csv", $"{GoodCsv}\n{bad}\n", 2, field, reason);
    }

    [Theory]
    [InlineData("[{0},\"44179.55\",\"45879.63\",\"44148.34\",\"44946.9x1\",\"65146.4\",{1},\"0\",1,\"0\",\"0\",\"0\"]", "close", "not a number")]
    [InlineData("[\"yesterday\",\"44179.55\",\"45879.63\",\"44148.34\",\"44946.91\",\"65146.4\",{1},\"0\",1,\"0\",\"0\",\"0\"]", "open_time", "not a time")]
    [InlineData("[{0},\"44179.55\",\"NaN\",\"44148.34\",\"44946.91\",\"65146.4\",{1},\"0\",1,\"0\",\"0\",\"0\"]", "high", "NaN")]
    [InlineData("[{0},\"-1\",\"45879.63\",\"44148.34\",\"44946.91\",\"65146.4\",{1},\"0\",1,\"0\",\"0\",\"0\"]", "open", "positive")]
    [InlineData("[{2},\"44179.55\",\"45879.63\",\"44148.34\",\"44946.91\",\"65146.4\",{3},\"0\",1,\"0\",\"0\",\"0\"]", "date", "appears again")]
    [InlineData("[{0},\"44179.55\",\"45879.63\",null,\"44946.91\",\"65146.4\",{1},\"0\",1,\"0\",\"0\",\"0\"]", "low", "no value")]
    public void JsonFailuresNameTheElement(string badFormat, string field, string reason)
    {
        var bad = string.Format(CultureInfo.InvariantCulture, badFormat, Jan2, Jan2 + Day - 1, Jan1, Jan2 - 1);
        var good = $"[{Jan1},\"42283.58\",\"44184.1\",\"42180.77\",\"44179.55\",\"27174.3\",{Jan2 - 1},\"0\",1,\"0\",\"0\",\"0\"]";
        Fixtures.AssertFails("BTCUSDT.json", $"[{good},\n{bad}]", 2, field, reason, positionKind: "element");
    }

    [Fact]
    public void BrokenJsonNamesTheLine()
    {
        var e = Assert.Throws<ImportException>(() => Fixtures.ReadText("BTCUSDT.json", $"[[{Jan1},\"1\",\"2\",\"1\",\"2\",\"5\",{Jan2 - 1},\"0\",1,\"0\",\"0\",\"0\"],\n[{Jan2},\"1\" \"2\"]]"));
        Assert.Equal((2, "json"), (e.Line, e.Field));
    }
}
