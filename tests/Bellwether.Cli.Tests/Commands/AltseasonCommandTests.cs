using System.Text.Json;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

public class AltseasonCommandTests
{
    private static JsonElement ReferenceFor(string from, string to, int top, int window, string? detail = null) =>
        JsonDocument.Parse(Reference.Run("altseason.py", [RealData.Folder, "--windows", $"{window}", "--tops", $"{top}", "--from", from, "--to", to,
            .. detail is null ? Array.Empty<string>() : ["--detail", detail]])).RootElement;

    private static string[] Symbols(JsonElement array, string field = "symbol") =>
        array.EnumerateArray().Select(e => field.Length == 0 ? e.GetString()! : e.GetProperty(field).GetString()!).ToArray();

    [Fact]
    public void As_of_json_reports_index_coins_and_reasons_matching_pandas()
    {
        var r = CliRun.OnRealData("altseason", "--as-of", "2025-12-15", "--top", "50", "--window", "90", "--json");
        Assert.Equal(0, r.ExitCode);
        var j = r.Json;
        var expected = ReferenceFor("2025-12-15", "2025-12-15", 50, 90, "2025-12-15");
        var want = expected.GetProperty("detail").GetProperty("50/90").GetProperty("2025-12-15");
        Assert.Equal(Symbols(want.GetProperty("eligible"), ""), Symbols(j.GetProperty("coins")));
        Assert.Equal(Symbols(want.GetProperty("outperformers"), "").Order(), Symbols(j.GetProperty("outperformers")).Order());
        Assert.Equal(expected.GetProperty("50/90").GetProperty("index")[0].GetDouble(), j.GetProperty("index").GetDouble());
        Assert.Equal(j.GetProperty("coins").GetArrayLength(), j.GetProperty("eligible").GetInt32());
        Assert.Equal(100.0 * j.GetProperty("outperformer_count").GetInt32() / j.GetProperty("eligible").GetInt32(), j.GetProperty("index").GetDouble());
        var returns = j.GetProperty("outperformers").EnumerateArray().Select(o => o.GetProperty("return").GetDouble()).ToArray();
        Assert.Equal(returns.OrderDescending(), returns);
        Assert.All(returns, x => Assert.True(x > j.GetProperty("bitcoin_return").GetDouble()));
        string season = j.GetProperty("season").GetString()!;
        double index = j.GetProperty("index").GetDouble();
        Assert.Equal(index >= 75 ? "altcoin_season" : index <= 25 ? "bitcoin_season" : "neutral", season);
        var skipped = j.GetProperty("skipped").EnumerateArray().ToList();
        Assert.Contains(skipped, s => s.GetProperty("symbol").GetString() == "BTC" && s.GetProperty("reason").GetString() == "benchmark");
        Assert.All(skipped, s => Assert.False(string.IsNullOrEmpty(s.GetProperty("reason").GetString())));
        Assert.Equal("2025-12-15", j.GetProperty("eth_btc").GetProperty("date").GetString());
    }

    [Fact]
    public void Range_returns_a_daily_history_matching_pandas_and_the_as_of_reading()
    {
        var r = CliRun.OnRealData("altseason", "--from", "2023-11-01", "--to", "2024-02-29", "--top", "100", "--window", "30", "--json");
        Assert.Equal(0, r.ExitCode);
        var history = r.Json.GetProperty("history").EnumerateArray().ToList();
        var expected = ReferenceFor("2023-11-01", "2024-02-29", 100, 30).GetProperty("100/30");
        Assert.Equal(Symbols(expected.GetProperty("dates"), ""), history.Select(h => h.GetProperty("date").GetString()!));
        Assert.Equal(expected.GetProperty("eligible").EnumerateArray().Select(e => e.GetInt32()), history.Select(h => h.GetProperty("eligible").GetInt32()));
        Assert.Equal(expected.GetProperty("index").EnumerateArray().Select(e => e.GetDouble()), history.Select(h => h.GetProperty("index").GetDouble()));
        // Without --as-of the reading is at --to, and a single date agrees with the history.
        Assert.Equal("2024-02-29", r.Json.GetProperty("as_of").GetString());
        var single = CliRun.OnRealData("altseason", "--as-of", "2024-01-15", "--top", "100", "--window", "30", "--json").Json;
        var day = history.Single(h => h.GetProperty("date").GetString() == "2024-01-15");
        Assert.Equal(day.GetProperty("index").GetDouble(), single.GetProperty("index").GetDouble());
        Assert.Equal(day.GetProperty("eligible").GetInt32(), single.GetProperty("eligible").GetInt32());
    }

