using System.Text.Json;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

public class CorrMatrixCommandTests
{
    [Fact]
    public void Ranks_every_crypto_instrument_with_enough_overlap()
    {
        var r = CliRun.OnRealData("corr-matrix", "RUT", "--universe", "crypto", "--since", "2024-01-01", "--min-overlap", "250", "--json");
        Assert.Equal(0, r.ExitCode);
        var rows = r.Json.GetProperty("rows").EnumerateArray().ToList();
        var skipped = r.Json.GetProperty("skipped").EnumerateArray().ToList();
        Assert.True(rows.Count > 50, $"only {rows.Count} ranked");
        Assert.NotEmpty(skipped);
        Assert.All(skipped, s => Assert.True(s.GetProperty("n").GetInt32() < 250));
        Assert.All(rows, row => Assert.True(row.GetProperty("n").GetInt32() >= 250));
        Assert.DoesNotContain(rows, row => row.GetProperty("id").GetString() == "RUT");
        var pearson = rows.Select(row => row.Number("pearson")).Where(double.IsFinite).ToList();
        Assert.Equal(pearson.OrderByDescending(p => p), pearson);
        Assert.Equal(Enumerable.Range(1, rows.Count), rows.Select(row => row.GetProperty("rank").GetInt32()));

        // Each member is its own pair: ETH's row is exactly `corr RUT ETH` over the same options, checked against scipy.
        var eth = rows.Single(row => row.GetProperty("id").GetString() == "ETH");
        var e = JsonDocument.Parse(Reference.Run("corr_reference.py", RealData.Folder, JsonSerializer.Serialize(new[]
        {
            new Dictionary<string, object?> { ["a"] = "markets/rut_daily.csv", ["b"] = "crypto/daily/ETH.csv", ["since"] = "2024-01-01", ["until"] = null, ["freq"] = "daily", ["on"] = "log-returns" },
        }))).RootElement[0];
        Assert.Equal(e.GetProperty("n").GetInt32(), eth.GetProperty("n").GetInt32());
        foreach (var field in new[] { "pearson", "spearman", "kendall", "ci95_low", "ci95_high" })
            Agreement.Close(e.Number(field), eth.Number(field), Agreement.Coefficient, field);
        Assert.Contains(rows, row => row.GetProperty("stable_or_wrapped").GetBoolean()); // stablecoins are marked, not hidden
    }

    [Fact]
    public void Min_overlap_below_two_is_a_usage_error() =>
        Assert.Equal(2, CliRun.OnRealData("corr-matrix", "RUT", "--min-overlap", "1", "--json").ExitCode);
}
