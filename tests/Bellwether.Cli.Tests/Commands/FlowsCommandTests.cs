using System.Text.Json;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

public class FlowsCommandTests
{
    [Theory]
    [InlineData("2025-12-15", 20)]
    [InlineData("2025-08-29", 10)]
    public void Json_matches_pandas(string asOf, int window)
    {
        // The statistics against pandas on rows cut by date; a flow day is public the next session (docs/release-lags.md).
        var r = CliRun.OnRealData("flows", "--as-of", asOf, "--window", window.ToString(), "--json", "--ignore-release-lags");
        Assert.Equal(0, r.ExitCode);
        var reference = JsonDocument.Parse(Reference.Run("etf_flows.py", RealData.File("flows", "eth_spot_etf_flows_daily.csv"),
            RealData.File("flows", "btc_spot_etf_flows_daily.csv"), asOf, window.ToString())).RootElement;
        var tables = r.Json.GetProperty("tables").EnumerateArray().ToList();
        foreach (var (table, side) in new[] { (tables[0], "into"), (tables[1], "out_of") })
        {
            var expected = reference.GetProperty(side);
            Assert.Equal(expected.GetProperty("dates").EnumerateArray().Last().GetString(), table.GetProperty("date").GetString());
            Assert.Equal(expected.GetProperty("sum5").EnumerateArray().Last().GetDouble(), table.GetProperty("sum_5d").GetDouble(), 1e-9);
            Assert.Equal(expected.GetProperty("sum20").EnumerateArray().Last().GetDouble(), table.GetProperty("sum_20d").GetDouble(), 1e-9);
            Assert.Equal(expected.GetProperty("cum").EnumerateArray().Last().GetDouble(), table.GetProperty("cumulative").GetDouble(), 1e-8);
            var streak = expected.GetProperty("streak").EnumerateArray().Last().GetInt32();
            Assert.Equal(Math.Abs(streak), table.GetProperty("streak").GetProperty("days").GetInt32());
            // pandas excludes holiday rows of zeros from the raw file; the importer already left them out of the store.
            Assert.Equal(0, table.GetProperty("excluded").GetArrayLength());
        }
        var rotation = r.Json.GetProperty("rotation");
        var rot = reference.GetProperty("rotation");
        Assert.Equal(rot.GetProperty("days").GetInt32(), rotation.GetProperty("days").GetInt32());
        Assert.Equal(rot.GetProperty("into_sum").GetDouble(), rotation.GetProperty("into_sum").GetDouble(), 1e-9);
        Assert.Equal(rot.GetProperty("out_sum").GetDouble(), rotation.GetProperty("out_of_sum").GetDouble(), 1e-9);
        Assert.Equal(rot.GetProperty("rotation_days").GetInt32(), rotation.GetProperty("rotation_days").GetInt32());
    }

    [Fact]
    public void Funds_before_launch_are_reported_as_not_launched()
    {
        var json = CliRun.OnRealData("flows", "--as-of", "2024-03-01", "--json").Json;
        var btc = json.GetProperty("tables")[1];
        var grayscaleMini = btc.GetProperty("funds").EnumerateArray().Single(f => f.GetProperty("fund").GetString() == "BTC");
        Assert.Equal(JsonValueKind.Null, grayscaleMini.GetProperty("launched").ValueKind); // its first flow came in July 2024
    }

    [Fact]
    public void Zero_window_is_a_usage_error()
    {
        Assert.Equal(2, CliRun.OnRealData("flows", "--window", "0").ExitCode);
        Assert.Equal(0, CliRun.OnRealData("flows", "--as-of", "2025-12-15").ExitCode);
    }
}
