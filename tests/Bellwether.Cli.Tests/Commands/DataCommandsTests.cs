using Xunit;

namespace Bellwether.Cli.Tests.Commands;

public class DataCommandsTests
{
    [Fact]
    public void Status_json_lists_instruments()
    {
        var r = CliRun.OnRealData("data", "status", "--json");
        Assert.Equal(0, r.ExitCode);
        var rut = r.Json.GetProperty("instruments").EnumerateArray().Single(i => i.GetProperty("id").GetString() == "RUT");
        Assert.Equal("EquityIndex", rut.GetProperty("class").GetString());
    }

    [Fact]
    public void Show_reads_back_a_spot_value()
    {
        var r = CliRun.OnRealData("data", "show", "RUT", "--from", "2021-11-08", "--to", "2021-11-08", "--json");
        Assert.Equal(0, r.ExitCode);
        var row = Assert.Single(r.Json.GetProperty("rows").EnumerateArray());
        Assert.Equal(2442.74, Math.Round(row.GetProperty("close").GetDouble(), 2));
    }

    [Fact]
    public void Bad_date_is_a_usage_error()
    {
        var r = CliRun.OnRealData("data", "show", "RUT", "--from", "08/11/2021");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--from", r.Stderr);
    }
}
