using Bellwether.Core.Structure.RecordCloses;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

public class MonthlyCloseCommandTests
{
    [Fact]
    public void A_month_not_yet_ended_is_provisional()
    {
        var r = CliRun.OnRealData("monthly-close", "RUT", "--as-of", "2025-12-15", "--json");
        Assert.Equal(0, r.ExitCode);
        var latest = r.Json.GetProperty("latest");
        Assert.Equal("2025-12", latest.GetProperty("period").GetString());
        Assert.Equal("2025-12-15", latest.GetProperty("date").GetString());
        Assert.True(latest.GetProperty("provisional").GetBoolean());
    }

    [Fact]
    public void Records_are_the_core_records()
    {
        var r = CliRun.OnRealData("monthly-close", "RUT", "--as-of", "2025-12-31", "--json");
        Assert.Equal(0, r.ExitCode);
        using var store = RealData.OpenStore();
        var expected = PeriodCloses.AsOf(store.LoadSeries("RUT"), new DateOnly(2025, 12, 31), new()).Closes
            .Where(c => c.IsRecord).Select(c => c.PeriodStart.ToString("yyyy-MM")).ToList();
        Assert.Equal(expected, r.Json.GetProperty("records").EnumerateArray().Select(e => e.GetString()!).ToList());
        Assert.False(r.Json.GetProperty("latest").GetProperty("provisional").GetBoolean());
        Assert.Equal(r.Json.GetProperty("closes").GetArrayLength(), r.Json.GetProperty("closes").EnumerateArray().Select(c => c.GetProperty("period").GetString()).Distinct().Count());
    }

    [Fact]
    public void Weekly_closes_on_a_ratio_with_terminal_output()
    {
        var r = CliRun.OnRealData("monthly-close", "ETH/BTC", "--weekly", "--as-of", "2025-12-31");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("2026-W01", r.Stdout);
        Assert.Contains("provisional", r.Stdout);
    }

    [Fact]
    public void Bad_years_is_a_usage_error()
    {
        Assert.Equal(2, CliRun.OnRealData("monthly-close", "RUT", "--years", "0").ExitCode);
    }
}
