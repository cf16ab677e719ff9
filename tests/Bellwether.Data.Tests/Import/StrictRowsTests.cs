using System.Security.Cryptography;
using System.Text;
using Bellwether.Data.Import;
using Bellwether.Data.Store;
using Bellwether.Data.Tests.Import.Formats;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Data.Tests.Import;

/// <summary>
/// Rows that do not fit their format are errors naming file, line and field, and leave a store holding real data
/// byte for byte as it was; rows that fit are stored exactly. Every file is built from real rows of the data folder.
/// </summary>
public sealed class StrictRowsTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _store;

    // The import's clock: the day after the data folder's last rows.
    private static readonly ImportOptions Strict = new() { Clock = new FixedClock(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero)) };

    public StrictRowsTests()
    {
        _store = Path.Combine(_folder.Path, "store.duckdb");
        var seed = _folder.Write("rut_daily.csv", DataFolderCsv("markets/rut_daily.csv", "2021-11-01", "2021-11-30"));
        using var store = BellwetherStore.Open(_store);
        store.Import([Importers.Read(seed, Strict)], DateTimeOffset.UnixEpoch);
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>The header and the rows of a data-folder file dated <paramref name="from"/> to <paramref name="to"/>, as written.</summary>
    private static string DataFolderCsv(string relativePath, string from, string to)
    {
        var lines = File.ReadAllLines(RealData.File(relativePath.Split('/')));
        return string.Join('\n', lines.Take(1).Concat(lines.Skip(1).Where(l =>
            string.CompareOrdinal(l[..10], from) >= 0 && string.CompareOrdinal(l[..10], to) <= 0))) + "\n";
    }

    private static List<RawRow> Rut(string from, string to) => Fixtures.Rows("markets/rut_daily.csv", from, to);

    private static string Yahoo(IEnumerable<RawRow> rows, Func<RawRow, string>? line = null) =>
        "Date,Open,High,Low,Close,Adj Close,Volume\n" + string.Concat(rows.Select(r =>
            (line ?? (x => $"{x.Date},{x["open"]},{x["high"]},{x["low"]},{x["close"]},{x["close"]},{x["volume"]}"))(r) + "\n"));

    private string StoreDigest() => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(_store)));

    /// <summary>
    /// Imports <paramref name="content"/> as <paramref name="name"/> the way <c>bellwether import</c> does, expects it
    /// refused on <paramref name="line"/> and <paramref name="field"/>, and the store unchanged, byte for byte.
    /// </summary>
    private ImportException Refused(string name, string content, int line, string field, string reasonPart)
    {
        var path = _folder.Write(name, content);
        var digest = StoreDigest();
        string fingerprint;
        using (var store = BellwetherStore.Open(_store)) fingerprint = store.ContentFingerprint();
        var e = Assert.Throws<ImportException>(() =>
        {
            using var store = BellwetherStore.Open(_store);
            store.Import([Importers.Read(path, Strict)], DateTimeOffset.UnixEpoch);
        });
        Assert.Equal(path, e.File);
        Assert.Equal(line, e.Line);
        Assert.Equal(field, e.Field);
        Assert.Contains(reasonPart, e.Reason, StringComparison.Ordinal);
        Assert.StartsWith(line > 0 ? $"{path}:{line}: field '{field}'" : $"{path}: {field}:", e.Message, StringComparison.Ordinal);
        using (var store = BellwetherStore.Open(_store)) Assert.Equal(fingerprint, store.ContentFingerprint());
        Assert.Equal(digest, StoreDigest());
        return e;
    }

    private ParsedFile Accepted(string name, string content) => Importers.Read(_folder.Write(name, content), Strict);

    // Real 2021-11-08 RUT row (its 2021 peak), exported with thousands separators: 2,438.36 is two fields.
    private static string Separated(RawRow r) =>
        $"{r.Date},{r.Number("open"):#,0.00},{r.Number("high"):#,0.00},{r.Number("low"):#,0.00},{r.Number("close"):#,0.00}";

    public static TheoryData<string, string> EveryCsvFormat() => new()
    {
        { "bellwether-bars", "rut_daily.csv" }, { "yahoo-csv", "^RUT.csv" }, { "stooq-csv", "^rut_d.csv" },
        { "stooq-bulk", "rut.txt" }, { "bellwether-series", "DGS10.csv" }, { "fred", "fredgraph.csv" },
        { "etf-flows", "btc_spot_etf_flows_daily.csv" }, { "ranking", "cmc_monthly_top200_snapshots.csv" },
        { "coin-list", "exclusions_stable_wrapped.csv" }, { "coingecko-daily-csv", "BTC.csv" }, { "binance-klines", "BTCUSDT-1d-2024-01.csv" },
    };

    /// <summary>A file of <paramref name="format"/> whose line 3 has one field more than the format, from real rows.</summary>
    private static (string Content, int Fields) WithThousandsSeparator(string format)
    {
        var rut = Rut("2021-11-05", "2021-11-08");
        var (good, bad) = (rut[0], rut[1]);
        switch (format)
        {
            case "bellwether-bars":
                return ($"date,open,high,low,close,volume,source\n{good.Date},{good["open"]},{good["high"]},{good["low"]},{good["close"]},{good["volume"]},{good["source"]}\n" +
                        $"{bad.Date},2,438.36,{bad["high"]},{bad["low"]},{bad["close"]},{bad["volume"]},{bad["source"]}\n", 7);
            case "yahoo-csv":
                return (Yahoo([good]) + Separated(bad) + $",{bad.Number("close"):#,0.00},{bad["volume"]}\n", 7);
            case "stooq-csv":
                return ($"Date,Open,High,Low,Close,Volume\n{good.Date},{good["open"]},{good["high"]},{good["low"]},{good["close"]},{good["volume"]}\n" +
                        Separated(bad) + $",{bad["volume"]}\n", 6);
            case "stooq-bulk":
                return ("<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\n" +
                        $"^RUT,D,{good.Date.Replace("-", "")},000000,{good["open"]},{good["high"]},{good["low"]},{good["close"]},{good["volume"]},0\n" +
                        $"^RUT,D,{bad.Date.Replace("-", "")},000000,2,438.36,{bad["high"]},{bad["low"]},{bad["close"]},{bad["volume"]},0\n", 10);
            case "bellwether-series":
            case "fred":
                {
                    var dgs = Fixtures.Rows("macro/DGS10.csv", "2025-01-02", "2025-01-03");
                    var header = format == "fred" ? "observation_date,DGS10" : "date,DGS10";
                    return ($"{header}\n{dgs[0].Date},{dgs[0]["DGS10"]}\n{dgs[1].Date},{dgs[1]["DGS10"].Replace('.', ',')}\n", 2);
                }
            case "etf-flows":
                {
                    var lines = File.ReadAllLines(RealData.File("flows", "btc_spot_etf_flows_daily.csv"));
                    var fields = lines[0].Split(',').Length;
                    // 2024-01-11's IBIT 111.7 written as 1,117 (a thousands separator where a decimal point belongs).
                    return ($"{lines[0]}\n{lines[2]}\n{lines[1].Replace(",111.7,", ",1,117,")}\n", fields);
                }
            case "ranking":
                {
                    var lines = File.ReadAllLines(RealData.File("crypto", "cmc_monthly_top200_snapshots.csv"));
                    return ($"{lines[0]}\n{lines[1]}\n{lines[2].Replace(",Ethereum,", ",Ethereum, Ether,")}\n", lines[0].Split(',').Length);
                }
            case "coin-list":
                {
                    var lines = File.ReadAllLines(RealData.File("crypto", "exclusions_stable_wrapped.csv"));
                    var wbtc = lines.First(l => l.StartsWith("WBTC,", StringComparison.Ordinal));
                    return ($"{lines[0]}\n{lines[1]}\n{wbtc.Replace("Wrapped Bitcoin", "Wrapped Bitcoin, WBTC")}\n", 5);
                }
            case "coingecko-daily-csv":
                {
                    var rows = Fixtures.Rows("crypto/coingecko/BTC.csv", "2024-01-10", "2024-01-11").Select(r => r.Cells.Values.ToArray()).ToList();
                    return ("snapshot_date_utc0000,price_usd,market_cap_usd,total_volume_usd,from_repo\n" + string.Join(',', rows[0]) + "\n" +
                            $"{rows[1][0]},{double.Parse(rows[1][1], System.Globalization.CultureInfo.InvariantCulture):#,0.00},{string.Join(',', rows[1][2..])}\n", 5);
                }
            case "binance-klines":
                {
                    var btc = Fixtures.Rows("crypto/daily/BTC.csv", "2024-01-01", "2024-01-02");
                    string Kline(RawRow r, string open) =>
                        $"{Fixtures.UnixMs(r.Day)},{open},{r["high"]},{r["low"]},{r["close"]},{r["volume"]},{Fixtures.UnixMs(r.Day) + 86_399_999},0,0,0,0,0";
                    return (Kline(btc[0], btc[0]["open"]) + "\n" + Kline(btc[1], btc[1].Number("open").ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture)) + "\n", 12);
                }
            default: throw new ArgumentOutOfRangeException(nameof(format));
        }
    }

    [Theory, MemberData(nameof(EveryCsvFormat))]
    public void A_row_with_more_fields_than_the_format_is_an_error_hinting_at_thousands_separators(string format, string name)
    {
        var (content, fields) = WithThousandsSeparator(format);
        int line = format == "binance-klines" ? 2 : 3;
        var e = Refused(name, content, line, "row", $"expected {fields} fields");
        Assert.Contains("thousands separator (2,438.36)", e.Reason, StringComparison.Ordinal);
        Assert.Equal(format, Importers.Detect(Importers.Probe(Path.Combine(_folder.Path, name)))!.Name);
    }

    [Fact]
    public void The_shifted_yahoo_row_of_the_issue_never_revises_the_stored_close()
    {
        var rows = Rut("2021-11-05", "2021-11-09");
        var e = Refused("^RUT.csv", Yahoo(rows, r => r.Date == "2021-11-08"
            ? Separated(r) + $",{r.Number("close"):#,0.00},{r["volume"]}" : $"{r.Date},{r["open"]},{r["high"]},{r["low"]},{r["close"]},{r["close"]},{r["volume"]}"),
            3, "row", "expected 7 fields as in the header, found 12");
        using var store = BellwetherStore.Open(_store, readOnly: true);
        var rut = store.LoadSeries("RUT");
        Assert.Equal(2442.739990234375, rut.Close[rut.IndexOf(new DateOnly(2021, 11, 8))]);
        Assert.Contains("quote such fields", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_missing_a_required_field_is_an_error()
    {
        var rows = Rut("2021-11-05", "2021-11-09");
        Refused("^RUT.csv", Yahoo(rows, r => r.Date == "2021-11-08" ? $"{r.Date},{r["open"]},{r["high"]},{r["low"]}"
            : $"{r.Date},{r["open"]},{r["high"]},{r["low"]},{r["close"]},{r["close"]},{r["volume"]}"), 3, "row", "expected 7 fields as in the header, found 4");
    }

    [Fact]
    public void A_stooq_row_without_its_trailing_volume_and_a_volume_of_zero_are_stored_as_missing_never_zero()
    {
        var rows = Rut("1987-09-10", "1987-09-16");
        var csv = new StringBuilder("Date,Open,High,Low,Close,Volume\n");
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            csv.Append($"{r.Date},{r["open"]},{r["high"]},{r["low"]},{r["close"]}");
            csv.Append(i switch { 0 => "\n", 1 => ",0\n", _ => $",{r["volume"]}\n" });
        }
        var parsed = Accepted("^rut_d.csv", csv.ToString());
        var expected = rows.Select((r, i) => (r.Day, r.Number("open"), r.Number("high"), r.Number("low"), r.Number("close"),
            i < 2 ? double.NaN : r.Number("volume"), double.NaN)).ToList();
        Fixtures.AssertReadsBack(expected, parsed, "RUT");
        Assert.Contains(parsed.Notes, n => n.Contains("1 volumes of 0", StringComparison.Ordinal));
        Assert.Contains(parsed.Notes, n => n.Contains("2 rows lack open, high, low or volume", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2099-01-05", "2099-01-05 is in the future (the import runs on 2026-01-01 UTC")]
    [InlineData("2026-01-03", "2026-01-03 is in the future")]
    [InlineData("0001-11-08", "0001-11-08 is before 1900")]
    [InlineData("1899-12-29", "1899-12-29 is before 1900")]
    public void Dates_after_the_clock_plus_one_day_or_before_1900_are_errors(string date, string reason)
    {
        var rows = Rut("2021-11-05", "2021-11-09");
        Refused("^RUT.csv", Yahoo(rows, r => $"{(r.Date == "2021-11-08" ? date : r.Date)},{r["open"]},{r["high"]},{r["low"]},{r["close"]},{r["close"]},{r["volume"]}"),
            3, "Date", reason);
    }

    [Fact]
    public void A_date_one_day_after_the_clock_is_accepted()
    {
        var rows = Rut("2021-11-05", "2021-11-09");
        var parsed = Accepted("^RUT.csv", Yahoo(rows, r => $"{(r.Date == "2021-11-09" ? "2026-01-02" : r.Date)},{r["open"]},{r["high"]},{r["low"]},{r["close"]},{r["close"]},{r["volume"]}"));
        Assert.Equal(new DateOnly(2026, 1, 2), parsed.Series[0].Dates[^1]);
    }

    [Theory]
    [InlineData("open", 2458.87)] // a cent above the day's high
    [InlineData("close", 2438.05)] // a cent below the day's low
    public void Open_or_close_outside_the_day_range_is_an_error(string field, double price)
    {
        var rows = Rut("2021-11-05", "2021-11-09");
        Refused("^RUT.csv", Yahoo(rows, r => r.Date != "2021-11-08"
                ? $"{r.Date},{r["open"]},{r["high"]},{r["low"]},{r["close"]},{r["close"]},{r["volume"]}"
                : field == "open" ? $"{r.Date},{price},{r["high"]},{r["low"]},{r["close"]},{r["close"]},{r["volume"]}"
                : $"{r.Date},{r["open"]},{r["high"]},{r["low"]},{price},{price},{r["volume"]}"),
            3, field, $"{field} {price} lies outside the day's range [low 2438.06005859375, high 2458.860107421875]");
    }

    [Fact]
    public void A_close_rounded_within_one_part_in_a_million_of_the_range_is_accepted()
    {
        var r = Rut("2021-11-08", "2021-11-08")[0];
        // The high rounded to cents (2458.86), the close to four decimals above it: rounding, not a bad row.
        var parsed = Accepted("^RUT.csv", $"Date,Open,High,Low,Close,Adj Close,Volume\n{r.Date},{r["open"]},2458.86,{r["low"]},2458.8601,2458.8601,{r["volume"]}\n");
        Assert.Equal(2458.8601, parsed.Series[0].Close[0]);
    }

    [Fact]
    public void A_header_only_file_stores_nothing_and_says_so()
    {
        var path = _folder.Write("^GSPC.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n");
        var digest = StoreDigest();
        var parsed = Importers.Read(path, Strict);
        Assert.Empty(parsed.Series);
        Assert.Contains("GSPC: no data rows; nothing stored", parsed.Notes);
        using (var store = BellwetherStore.Open(_store))
        {
            var before = store.ContentFingerprint();
            Assert.Equal(0, store.Import([parsed], DateTimeOffset.UnixEpoch).Inserted);
            Assert.Equal(before, store.ContentFingerprint());
            Assert.Null(store.FindInstrument("GSPC"));
        }
        Assert.Equal(digest, StoreDigest());
    }

    [Fact]
    public void Monthly_rows_before_the_daily_history_are_reported_and_not_stored_as_daily_bars()
    {
        // Stooq's ^spx holds monthly rows before its daily ones: here the first session of each month of 1988, then
        // the daily rows of January 1989, all real RUT rows.
        var monthly = Rut("1988-01-01", "1988-12-31").GroupBy(r => r.Date[..7]).Select(g => g.First()).ToList();
        var daily = Rut("1989-01-01", "1989-01-31");
        var csv = "Date,Open,High,Low,Close\n" + string.Concat(monthly.Concat(daily).Select(r => $"{r.Date},{r["open"]},{r["high"]},{r["low"]},{r["close"]}\n"));
        var parsed = Accepted("^rut_d.csv", csv);
        Fixtures.AssertReadsBack(daily.Select(r => (r.Day, r.Number("open"), r.Number("high"), r.Number("low"), r.Number("close"), double.NaN, double.NaN)).ToList(), parsed, "RUT");
        Assert.Equal(Enumerable.Range(2, 12), parsed.Skipped.Select(s => s.Line));
        Assert.All(parsed.Skipped, s => Assert.Contains("coarser frequency than daily", s.Reason, StringComparison.Ordinal));
        Assert.Contains("RUT: 12 rows from 1988-01-04 to 1988-12-01 are weekly, monthly or sparser, not daily: not stored", parsed.Notes);
    }

    [Fact]
    public void A_file_of_monthly_rows_only_is_refused()
    {
        var monthly = Rut("1988-01-01", "1988-12-31").GroupBy(r => r.Date[..7]).Select(g => g.First());
        Refused("^rut_d.csv", "Date,Open,High,Low,Close\n" + string.Concat(monthly.Select(r => $"{r.Date},{r["open"]},{r["high"]},{r["low"]},{r["close"]}\n")),
            0, "date", "weekly or monthly bars");
    }

    [Fact]
    public void Stooq_polish_headers_read_like_the_english_ones()
    {
        var rows = Rut("2021-11-01", "2021-11-30");
        string Csv(string header) => header + "\n" + string.Concat(rows.Select(r => $"{r.Date},{r["open"]},{r["high"]},{r["low"]},{r["close"]},{r["volume"]}\n"));
        var english = Accepted("^rut_d.csv", Csv("Date,Open,High,Low,Close,Volume"));
        var polish = Accepted("^rut_d.csv", Csv("Data,Otwarcie,Najwyzszy,Najnizszy,Zamkniecie,Wolumen"));
        Assert.Equal("stooq-csv", polish.Format);
        Fixtures.AssertBars(rows.Select(r => (r.Day, r.Number("open"), r.Number("high"), r.Number("low"), r.Number("close"), r.Number("volume"), double.NaN)).ToList(), polish.Series[0]);
        Assert.Equal(english.Series[0].Close, polish.Series[0].Close);
    }

    [Fact]
    public void Quoted_fields_follow_rfc_4180_doubled_quotes_and_line_breaks_included()
    {
        var lines = File.ReadAllLines(RealData.File("crypto", "exclusions_stable_wrapped.csv"));
        var wbtc = lines.First(l => l.StartsWith("WBTC,", StringComparison.Ordinal)).Split(',');
        var usdt = lines.First(l => l.StartsWith("USDT,", StringComparison.Ordinal)).Split(',');
        var csv = $"{lines[0]}\n{wbtc[0]},\"{wbtc[1]}, \"\"WBTC\"\"\",{string.Join(',', wbtc[2..])}\n" +
                  $"\"{usdt[0]}\",\"{usdt[1]}\nTether\",{string.Join(',', usdt[2..])}\n";
        var parsed = Accepted("exclusions_stable_wrapped.csv", csv);
        Assert.Equal(["Wrapped Bitcoin, \"WBTC\"", usdt[1] + "\nTether"], parsed.Classifications.Select(c => c.Name));
        Assert.Equal(["WBTC", "USDT"], parsed.Classifications.Select(c => c.Symbol));
        Assert.Equal(2, parsed.RowsRead);
    }

    [Fact]
    public void A_quote_left_open_is_an_error()
    {
        var lines = File.ReadAllLines(RealData.File("crypto", "exclusions_stable_wrapped.csv"));
        Refused("exclusions_stable_wrapped.csv", $"{lines[0]}\n{lines[1]}\nWBTC,\"Wrapped Bitcoin,0,1,wrapped\n", 3, "row", "broken quoting");
    }

    /// <summary>A clock that always says <paramref name="now"/>.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
