using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

/// <summary>
/// Tables as a terminal shows them: within the width (COLUMNS, the terminal's, else 80), no id, date or number split
/// across lines, no trailing spaces when piped. Golden files: tests/Bellwether.Cli.Tests/Golden.
/// </summary>
public sealed class TerminalLayoutTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-cli-layout-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);
    private string Store => Path.Combine(_dir, "store.duckdb");

    private static string Golden(string name) => Path.Combine(Reference.RepoRoot, "tests", "Bellwether.Cli.Tests", "Golden", name);

    /// <summary>Four instruments with the longest id of the shipped data and two sources each (the source column wraps).</summary>
    private void Fill()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "markets")).FullName;
        var days = Enumerable.Range(0, 30).Select(i => new DateOnly(2025, 1, 1).AddDays(i))
            .Where(d => d.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday).ToList();
        foreach (var name in new[] { "rut", "spy", "total_crypto_market_cap", "iwm" })
            File.WriteAllText(Path.Combine(folder, $"{name}_daily.csv"), "date,open,high,low,close,volume,source\n" + string.Concat(
                days.Select((d, i) => $"{d:yyyy-MM-dd},10,11,9,10.5,1000,{(i < 10 ? "someone/market-data@dc8444b" : "other/prices@30892cf")}\n")));
        Assert.Equal(0, CliRun.Invoke(Store, "import", folder).ExitCode);
    }

    private static string Run(int width, string store, params string[] args)
    {
        Output.WidthOverride.Value = width;
        try
        {
            var r = CliRun.Invoke(store, args);
            Assert.Equal(0, r.ExitCode);
            return r.Stdout;
        }
        finally
        {
            Output.WidthOverride.Value = null;
        }
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void Data_status_fits_the_width_and_matches_its_golden_output(int width)
    {
        Fill();
        var text = Run(width, Store, "data", "status");
        var lines = text.TrimEnd('\n').Split('\n');
        Assert.All(lines, l => Assert.True(l.Length <= width, $"{l.Length} > {width}: '{l}'"));
        Assert.All(lines, l => Assert.False(l.EndsWith(' '), $"trailing space: '{l}'"));
        // The table; the sentence after it names the store, whose path differs from machine to machine.
        var table = text[..text.IndexOf("4 instruments", StringComparison.Ordinal)];
        if (Environment.GetEnvironmentVariable("BELLWETHER_GOLDEN") == "regenerate") File.WriteAllText(Golden($"data-status-{width}.txt"), table);
        Assert.Equal(File.ReadAllText(Golden($"data-status-{width}.txt")), table);
    }

    [Fact]
    public void A_narrow_width_leaves_out_optional_columns_but_never_splits_an_id()
    {
        Fill();
        var text = Run(Output.MinWidth, Store, "data", "status");
        Assert.Contains("TOTAL_CRYPTO_MARKET_CAP", text);
        Assert.DoesNotContain("calendar", text);
    }
}
