using System.Text.RegularExpressions;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

/// <summary>
/// The real data folder with every coin file cut at <see cref="CoinsEnd"/> while equities, macro and flows run on:
/// the case where most of the thesis's inputs go stale and readiness would rest on a sliver of its weight.
/// </summary>
public sealed class CoinsEndEarlyFolder : IDisposable
{
    public const string CoinsEnd = "2025-03-31";
    public const string AsOf = "2025-09-30";

    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-coins-end-early-").FullName;
    private readonly Lazy<string> _store;

    public CoinsEndEarlyFolder() => _store = new(Build);

    /// <summary>A store holding the cut folder (built on first use; skips without BELLWETHER_DATA).</summary>
    public string Store => _store.Value;

    /// <summary>A temporary folder for a test's output files.</summary>
    public string Output => Directory.CreateDirectory(Path.Combine(_dir, "out")).FullName;

    private string Build()
    {
        var source = RealData.Folder;
        var folder = Path.Combine(_dir, "data");
        foreach (var part in new[] { "markets", "macro", "flows" })
            CopyTree(Path.Combine(source, part), Path.Combine(folder, part), cut: false);
        // Lists and rankings stay whole; daily coin rows end early. The CoinGecko copies carry coin prices too: left out.
        foreach (var file in Directory.EnumerateFiles(Path.Combine(source, "crypto"), "*.csv"))
            Copy(file, Path.Combine(folder, "crypto", Path.GetFileName(file)), cut: false);
        CopyTree(Path.Combine(source, "crypto", "daily"), Path.Combine(folder, "crypto", "daily"), cut: true);
        var store = Path.Combine(_dir, "store.duckdb");
        var imported = CliRun.Invoke(store, "import", folder, "--skip-bad");
        Assert.True(imported.ExitCode == 0, imported.Stderr);
        return store;
    }

    private static void CopyTree(string from, string to, bool cut)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*.csv")) Copy(file, Path.Combine(to, Path.GetFileName(file)), cut);
    }

    /// <summary>Copies a CSV file, keeping only rows dated on or before <see cref="CoinsEnd"/> when <paramref name="cut"/>.</summary>
    private static void Copy(string from, string to, bool cut)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        var lines = File.ReadLines(from);
        File.WriteAllLines(to, cut ? lines.Where((l, i) => i == 0 || string.CompareOrdinal(l[..Math.Min(10, l.Length)], CoinsEnd) <= 0) : lines);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

/// <summary>Readiness that rests on too little of the thesis is withheld in words, never printed as a number or NaN.</summary>
public sealed class CoinsEndEarlyTests(CoinsEndEarlyFolder folder) : IClassFixture<CoinsEndEarlyFolder>
{
    [Fact]
    public void The_board_withholds_readiness_and_says_why()
    {
        var r = CliRun.Invoke(folder.Store, "board", "--as-of", CoinsEndEarlyFolder.AsOf, "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("NaN", r.Stdout);
        var json = r.Json;
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("readiness").ValueKind);
        double counted = json.GetProperty("counted").GetDouble();
        Assert.InRange(counted, 0.01, 0.4999);
        Assert.Equal(0.5, json.GetProperty("min_measured").GetDouble());
        Assert.StartsWith($"insufficient support: {counted:0%} of the thesis's weight measured",
            json.GetProperty("readiness_withheld").GetString());
        // The coin-based signals are stale, shown and not counted.
        var altseason = json.GetProperty("signals").EnumerateArray().First(s => s.GetProperty("kind").GetString() == "altseason");
        Assert.True(altseason.GetProperty("stale").GetBoolean());

        var text = CliRun.Invoke(folder.Store, "board", "--as-of", CoinsEndEarlyFolder.AsOf);
        Assert.Contains("readiness withheld (insufficient support:", Regex.Replace(text.Stdout, @"\s+", " "));
        Assert.DoesNotContain("NaN", text.Stdout);
    }

    [Fact]
    public void The_report_says_insufficient_in_its_summary_as_chromium_renders_it()
    {
        var html = Path.Combine(folder.Output, "report.html");
        var r = CliRun.Invoke(folder.Store, "report", "--as-of", CoinsEndEarlyFolder.AsOf, "-o", html, "--markdown", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.DoesNotContain("NaN", r.Stdout);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, r.Json.GetProperty("readiness").ValueKind);
        // The inlined plotly.js library uses NaN in its own code; the page's text and chart data must not.
        var page = File.ReadAllText(html).Split("</head>")[1];
        Assert.DoesNotContain("NaN", page);
        Assert.DoesNotContain("NaN", File.ReadAllText(Path.ChangeExtension(html, ".md")));

        var dom = HeadlessChromium.Load(html).Dom;
        var summary = Regex.Match(dom, "<h2[^>]*>Summary</h2>(.*?)<h2", RegexOptions.Singleline).Groups[1].Value;
        var first = Regex.Match(summary, "<p[^>]*>(.*?)</p>", RegexOptions.Singleline).Groups[1].Value;
        // Dates and numbers sit in spans that keep them on one line on a phone; the sentence is the text without them.
        first = Regex.Replace(first, "<[^>]+>", "");
        Assert.Matches(
            $@"^As of {CoinsEndEarlyFolder.AsOf}, readiness is not reported: insufficient support: \d+% of the thesis's weight measured, below the 50% readiness needs",
            System.Net.WebUtility.HtmlDecode(first));
        Assert.DoesNotContain("/100", summary);
        // "For:" and "Against:" name only counted signals: never a stale altcoin-season reading.
        foreach (Match line in Regex.Matches(summary, "<p[^>]*>((?:For|Against): .*?)</p>", RegexOptions.Singleline))
            Assert.DoesNotContain("Altcoin Season", line.Groups[1].Value);
    }

    [Fact]
    public void The_study_says_with_dates_that_the_basket_rests_on_fewer_coins_than_asked()
    {
        var r = CliRun.Invoke(folder.Store, "study", "--as-of", CoinsEndEarlyFolder.AsOf, "--horizons", "30", "--resamples", "100", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var size = r.Json.GetProperty("basket_size");
        Assert.Equal(20, size.GetProperty("asked").GetInt32());
        // Every coin file ends on CoinsEnd: from the next day on, no move of the basket rests on any coin.
        var latest = size.GetProperty("shortfalls").EnumerateArray().Last();
        Assert.True(string.CompareOrdinal(latest.GetProperty("from").GetString(), "2025-04-01") <= 0);
        Assert.Equal(CoinsEndEarlyFolder.AsOf, latest.GetProperty("to").GetString());
        Assert.Equal(0, latest.GetProperty("fewest").GetInt32());
        Assert.Equal(0, size.GetProperty("by_month").EnumerateArray().Last().GetProperty("most").GetInt32());
        var warning = Assert.Single(r.Json.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!),
            w => w.StartsWith("the altcoin basket's daily move rested on fewer than the 20 coins asked", StringComparison.Ordinal));
        Assert.Contains($"{latest.GetProperty("from").GetString()} to {CoinsEndEarlyFolder.AsOf} (as few as 0)", warning);
    }
}
