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
    }
}
