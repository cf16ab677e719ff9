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
    public void Bad_options_are_usage_errors(params string[] args)
    {
        var r = CliRun.OnRealData(["altseason", .. args, "--json"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
    }
}
