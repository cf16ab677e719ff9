using System.Globalization;
using Bellwether.Data.Import;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Data.Tests.Import;

/// <summary>The whole real data folder imports, and what is stored matches the files read independently.</summary>
public class DataFolderImportTests
{
    /// <summary>Rows of a daily CSV read naively (split on commas), independent of the importers.</summary>
    private static List<string[]> NaiveRows(string path) =>
        File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();

    private static bool NonPositivePrice(string[] row) =>
        row.Skip(1).Take(4).Any(f => f.Length > 0 && double.Parse(f, CultureInfo.InvariantCulture) <= 0);

    [Fact]
    public void Every_bar_file_is_stored_with_its_dates_and_row_count()
    {
        using var store = RealData.OpenStore();
        var status = store.Status().ToDictionary(s => s.Id);
        var files = Directory.GetFiles(RealData.File("crypto", "daily"), "*.csv")
            .Concat(Directory.GetFiles(RealData.File("markets"), "*.csv")).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var id = Path.GetFileNameWithoutExtension(file).Replace("_daily", "").ToUpperInvariant();
            var rows = NaiveRows(file).Where(r => !NonPositivePrice(r)).ToList();
            if (rows.Count == 0)
            {
                Assert.True(!status.ContainsKey(id) || status[id].Rows == 0, $"{id} has no rows in its file");
                continue;
            }
            var s = status[id];
            Assert.Equal(rows.Count, s.Rows);
            Assert.Equal(DateOnly.Parse(rows.Min(r => r[0])!), s.First);
            Assert.Equal(DateOnly.Parse(rows.Max(r => r[0])!), s.Last);
        }
    }

    [Fact]
    public void Macro_and_dominance_series_are_stored_whole()
    {
        using var store = RealData.OpenStore();
        var status = store.Status().ToDictionary(s => s.Id);
        foreach (var file in Directory.GetFiles(RealData.File("macro"), "*.csv"))
        {
            var rows = NaiveRows(file);
            var s = status[Path.GetFileNameWithoutExtension(file)];
            Assert.Equal(rows.Count, s.Rows);
            Assert.Equal(DateOnly.Parse(rows[0][0]), s.First);
            Assert.Equal(DateOnly.Parse(rows[^1][0]), s.Last);
        }
        Assert.Equal(NaiveRows(RealData.File("crypto", "btc_dominance.csv")).Count, status["BTC_DOMINANCE"].Rows);
    }

    [Fact]
    public void Spot_values_read_back_exactly()
    {
        using var store = RealData.OpenStore();
        var rut = store.LoadSeries("RUT", new DateOnly(2021, 11, 8), new DateOnly(2021, 11, 8));
        Assert.Equal(2442.74, Math.Round(rut.Close[0], 2));
        var btc = store.LoadSeries("BTC", new DateOnly(2025, 10, 6), new DateOnly(2025, 10, 6));
        Assert.Equal(124658.54, Math.Round(btc.Close[0], 2));
        // Exactly the file's text, not just to the cent.
        var line = File.ReadLines(RealData.File("crypto", "daily", "BTC.csv")).Single(l => l.StartsWith("2025-10-06,"));
        Assert.Equal(double.Parse(line.Split(',')[4], CultureInfo.InvariantCulture), btc.Close[0]);
        Assert.Equal(double.Parse(line.Split(',')[2], CultureInfo.InvariantCulture), btc.High[0]);
    }

    [Fact]
    public void Skipped_rows_are_exactly_the_non_positive_prices_and_are_reported()
    {
        var files = Importers.ExpandPaths([RealData.File("crypto", "daily")], []);
        var parsed = Importers.ReadAll(files, new ImportOptions(SkipBad: true));
        int expected = files.Sum(f => NaiveRows(f).Count(NonPositivePrice));
        Assert.True(expected > 0);
        Assert.Equal(expected, parsed.Sum(p => p.Skipped.Count));
        Assert.All(parsed.SelectMany(p => p.Skipped), s => Assert.Contains("price must be positive", s.Reason));
    }

    [Fact]
    public void Without_skip_bad_the_first_bad_row_is_an_error_naming_file_line_and_field()
    {
        var files = Importers.ExpandPaths([RealData.File("crypto", "daily")], []);
        var e = Assert.Throws<ImportException>(() => Importers.ReadAll(files, new ImportOptions()));
        var rows = NaiveRows(e.File);
        Assert.True(NonPositivePrice(rows[e.Line - 2]));
        Assert.Contains(e.Field, new[] { "open", "high", "low", "close" });
    }

    [Fact]
    public void Flows_reference_lists_and_rankings_are_stored()
    {
        using var store = RealData.OpenStore();
        var btc = store.LoadFlows("BTC_SPOT_ETF_FLOWS");
        var rows = NaiveRows(RealData.File("flows", "btc_spot_etf_flows_daily.csv"));
        // Rows of zeros on days the US market was closed are holiday rows, not flow days, and are not stored.
        var calendar = new Bellwether.Core.Calendars.TradingCalendar(Bellwether.Core.Calendars.CalendarKind.UsEquity);
        var holidayZeros = rows.Where(r => r.Skip(1).All(v => v == "0") && !calendar.IsSession(DateOnly.Parse(r[0]))).Select(r => DateOnly.Parse(r[0])).ToList();
        Assert.Contains(new DateOnly(2025, 1, 9), holidayZeros); // national day of mourning for President Carter
        Assert.Equal(rows.Count - holidayZeros.Count, btc.Count);
        Assert.DoesNotContain(btc.Dates, holidayZeros.Contains);
        Assert.Equal(double.Parse(rows[0][^1], CultureInfo.InvariantCulture), btc.Total[0]);
        Assert.Equal(File.ReadLines(RealData.File("flows", "btc_spot_etf_flows_daily.csv")).First().Split(',')[1..^1], btc.Funds);
        // Symbols differing only in case (USDe / USDE) are one coin: stored once.
        Assert.Equal(NaiveRows(RealData.File("crypto", "exclusions_stable_wrapped.csv")).Select(r => r[0].ToUpperInvariant()).Distinct().Count(),
            store.LoadClassifications("exclusions_stable_wrapped").Count);
        Assert.Equal(NaiveRows(RealData.File("crypto", "cmc_monthly_top200_snapshots.csv")).Count, store.LoadRankings("cmc_monthly_top200_snapshots").Count);
    }
}
