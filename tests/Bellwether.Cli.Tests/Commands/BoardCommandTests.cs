using System.Text.Json;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

public class BoardCommandTests
{
    private static readonly string[] States = ["supports", "neutral", "against", "not_measurable"];

    [Fact]
    public void Small_cap_flows_count_once_a_shares_and_nav_file_holds_IWM_and_partial_indices_do_not()
    {
        using var temp = new TempStore();
        var store = temp.CopyOfRealData();
        // Hand-made IWM shares outstanding on real IWM closes (tests/fixtures/README.md): 23 flow days to 2025-12-12.
        Assert.Equal(0, CliRun.Invoke(store, "import", Path.Combine(Reference.RepoRoot, "tests", "fixtures", "etf")).ExitCode);
        var byId = CliRun.Invoke(store, "board", "--as-of", "2025-12-12", "--json").Json.GetProperty("signals").EnumerateArray()
            .ToDictionary(s => s.GetProperty("id").GetString()!);
        var flows = byId["smallcap_etf_flows"];
        Assert.NotEqual("not_measurable", flows.GetProperty("state").GetString());
        Assert.Contains("IWM_ETF_FLOWS", flows.GetProperty("explanation").GetString());
        var rows = CliRun.Invoke(store, "data", "show", "IWM_ETF_FLOWS", "--json").Json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(23, rows.Count);
        Assert.Equal(["2025-12-01"], rows.Where(r => !r.GetProperty("derived").GetBoolean()).Select(r => r.GetProperty("date").GetString()));
        // As of 2023-06-15 the top-100 index rests on far fewer than 80 of 100 coins: shown in words, not counted.
        var k100 = CliRun.Invoke(store, "board", "--as-of", "2023-06-15", "--json").Json.GetProperty("signals").EnumerateArray()
            .Single(s => s.GetProperty("id").GetString() == "altseason_90d_k100");
        Assert.Equal("not_measurable", k100.GetProperty("state").GetString());
        Assert.EndsWith("partial", k100.GetProperty("explanation").GetString());
        Assert.Contains("of 100 coins", k100.GetProperty("explanation").GetString());
    }