    [Fact]
    public void Terminal_output_says_what_the_index_means()
    {
        var r = CliRun.OnRealData("altseason", "--as-of", "2025-12-15");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Altcoin Season Index (top 50, 90 days) on 2025-12-15", r.Stdout);
        Assert.Contains("Ranking in force", r.Stdout);
    }

    [Fact]
    public void Before_any_ranking_the_index_is_undefined_not_an_error()
    {
        var r = CliRun.OnRealData("altseason", "--as-of", "2016-06-01", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(JsonValueKind.Null, r.Json.GetProperty("index").ValueKind);
        Assert.Equal("no_ranking", r.Json.GetProperty("status").GetString());
        Assert.Equal("undefined", r.Json.GetProperty("season").GetString());
    }

    [Theory]
    [InlineData("--window", "0")]
    [InlineData("--top", "-1")]
    [InlineData("--from", "2025-02-01", "--to", "2025-01-01")]
    [InlineData("--alias", "POL")]
    [InlineData("--rankings", "no_such_list")]
    [InlineData("--as-of", "15/12/2025")]
    [InlineData("--ranking-mode", "newest")]
    [InlineData("--min-coverage", "1.5")]
    [InlineData("--max-ranking-age", "-1")]
    public void Bad_options_are_usage_errors(params string[] args)
    {
        var r = CliRun.OnRealData(["altseason", .. args, "--json"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void Coverage_and_status_say_how_much_the_reading_rests_on()
    {
        // K = 100 in 2023: the mid-cap gap leaves far fewer than 80 of 100 coins with both closes.
        var r = CliRun.OnRealData("altseason", "--as-of", "2023-06-15", "--top", "100", "--json").Json;
        var coverage = r.GetProperty("coverage");
        Assert.Equal("partial", r.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Number, r.GetProperty("index").ValueKind); // the value stays, its status says what it rests on
        Assert.Equal(r.GetProperty("eligible").GetInt32() / 100.0, coverage.GetProperty("share").GetDouble(), 12);
        Assert.True(coverage.GetProperty("share").GetDouble() < coverage.GetProperty("min_share").GetDouble());
        Assert.Equal(14, coverage.GetProperty("ranking_age_days").GetInt32()); // the CMC list of 2023-06-01
        // Monthly rankings only, as of 2025-12-31 in priority mode: the CMC list of 2025-10-01 is 91 days old.
        var stale = CliRun.OnRealData("altseason", "--as-of", "2025-12-31", "--ranking-mode", "priority", "--json").Json;
        Assert.Equal("stale_ranking", stale.GetProperty("status").GetString());
        Assert.Equal(91, stale.GetProperty("coverage").GetProperty("ranking_age_days").GetInt32());
        var text = CliRun.OnRealData("altseason", "--as-of", "2025-12-31", "--ranking-mode", "priority").Stdout;
        Assert.Contains("stale_ranking", text);
        Assert.Contains("a board does not count this reading", text);
    }

    [Fact]
    public void Published_readings_appear_beside_the_computed_index_with_their_difference()
    {
        using var folder = new TempStore();
        var store = folder.CopyOfRealData();
        var fixtures = Path.Combine(Reference.RepoRoot, "tests", "fixtures", "altseason");
        Assert.Equal(0, CliRun.Invoke(store, "import", fixtures).ExitCode);
        var r = CliRun.Invoke(store, "altseason", "--top", "100", "--from", "2025-12-01", "--to", "2025-12-31", "--json").Json;
        var published = r.GetProperty("published").EnumerateArray().ToList();
        Assert.Equal(["2025-12-07", "2025-12-17", "2025-12-18", "2025-12-21", "2025-12-22", "2025-12-24", "2025-12-25", "2025-12-30", "2025-12-31"],
            published.Select(p => p.GetProperty("date").GetString()!));
        var history = r.GetProperty("history").EnumerateArray().ToDictionary(h => h.GetProperty("date").GetString()!);
        foreach (var p in published)
        {
            var day = history[p.GetProperty("date").GetString()!];
            Assert.Equal(day.GetProperty("index").GetDouble(), p.GetProperty("computed").GetDouble());
            Assert.Equal(p.GetProperty("computed").GetDouble() - p.GetProperty("value").GetDouble(), p.GetProperty("difference").GetDouble(), 12);
        }
        // The daily CoinGecko list of 2025-12-07 is in force on its date.
        Assert.Equal(0, published[0].GetProperty("ranking_age_days").GetInt32());
        var all = r.GetProperty("published_summary").GetProperty("all");
        var differences = published.Select(p => p.GetProperty("difference").GetDouble()).ToArray();
        Assert.Equal(9, all.GetProperty("count").GetInt32());
        Assert.Equal(differences.Average(Math.Abs), all.GetProperty("mean_absolute_error").GetDouble(), 12);
        Assert.Equal(differences.Average(), all.GetProperty("bias").GetDouble(), 12);
        Assert.Equal(differences.MaxBy(Math.Abs), all.GetProperty("largest_gap").GetProperty("difference").GetDouble());
        // A top-100 list cannot give 90 of 100 eligible altcoins: nothing is comparable under the acceptance's limits.
        Assert.Equal(JsonValueKind.Null, r.GetProperty("published_summary").GetProperty("comparable").ValueKind);
        var text = CliRun.Invoke(store, "altseason", "--top", "100", "--as-of", "2025-12-07").Stdout;
        Assert.Contains("CoinMarketCap", text);
        Assert.Contains("mean absolute error", text);
        // Published readings of another K and N are not set beside this one.
        Assert.Empty(CliRun.Invoke(store, "altseason", "--top", "50", "--as-of", "2025-12-07", "--json").Json.GetProperty("published").EnumerateArray());
    }
}

/// <summary>A temporary folder for stores a test changes; deleted on dispose.</summary>
public sealed class TempStore : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bellwether-cli-").FullName;

    /// <summary>A copy of the store holding the whole real data folder, to import more into.</summary>
    public string CopyOfRealData()
    {
        using (RealData.OpenStore()) { } // imports the folder once per test process, or skips without BELLWETHER_DATA
        var path = Path.Combine(_folder, "store.duckdb");
        File.Copy(RealData.StorePath, path);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_stale_bitcoin_dominance_is_said_stale_in_words_and_in_json_and_a_current_one_is_not()
    {
        var late = CliRun.OnRealData("altseason", "--as-of", "2025-12-15", "--json").Json;
        var last = late.GetProperty("btc_dominance").GetProperty("date").GetString()!;
        int age = new DateOnly(2025, 12, 15).DayNumber - DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture).DayNumber;
        Assert.True(age > 3, "the data's dominance series ends months before the year's end");
        Assert.True(late.GetProperty("btc_dominance").GetProperty("stale").GetBoolean());
        var sentence = $"stale: Bitcoin dominance's last value is {age} days before 2025-12-15, not a current reading";
        Assert.Contains(sentence, late.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        var text = CliRun.OnRealData("altseason", "--as-of", "2025-12-15").Stdout;
        Assert.Contains(string.Concat(sentence.Where(c => !char.IsWhiteSpace(c))), string.Concat(text.Where(c => !char.IsWhiteSpace(c))));

        var current = CliRun.OnRealData("altseason", "--as-of", last, "--json").Json;
        Assert.False(current.GetProperty("btc_dominance").GetProperty("stale").GetBoolean());
        Assert.DoesNotContain(current.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("dominance", StringComparison.Ordinal));
    }
}
