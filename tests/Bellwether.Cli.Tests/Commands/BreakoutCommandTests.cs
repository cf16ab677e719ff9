using Bellwether.Core.Structure.Breakout;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

public class BreakoutCommandTests
{
    [Fact]
    public void Json_levels_and_events_are_the_core_analysis()
    {
        var r = CliRun.OnRealData("breakout", "RUT", "--as-of", "2025-12-31", "--json");
        Assert.Equal(0, r.ExitCode);
        DailyCore(out var expected);
        var levels = r.Json.GetProperty("levels").EnumerateArray().ToList();
        Assert.Equal(expected.Levels.Count, levels.Count);
        Assert.Equal("multi_year_high", levels[0].GetProperty("kind").GetString());
        Assert.Equal(2442.74, Math.Round(levels[0].GetProperty("price").GetDouble(), 2));
        foreach (var (json, level) in levels.Zip(expected.Levels))
        {
            Assert.Equal(level.Price, json.GetProperty("price").GetDouble());
            Assert.Equal(level.Touches, json.GetProperty("touches").GetInt32());
            Assert.Equal(level.Since.ToString("yyyy-MM-dd"), json.GetProperty("since").GetString());
            Assert.False(string.IsNullOrEmpty(json.GetProperty("state").GetString()));
        }
        var events = r.Json.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(expected.Events.Count, events.Count);
        Assert.Contains(events, e => e.GetProperty("type").GetString() == "breakout" && e.GetProperty("date").GetString()!.StartsWith("2025-")
                                     && Math.Round(e.GetProperty("level").GetDouble(), 2) == 2442.74 && e.GetProperty("close").GetDouble() > 2442.74);
    }

    /// <summary>
    /// SPY and QQQ closed 11.3% and 13.9% above their February 2025 highs on 2025-12-31: no level that far below is a
    /// retest, and a top that stood four months is a fresh all-time high, not long-term resistance.
    /// </summary>
    [Theory]
    [InlineData("SPY", "2025-07-02")]
    [InlineData("QQQ", "2025-06-26")]
    public void A_level_far_below_price_is_not_a_retest_and_a_young_top_is_an_all_time_high(string id, string cleared)
    {
        var r = CliRun.OnRealData("breakout", id, "--as-of", "2025-12-31", "--json");
        Assert.Equal(0, r.ExitCode);
        double close = r.Json.GetProperty("last_close").GetDouble();
        var levels = r.Json.GetProperty("levels").EnumerateArray().ToList();
        foreach (var level in levels.Where(l => l.GetProperty("state").GetString() == "retest"))
            Assert.True(close <= level.GetProperty("price").GetDouble() * 1.05, $"retest of {level} with the close at {close}");
        var high = levels[0];
        Assert.Equal(("multi_year_high", "all_time_high", cleared, "2025-02-19"),
            (high.GetProperty("kind").GetString(), high.GetProperty("state").GetString(), high.GetProperty("since").GetString(),
             high.GetProperty("first_touch").GetString()));
        Assert.InRange(close / high.GetProperty("price").GetDouble() - 1, 0.11, 0.14);

        var text = CliRun.OnRealData("breakout", id, "--as-of", "2025-12-31").Stdout;
        Assert.Contains("not a breakout above resistance", System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " "));
    }

    private static void DailyCore(out BreakoutReport report)
    {
        using var store = RealData.OpenStore();
        report = BreakoutAnalysis.AsOf(store.LoadSeries("RUT"), new DateOnly(2025, 12, 31), BreakoutAnalysisParameters.Default);
    }

    [Fact]
    public void As_of_uses_only_earlier_data()
    {
        var r = CliRun.OnRealData("breakout", "RUT", "--as-of", "2025-09-17", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.All(r.Json.GetProperty("events").EnumerateArray(), e => Assert.True(string.CompareOrdinal(e.GetProperty("date").GetString(), "2025-09-17") <= 0));
        var high = r.Json.GetProperty("levels")[0];
        Assert.Contains(high.GetProperty("state").GetString(), new[] { "below", "approaching", "testing" });
    }

    [Fact]
    public void Terminal_output_says_where_price_stands()
    {
        var r = CliRun.OnRealData("breakout", "RUT", "--as-of", "2020-12-31");
        Assert.Equal(0, r.ExitCode);
        var text = System.Text.RegularExpressions.Regex.Replace(r.Stdout, @"\s+", " ");
        Assert.Contains("prior 5-year high 1,740.75 (2018-08-31) is confirmed since 2020-11-18", text);
    }

    [Theory]
    [InlineData("--lookback-years", "0")]
    [InlineData("--buffer-pct", "-1")]
    [InlineData("--as-of", "1900-01-01")]
    public void Bad_options_are_usage_errors(string option, string value)
    {
        Assert.Equal(2, CliRun.OnRealData("breakout", "RUT", option, value).ExitCode);
    }

    [Fact]
    public void Unknown_instrument_is_a_runtime_error()
    {
        var r = CliRun.OnRealData("breakout", "NOPE", "--json");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Stdout);
    }
}
