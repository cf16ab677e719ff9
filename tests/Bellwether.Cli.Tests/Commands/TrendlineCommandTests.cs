using Bellwether.Core.Series;
using Bellwether.Core.Structure.Trendlines;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

public class TrendlineCommandTests
{
    [Fact]
    public void Ratio_trendlines_are_the_core_lines()
    {
        var r = CliRun.OnRealData("trendline", "ETH/BTC", "--as-of", "2025-12-15", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("ETH/BTC", r.Json.GetProperty("series").GetString());
        using var store = RealData.OpenStore();
        var ratio = RatioSeries.Of(store.LoadSeries("ETH"), store.LoadSeries("BTC"));
        var expected = TrendlineFinder.AsOf(ratio, new DateOnly(2025, 12, 15), TrendlineSide.Resistance, new()).Dominant!;
        var line = r.Json.GetProperty("resistance").GetProperty("line");
        Assert.Equal(expected.FirstAnchor.Date.ToString("yyyy-MM-dd"), line.GetProperty("first_anchor").GetProperty("date").GetString());
        Assert.Equal(expected.Break!.Date.ToString("yyyy-MM-dd"), line.GetProperty("break").GetProperty("date").GetString());
        Assert.Equal(expected.SlopePctPerMonth, line.GetProperty("slope_pct_per_month").GetDouble());
        Assert.Equal(expected.Touches.Count, line.GetProperty("touches").GetArrayLength());
        Assert.True(r.Json.GetProperty("support").TryGetProperty("lines", out _));
    }

    [Fact]
    public void Terminal_output_names_the_dominant_lines()
    {
        var r = CliRun.OnRealData("trendline", "RUT", "--lookback-months", "12");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("resistance line", r.Stdout);
    }

    [Theory]
    [InlineData("ETH/")]
    [InlineData("ETH/BTC/SOL")]
    public void A_malformed_ratio_is_a_usage_error(string spec)
    {
        Assert.Equal(2, CliRun.OnRealData("trendline", spec).ExitCode);
    }
}