    [Fact]
    public void Json_board_as_of_the_article_date()
    {
        var r = CliRun.OnRealData("board", "--as-of", "2025-12-15", "--json");
        Assert.Equal(0, r.ExitCode);
        var json = r.Json;
        Assert.Equal("2025-12-15", json.GetProperty("as_of").GetString());
        var signals = json.GetProperty("signals").EnumerateArray().ToList();
        Assert.True(signals.Count >= 15);
        foreach (var s in signals)
        {
            foreach (var key in new[] { "id", "state", "value", "since", "explanation", "label", "window", "stale", "inputs", "fields", "unit", "weight" })
                Assert.True(s.TryGetProperty(key, out _), $"{key} missing");
            Assert.Contains(s.GetProperty("state").GetString(), States);
            Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("explanation").GetString()));
        }
        var byId = signals.ToDictionary(s => s.GetProperty("id").GetString()!);
        Assert.StartsWith("not measurable: no flow table IWM_ETF_FLOWS", byId["smallcap_etf_flows"].GetProperty("explanation").GetString());
        Assert.Equal("not_measurable", byId["smallcap_etf_flows"].GetProperty("state").GetString());

        // Readiness is the weighted mean of the scores of the signals that count, recomputed from the breakdown.
        var parts = json.GetProperty("breakdown").EnumerateArray().Where(p => p.GetProperty("score").ValueKind == JsonValueKind.Number).ToList();
        double weight = parts.Sum(p => p.GetProperty("weight").GetDouble());
        double readiness = 100 * parts.Sum(p => p.GetProperty("weight").GetDouble() * p.GetProperty("score").GetDouble()) / weight;
        Assert.Equal(readiness, json.GetProperty("readiness").GetDouble(), 9);
        Assert.Equal(readiness, json.GetProperty("breakdown").EnumerateArray().Sum(p => p.GetProperty("contribution").GetDouble()), 9);
        foreach (var p in parts)
        {
            var state = byId[p.GetProperty("id").GetString()!].GetProperty("state").GetString();
            Assert.Equal(state switch { "supports" => 1.0, "neutral" => 0.5, _ => 0.0 }, p.GetProperty("score").GetDouble());
        }

        // The resistance signal reads the level `bellwether breakout` reports.
        var breakout = CliRun.OnRealData("breakout", "RUT", "--as-of", "2025-12-15", "--json").Json;
        var level = breakout.GetProperty("levels").EnumerateArray().First(l => l.GetProperty("kind").GetString() == "multi_year_high");
        var resistance = byId["rut_resistance"];
        Assert.Equal(level.GetProperty("price").GetDouble(), resistance.GetProperty("fields").GetProperty("level").GetDouble());
        Assert.Equal(level.GetProperty("state").GetString(), resistance.GetProperty("label").GetString());
        Assert.Equal(level.GetProperty("since").GetString(), resistance.GetProperty("since").GetString());
        Assert.Equal((breakout.GetProperty("last_close").GetDouble() / level.GetProperty("price").GetDouble() - 1) * 100, resistance.GetProperty("value").GetDouble(), 9);
    }

    [Fact]
    public void Default_as_of_is_the_latest_stored_date()
    {
        var json = CliRun.OnRealData("board", "--json").Json;
        var status = CliRun.OnRealData("data", "status", "--json").Json;
        var latest = status.GetProperty("instruments").EnumerateArray().Max(i => i.GetProperty("last").GetString());
        Assert.Equal(latest, json.GetProperty("as_of").GetString());
    }

    [Fact]
    public void Terminal_table_with_readiness()
    {
        var r = CliRun.OnRealData("board", "--as-of", "2025-12-15");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Russell 2000 vs its prior", r.Stdout);
        Assert.Contains("readiness", r.Stdout);
        Assert.Contains("of the weight counted", r.Stdout);
        Assert.Contains("not measurable", r.Stdout);
    }

    [Fact]
    public void The_example_thesis_runs()
    {
        var r = CliRun.OnRealData("board", "--thesis", Path.Combine(Reference.RepoRoot, "theses", "sp500-breakout-bitcoin.yaml"), "--as-of", "2025-12-15", "--json");
        Assert.Equal(0, r.ExitCode);
        var json = r.Json;
        Assert.Equal("S&P 500 breakout → Bitcoin", json.GetProperty("thesis").GetProperty("name").GetString());
        Assert.All(json.GetProperty("signals").EnumerateArray(), s => Assert.NotEqual("not_measurable", s.GetProperty("state").GetString()));
        Assert.True(json.GetProperty("readiness").GetDouble() is >= 0 and <= 100);
    }

    [Fact]
    public void Weekly_history()
    {
        var r = CliRun.OnRealData("board", "--history", "--from", "2025-01-01", "--to", "2025-03-31", "--json");
        Assert.Equal(0, r.ExitCode);
        var points = r.Json.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(13, points.Count);
        Assert.Equal("2025-01-03", points[0].GetProperty("date").GetString());
        Assert.All(points, p => Assert.Equal(DayOfWeek.Friday, DateOnly.Parse(p.GetProperty("date").GetString()!).DayOfWeek));
        var board = CliRun.OnRealData("board", "--as-of", points[5].GetProperty("date").GetString()!, "--json").Json;
        Assert.Equal(board.GetProperty("readiness").GetDouble(), points[5].GetProperty("readiness").GetDouble(), 12);
        Assert.Equal(board.GetProperty("signals")[0].GetProperty("state").GetString(), points[5].GetProperty("states").GetProperty("rut_resistance").GetString());
    }

    [Theory]
    [InlineData("daily", "2025-03-01", "2025-03-10", 10, "2025-03-01")]
    [InlineData("monthly", "2025-01-01", "2025-03-31", 3, "2025-01-31")]
    public void History_by_frequency_is_read_from_the_stream_and_equals_the_board(
        string frequency, string from, string to, int count, string first)
    {
        var r = CliRun.OnRealData("board", "--history", "--frequency", frequency, "--from", from, "--to", to, "--json");
        Assert.Equal(0, r.ExitCode);
        var points = r.Json.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(count, points.Count);
        Assert.Equal(first, points[0].GetProperty("date").GetString());
        var last = points[^1];
        var board = CliRun.OnRealData("board", "--as-of", last.GetProperty("date").GetString()!, "--json").Json;
        Assert.Equal(board.GetProperty("readiness").GetDouble(), last.GetProperty("readiness").GetDouble(), 12);
        foreach (var s in board.GetProperty("signals").EnumerateArray())
            Assert.Equal(s.GetProperty("state").GetString(), last.GetProperty("states").GetProperty(s.GetProperty("id").GetString()!).GetString());
    }

    [Fact]
    public void Frequency_without_history_is_a_usage_error() =>
        Assert.Equal(2, CliRun.OnRealData("board", "--frequency", "daily").ExitCode);

    [Fact]
    public void A_bad_thesis_file_is_a_usage_error_naming_file_and_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-thesis-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "name: bad\nsignals:\n  - id: a\n    kind: breakout\n    params: { instrument: RUT, lookback: 5 }\n");
        try
        {
            var r = CliRun.OnRealData("board", "--thesis", path);
            Assert.Equal(2, r.ExitCode);
            Assert.Contains($"{path}:3: signal 'a': kind 'breakout' has no parameter 'lookback'", r.Stderr);
            Assert.Equal("", r.Stdout);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--from", "2025-01-01")]
    [InlineData("--as-of", "2025-13-01")]
    public void Bad_options_are_usage_errors(string option, string value) =>
        Assert.Equal(2, CliRun.OnRealData("board", option, value).ExitCode);

    [Fact]
    public void A_missing_thesis_file_is_a_runtime_error() =>
        Assert.Equal(1, CliRun.OnRealData("board", "--thesis", "/nonexistent/thesis.yaml").ExitCode);
}
