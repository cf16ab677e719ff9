using System.Text.Json;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

public class DivergenceCommandTests
{
    [Fact]
    public void Json_matches_pandas()
    {
        var r = CliRun.OnRealData("divergence", "--index", "RUT", "--crypto", "BTC", "--as-of", "2025-12-15", "--json");
        Assert.Equal(0, r.ExitCode);
        var reference = JsonDocument.Parse(Reference.Run("divergence.py", RealData.File("markets", "rut_daily.csv"),
            RealData.File("crypto", "daily", "BTC.csv"), "0.05", "0.2", "2025-12-15")).RootElement;
        var json = r.Json;
        Assert.Equal(reference.GetProperty("index").EnumerateArray().Last().GetDouble(), json.GetProperty("index_drawdown").GetDouble(), 1e-12);
        Assert.Equal(reference.GetProperty("crypto").EnumerateArray().Last().GetDouble(), json.GetProperty("crypto_drawdown").GetDouble(), 1e-12);
        Assert.Equal(reference.GetProperty("active").EnumerateArray().Last().GetBoolean(), json.GetProperty("active").GetBoolean());
        Assert.Equal(reference.GetProperty("episodes").GetArrayLength(), json.GetProperty("episodes").GetArrayLength());
    }

    [Fact]
    public void Threshold_out_of_range_is_a_usage_error()
    {
        Assert.Equal(2, CliRun.OnRealData("divergence", "--near", "5").ExitCode);
        Assert.Equal(2, CliRun.OnRealData("divergence", "--near-high-pct", "100").ExitCode);
        Assert.Equal(2, CliRun.OnRealData("divergence", "--near-high-pct", "5", "--near", "0.05").ExitCode);
    }

    [Fact]
    public void Thresholds_in_percent_as_the_signal_reads_them_equal_the_older_fractions()
    {
        string[] common = ["divergence", "--as-of", "2025-12-15", "--json"];
        var percent = CliRun.OnRealData([.. common, "--near-high-pct", "3", "--deep-drawdown-pct", "25"]);
        var fraction = CliRun.OnRealData([.. common, "--near", "0.03", "--deep", "0.25"]);
        Assert.Equal(0, percent.ExitCode);
        Assert.Equal(fraction.Stdout, percent.Stdout);
        Assert.Equal(0.03, percent.Json.GetProperty("near_high").GetDouble(), 12);
        Assert.NotEqual(CliRun.OnRealData(common).Stdout, percent.Stdout);
    }
}
