using System.Text.Json;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

public class DrawdownCommandTests
{
    [Theory]
    [InlineData("2025-12-15", "close")]
    [InlineData("2025-12-31", "high")]
    [InlineData("2022-11-21", "close")]
    public void Json_matches_pandas(string asOf, string by)
    {
        var r = CliRun.OnRealData("drawdown", "BTC", "--as-of", asOf, "--by", by, "--json");
        Assert.Equal(0, r.ExitCode);
        var reference = JsonDocument.Parse(Reference.Run("drawdown.py", RealData.File("crypto", "daily", "BTC.csv"), by, "-", asOf)).RootElement;
        var json = r.Json;
        Assert.Equal("BTC", json.GetProperty("id").GetString());
        Assert.Equal(asOf, json.GetProperty("as_of").GetString());
        Assert.Equal(by, json.GetProperty("by").GetString());
        var drawdowns = reference.GetProperty("drawdown").EnumerateArray().ToList();
        Assert.Equal(drawdowns[^1].GetDouble(), json.GetProperty("drawdown").GetDouble(), 1e-12);
        Assert.Equal(reference.GetProperty("max_drawdown").GetDouble(), json.GetProperty("max_drawdown").GetDouble(), 1e-12);
        Assert.Equal(reference.GetProperty("peak_date").EnumerateArray().Last().GetString(), json.GetProperty("peak_date").GetString());
        Assert.Equal(reference.GetProperty("peak").EnumerateArray().Last().GetDouble(), json.GetProperty("peak").GetDouble(), 1e-9);
        Assert.Equal(reference.GetProperty("days_since_peak").GetInt32(), json.GetProperty("days_since_peak").GetInt32());
        Assert.True(json.GetProperty("by_close").GetProperty("drawdown").GetDouble() >= json.GetProperty("by_high").GetProperty("drawdown").GetDouble());
    }

    [Fact]
    public void Close_is_the_latest_close_and_peak_close_the_close_on_the_peak_day()
    {
        var json = CliRun.OnRealData("drawdown", "RUT", "--as-of", "2022-06-16", "--json").Json;
        Assert.Equal(1649.84, Math.Round(json.GetProperty("close").GetDouble(), 2));
        Assert.Equal("2021-11-08", json.GetProperty("peak_date").GetString());
        Assert.Equal(2442.74, Math.Round(json.GetProperty("peak_close").GetDouble(), 2));
        Assert.Equal(1649.84 / 2442.74 - 1, json.GetProperty("drawdown").GetDouble(), 4);
    }

    [Fact]
    public void Human_output_says_how_far_below_the_peak()
    {
        var r = CliRun.OnRealData("drawdown", "BTC", "--as-of", "2025-12-15");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("below its peak close", r.Stdout);
    }

    [Fact]
    public void Bad_basis_is_a_usage_error_and_unknown_id_a_runtime_error()
    {
        Assert.Equal(2, CliRun.OnRealData("drawdown", "BTC", "--by", "open").ExitCode);
        Assert.Equal(2, CliRun.OnRealData("drawdown", "BTC", "--as-of", "2025-12-15", "--since", "2026-01-01").ExitCode);
        var r = CliRun.OnRealData("drawdown", "NOPE", "--json");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("NOPE", r.Stderr);
        Assert.Equal("", r.Stdout);
    }
}
