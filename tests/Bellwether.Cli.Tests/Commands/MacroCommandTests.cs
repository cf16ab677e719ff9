using System.Globalization;
using System.Text.Json;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

public class MacroCommandTests
{
    [Theory]
    [InlineData("2025-12-15")]
    [InlineData("2025-12-31")]
    [InlineData("2024-06-30")]
    public void Json_matches_pandas(string asOf)
    {
        // The statistics against pandas on rows cut by date; release lags have their own tests (As_of_reads_what_was_published).
        var r = CliRun.OnRealData("macro", "--as-of", asOf, "--weeks", "30", "--json", "--ignore-release-lags");
        Assert.Equal(0, r.ExitCode);
        var json = r.Json;
        var liquidity = JsonDocument.Parse(Reference.Run("net_liquidity.py", RealData.Folder, asOf)).RootElement;
        var net = json.GetProperty("net_liquidity");
        Assert.Equal(liquidity.GetProperty("weeks").EnumerateArray().Last().GetString(), net.GetProperty("date").GetString());
        Assert.Equal(liquidity.GetProperty("net").EnumerateArray().Last().GetDouble(), net.GetProperty("value").GetDouble(), 1e-9);
        Assert.Equal(liquidity.GetProperty("chg4").EnumerateArray().Last().GetDouble(), net.GetProperty("change_4w").GetDouble(), 1e-9);
        Assert.Equal(liquidity.GetProperty("chg13").EnumerateArray().Last().GetDouble(), net.GetProperty("change_13w").GetDouble(), 1e-9);
        var listed = net.GetProperty("weeks").EnumerateArray().Select(w => w.GetProperty("date").GetString()).ToList();
        Assert.Equal(liquidity.GetProperty("weeks").EnumerateArray().Select(w => w.GetString()).TakeLast(30), listed);
        Assert.Equal(liquidity.GetProperty("skipped").GetArrayLength(), net.GetProperty("skipped_total").GetInt32());

        var fed = json.GetProperty("fed");
        var reference = JsonDocument.Parse(Reference.Run("fed_path.py", RealData.File("macro", "DFF.csv"),
            fed.GetProperty("parameters").GetProperty("threshold").GetDouble().ToString(CultureInfo.InvariantCulture),
            fed.GetProperty("parameters").GetProperty("confirm_observations").GetInt32().ToString(CultureInfo.InvariantCulture),
            fed.GetProperty("parameters").GetProperty("baseline_observations").GetInt32().ToString(CultureInfo.InvariantCulture), asOf)).RootElement;
        var reading = reference.GetProperty("readings")[0];
        Assert.Equal(reading.GetProperty("last").GetProperty("date").GetString(), fed.GetProperty("last_change").GetProperty("date").GetString());
        var last = reading.GetProperty("last");
        Assert.Equal(last.GetProperty("after").GetDouble() - last.GetProperty("before").GetDouble(), fed.GetProperty("last_change").GetProperty("size").GetDouble(), 1e-12);
        Assert.Equal(reading.GetProperty("cuts6").GetInt32(), fed.GetProperty("cuts_6m").GetInt32());
        Assert.Equal(reading.GetProperty("hikes12").GetInt32(), fed.GetProperty("hikes_12m").GetInt32());
        Assert.Equal(reading.GetProperty("regime").GetString(), fed.GetProperty("regime").GetString());

        var m2 = json.GetProperty("m2");
        var month = DateOnly.Parse(m2.GetProperty("date").GetString()!);
        Assert.True(month.AddMonths(1).AddDays(-1) <= DateOnly.Parse(asOf), "only a complete month is known");
        int k = Array.IndexOf(liquidity.GetProperty("m2_dates").EnumerateArray().Select(e => e.GetString()).ToArray(), m2.GetProperty("date").GetString());
        Assert.Equal(liquidity.GetProperty("m2_yoy")[k].GetDouble(), m2.GetProperty("yoy").GetDouble(), 1e-12);
    }

    [Fact]
    public void Human_output_names_the_regime_and_the_liquidity_trend()
    {
        var r = CliRun.OnRealData("macro", "--as-of", "2025-12-15");
        Assert.Equal(0, r.ExitCode);
        var text = string.Join(' ', r.Stdout.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)); // the console wraps at 80 columns
        Assert.Contains("regime: easing", text);
        Assert.Matches(@"Net liquidity [\d,]+\.\d US\$ bn on \d{4}-\d\d-\d\d: [+−][\d,.]+ US\$ bn over 4 weeks", text);
    }

    [Fact]
    public void As_of_reads_what_was_published()
    {
        // Wednesday 2025-12-10: that day's H.4.1 level comes out on Thursday, so the latest week is 3 December; M2 for
        // November comes with the H.6 of 23 December, so October is the latest month.
        var json = CliRun.OnRealData("macro", "--as-of", "2025-12-10", "--json").Json;
        Assert.Equal("2025-12-03", json.GetProperty("net_liquidity").GetProperty("date").GetString());
        Assert.Contains("in 2025-10", CliRun.OnRealData("macro", "--as-of", "2025-12-10").Stdout);
        var ignored = CliRun.OnRealData("macro", "--as-of", "2025-12-10", "--json", "--ignore-release-lags").Json;
        Assert.Equal("2025-12-10", ignored.GetProperty("net_liquidity").GetProperty("date").GetString());
        Assert.Contains("in 2025-11", CliRun.OnRealData("macro", "--as-of", "2025-12-10", "--ignore-release-lags").Stdout);
    }

    [Fact]
    public void Negative_weeks_is_a_usage_error()
    {
        Assert.Equal(2, CliRun.OnRealData("macro", "--weeks", "-1").ExitCode);
    }
}
