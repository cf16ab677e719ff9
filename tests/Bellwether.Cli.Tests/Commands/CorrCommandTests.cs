using System.Text.Json;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

public class CorrCommandTests
{
    private static JsonElement Expected(string freq, string on, object? window = null) =>
        JsonDocument.Parse(Reference.Run("corr_reference.py", RealData.Folder, JsonSerializer.Serialize(new[]
        {
            new Dictionary<string, object?>
            {
                ["a"] = "markets/rut_daily.csv", ["b"] = "crypto/daily/ETH.csv", ["since"] = "2024-01-01", ["until"] = null,
                ["freq"] = freq, ["on"] = on, ["window"] = window,
            },
        }))).RootElement[0];

    [Fact]
    public void Json_carries_every_field_and_matches_scipy()
    {
        var r = CliRun.OnRealData("corr", "RUT", "ETH", "--since", "2024-01-01", "--freq", "weekly", "--on", "returns", "--json");
        Assert.Equal(0, r.ExitCode);
        var j = r.Json;
        var e = Expected("weekly", "returns");
        Assert.Equal("RUT", j.GetProperty("a").GetString());
        Assert.Equal("ETH", j.GetProperty("b").GetString());
        Assert.Equal(e.GetProperty("from").GetString(), j.GetProperty("from").GetString());
        Assert.Equal(e.GetProperty("to").GetString(), j.GetProperty("to").GetString());
        Assert.Equal(e.GetProperty("n").GetInt32(), j.GetProperty("n").GetInt32());
        foreach (var field in new[] { "pearson", "spearman", "kendall", "ci95_low", "ci95_high" })
            Agreement.Close(e.Number(field), j.Number(field), Agreement.Coefficient, field);
        Agreement.Close(e.Number("p_value"), j.Number("p_value"), Agreement.TestStatistic, "p_value");
        Assert.Equal("weekly", j.GetProperty("freq").GetString());
        Assert.Equal("returns", j.GetProperty("on").GetString());
        Assert.False(j.GetProperty("non_stationary").GetBoolean());
        Assert.Equal(JsonValueKind.Null, j.GetProperty("rolling").ValueKind);
    }

    [Fact]
    public void Window_adds_a_rolling_series_matching_pandas()
    {
        var r = CliRun.OnRealData("corr", "RUT", "ETH", "--since", "2024-01-01", "--window", "90", "--json");
        Assert.Equal(0, r.ExitCode);
        var rolling = r.Json.GetProperty("rolling").EnumerateArray().ToList();
        var expected = Expected("daily", "log-returns", 90).GetProperty("rolling").EnumerateArray().ToList();
        Assert.Equal(expected.Count, rolling.Count);
        for (int i = 0; i < rolling.Count; i++)
        {
            Assert.Equal(expected[i].GetProperty("date").GetString(), rolling[i].GetProperty("date").GetString());
            Agreement.Close(expected[i].Number("pearson"), rolling[i].Number("pearson"), Agreement.Coefficient, $"rolling[{i}]");
        }
        Assert.Equal(JsonValueKind.Array, r.Json.GetProperty("breakdowns").ValueKind);
    }

    [Fact]
    public void Levels_are_flagged_non_stationary()
    {
        var r = CliRun.OnRealData("corr", "RUT", "BTC", "--since", "2024-01-01", "--on", "levels", "--freq", "monthly", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.True(r.Json.GetProperty("non_stationary").GetBoolean());
        Assert.Equal("levels", r.Json.GetProperty("on").GetString());
    }

    [Fact]
    public void As_of_reads_nothing_after_the_date()
    {
        var asOf = CliRun.OnRealData("corr", "RUT", "ETH", "--since", "2024-01-01", "--as-of", "2024-06-30", "--json").Json;
        var until = CliRun.OnRealData("corr", "RUT", "ETH", "--since", "2024-01-01", "--until", "2024-06-30", "--json").Json;
        Assert.Equal("2024-06-28", asOf.GetProperty("to").GetString()); // the last shared trading day on or before it
        Assert.Equal(until.Number("pearson"), asOf.Number("pearson"));
        Assert.Equal("2024-06-30", asOf.GetProperty("as_of").GetString());
    }

    [Fact]
    public void Terminal_output_is_a_table_and_a_sentence()
    {
        var r = CliRun.OnRealData("corr", "RUT", "ETH", "--since", "2024-01-01", "--window", "90d");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Pearson", r.Stdout);
        Assert.Contains("RUT vs ETH, daily log returns", r.Stdout);
    }

    [Theory]
    [InlineData("--freq", "hourly")]
    [InlineData("--on", "prices")]
    [InlineData("--window", "0")]
    [InlineData("--window", "ninety")]
    [InlineData("--since", "2025-01-01", "--until", "2024-01-01")]
    [InlineData("--breakdown-fall", "0")]
    public void Bad_options_are_usage_errors(params string[] options)
    {
        var r = CliRun.OnRealData(["corr", "RUT", "ETH", .. options, "--json"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void Unknown_instrument_is_a_runtime_error()
    {
        var r = CliRun.OnRealData("corr", "RUT", "NOPE", "--json");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("NOPE", r.Stderr);
    }
}
