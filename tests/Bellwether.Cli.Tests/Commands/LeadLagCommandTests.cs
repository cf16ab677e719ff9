using System.Text.Json;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

public class LeadLagCommandTests
{
    [Fact]
    public void Granger_tests_both_ways_match_statsmodels()
    {
        var r = CliRun.OnRealData("leadlag", "RUT", "BTC", "--since", "2024-01-01", "--max-lag", "3", "--json");
        Assert.Equal(0, r.ExitCode);
        var j = r.Json;
        var e = JsonDocument.Parse(Reference.Run("leadlag_reference.py", RealData.Folder, "markets/rut_daily.csv", "crypto/daily/BTC.csv",
            "2024-01-01", "-", "daily", "log-returns", "3")).RootElement;
        Assert.Equal(e.GetProperty("order").GetInt32(), j.GetProperty("lag_selection").GetProperty("order").GetInt32());
        int lag = j.GetProperty("granger_lag").GetInt32();
        foreach (var (field, reference) in new[] { ("a_to_b", "a_to_b"), ("b_to_a", "b_to_a") })
        {
            var test = j.GetProperty(field);
            var expected = e.GetProperty(reference).GetProperty(lag.ToString());
            Agreement.Close(expected.Number("f"), test.Number("f"), Agreement.TestStatistic, field + " F");
            Agreement.Close(expected.Number("p_value"), test.Number("p_value"), Agreement.TestStatistic, field + " p");
            Assert.Equal((int)expected.Number("df_den"), test.GetProperty("df_den").GetInt32());
        }
        Assert.Equal("RUT", j.GetProperty("a_to_b").GetProperty("cause").GetString());
        Assert.Equal(7, j.GetProperty("cross_correlation").GetArrayLength());
        Agreement.Close(e.GetProperty("beta_b_on_a").Number("beta"), j.GetProperty("beta_b_on_a").Number("beta"), Agreement.Coefficient, "beta");
        Agreement.Close(e.GetProperty("beta_b_on_a").Number("beta_se"), j.GetProperty("beta_b_on_a").Number("beta_se"), Agreement.TestStatistic, "beta se");
    }

    [Theory]
    [InlineData("--on", "levels")]
    [InlineData("--max-lag", "0")]
    [InlineData("--max-lag", "1000")]
    public void Bad_options_are_usage_errors(params string[] options) =>
        Assert.Equal(2, CliRun.OnRealData(["leadlag", "RUT", "ETH", "--since", "2024-01-01", .. options, "--json"]).ExitCode);

    [Fact]
    public void Terminal_output_names_the_tests()
    {
        var r = CliRun.OnRealData("leadlag", "RUT", "ETH", "--since", "2024-01-01", "--freq", "weekly", "--max-lag", "2");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("RUT → ETH", r.Stdout);
        Assert.Contains("AIC", r.Stdout);
    }
}
