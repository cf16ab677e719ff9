using System.Globalization;
using System.Text.Json;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

public class BacktestCommandTests
{
    private static readonly Lazy<CliRun.Result> Weekly = new(() => CliRun.OnRealData("backtest", "--every", "7", "--threshold", "55", "--json"));

    [Fact]
    public void Json_strategies_equity_curves_and_metrics_match_pandas_on_the_same_readiness()
    {
        var r = Weekly.Value;
        Assert.Equal(0, r.ExitCode);
        var j = r.Json;
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, j.GetProperty("readiness").EnumerateArray().Select(p =>
                $"{p.GetProperty("date").GetString()},{(p.GetProperty("value").ValueKind == JsonValueKind.Null ? "" : p.GetProperty("value").GetDouble().ToString("R", CultureInfo.InvariantCulture))}"));
            var expected = JsonDocument.Parse(Reference.Run("backtest.py", RealData.Folder, file, j.GetProperty("from").GetString()!, j.GetProperty("to").GetString()!,
                j.GetProperty("split").GetString()!, "--threshold", "55")).RootElement;
            var strategies = j.GetProperty("strategies").EnumerateArray().ToList();
            Assert.Equal(["rotation", "btc", "eth", "basket", "btc_eth_50_50"], strategies.Select(s => s.GetProperty("id").GetString()));
            foreach (var s in strategies)
            {
                var e = expected.GetProperty(s.GetProperty("id").GetString()!);
                var curve = s.GetProperty("equity_curve").EnumerateArray().Select(p => p.GetProperty("equity").GetDouble()).ToArray();
                var returns = e.GetProperty("returns").EnumerateArray().Select(x => x.GetDouble()).ToArray();
                Assert.Equal(returns.Length, curve.Length);
                for (int i = 1; i < curve.Length; i++) Assert.Equal(returns[i], curve[i] / curve[i - 1] - 1, 1e-10);
                foreach (var part in new[] { "full", "in_sample", "out_of_sample" })
                    foreach (var metric in new[] { "cagr", "volatility", "sharpe", "sortino", "max_drawdown", "turnover", "time_in_market" })
                        Assert.Equal(e.GetProperty(part).GetProperty(metric).GetDouble(), s.GetProperty(part).GetProperty(metric).GetDouble(), 1e-8);
            }
        }
        finally
        {
            File.Delete(file);
        }
        var value = j.GetProperty("signal_value").EnumerateArray().ToList();
        Assert.Equal(["thesis", "without altseason signals"], value.Select(v => v.GetProperty("readiness").GetString()));
        Assert.All(value, v => Assert.InRange(v.GetProperty("precision_p_value").GetDouble(), 0, 1));
        Assert.Equal(JsonValueKind.Null, j.GetProperty("grid").ValueKind);
        Assert.Equal(7, j.GetProperty("parameters").GetProperty("readiness_every_days").GetInt32());
    }

    [Fact]
    public void Grid_has_200_points_and_names_the_in_sample_winner()
    {
        var r = CliRun.OnRealData("backtest", "--grid", "--every", "30", "--json");
        Assert.Equal(0, r.ExitCode);
        var grid = r.Json.GetProperty("grid");
        var points = grid.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(200, points.Count);
        double best = points.Max(p => p.GetProperty("in_sample").GetProperty("sharpe").GetDouble());
        Assert.Equal(best, grid.GetProperty("best_in_sample").GetProperty("in_sample").GetProperty("sharpe").GetDouble());
        Assert.InRange(grid.GetProperty("best_in_sample_out_of_sample_rank").GetInt32(), 1, 200);
        Assert.InRange(grid.GetProperty("sharpe_rank_correlation").GetDouble(), -1, 1);
        var variants = points[0].GetProperty("variants");
        Assert.True(variants.TryGetProperty("buffer_pct", out _) && variants.TryGetProperty("window_days", out _));
    }

    [Fact]
    public void Terminal_output_tables_the_strategies_and_says_who_won()
    {
        var r = CliRun.OnRealData("backtest", "--every", "30", "--fallback", "cash");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("50/50 Bitcoin–Ether", r.Stdout); // a name, not the id btc_eth_50_50
        Assert.Contains("Signal value", r.Stdout);
        Assert.Contains("Out of sample the rotation", r.Stdout);
    }

    [Theory]
    [InlineData("--threshold", "101")]
    [InlineData("--commission-bp", "-1")]
    [InlineData("--fallback", "gold")]
    [InlineData("--within", "0")]
    [InlineData("--every", "0")]
    [InlineData("--from", "2030-01-01")]
    public void Usage_errors_exit_2(string option, string value)
    {
        var r = CliRun.OnRealData("backtest", option, value, "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void A_split_outside_the_span_is_a_usage_error()
    {
        var r = CliRun.OnRealData("backtest", "--from", "2020-01-01", "--to", "2021-01-01", "--split", "2022-01-01", "--json");
        Assert.Equal(2, r.ExitCode);
    }
}
