using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

/// <summary>
/// Without <c>--as-of</c>, <c>board</c> and <c>report</c> take the latest date on which the thesis's own inputs are
/// current, never a later date of an instrument it does not read.
/// </summary>
public class BoardDefaultDateTests
{
    private const string Cut = "2025-09-30";

    /// <summary>
    /// A folder of real rows where the Russell 2000 and the coins end on <see cref="Cut"/> while SPY, IWM and QQQ, the
    /// macro series and the ETF flows run to the end of 2025: the equity ETFs run past the thesis's inputs.
    /// </summary>
    private static readonly Lazy<string> Store = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("bellwether-default-date-").FullName;
        void Copy(string relative, string? cut = null)
        {
            var target = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var lines = File.ReadAllLines(RealData.File(relative));
            // The first column is the date (yyyy-MM-dd sorts as text).
            File.WriteAllLines(target, cut is null ? lines : [lines[0], .. lines.Skip(1).Where(l => string.CompareOrdinal(l[..10], cut) <= 0)]);
        }
        foreach (var f in new[] { "spy_daily.csv", "iwm_daily.csv", "qqq_daily.csv" }) Copy(Path.Combine("markets", f));
        Copy(Path.Combine("markets", "rut_daily.csv"), Cut);
        foreach (var coin in new[] { "BTC", "ETH", "SOL", "XRP", "DOGE", "ADA", "LINK", "BNB", "TRX", "AVAX" })
            Copy(Path.Combine("crypto", "daily", coin + ".csv"), Cut);
        foreach (var f in Directory.GetFiles(RealData.File("macro"))) Copy(Path.Combine("macro", Path.GetFileName(f)));
        foreach (var f in Directory.GetFiles(RealData.File("flows"))) Copy(Path.Combine("flows", Path.GetFileName(f)));
        foreach (var f in new[] { "universe.csv", "exclusions_stable_wrapped.csv", "cmc_monthly_top200_snapshots.csv" }) Copy(Path.Combine("crypto", f));
        var store = Path.Combine(folder, "store.duckdb");
        var import = CliRun.Invoke(store, "import", folder, "--skip-bad");
        Assert.True(import.ExitCode == 0, import.Stderr);
        return store;
    });

    [Fact]
    public void Board_without_as_of_takes_the_thesis_date_and_says_why()
    {
        _ = RealData.Folder;
        var r = CliRun.Invoke(Store.Value, "board", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(Cut, r.Json.GetProperty("as_of").GetString());
        var why = r.Json.GetProperty("as_of_chosen");
        Assert.Contains("RUT", why.GetProperty("limited_by").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("2025-12-31", why.GetProperty("store_last_date").GetString());
        Assert.Contains("does not wait for", why.GetProperty("reason").GetString());
        // Every signal with data is measured on that date: no input is stale there (one without data is not measurable).
        Assert.DoesNotContain(r.Json.GetProperty("signals").EnumerateArray(),
            s => s.GetProperty("stale").GetBoolean() && s.GetProperty("state").GetString() != "not_measurable");

        var text = CliRun.Invoke(Store.Value, "board");
        Assert.Contains($"Date: {Cut}, no --as-of given", text.Stdout);
        // With a date, the board says nothing about choosing one.
        Assert.False(CliRun.Invoke(Store.Value, "board", "--as-of", Cut, "--json").Json.TryGetProperty("as_of_chosen", out _));
    }

    [Fact]
    public void Report_without_as_of_takes_the_thesis_date()
    {
        _ = RealData.Folder;
        var html = Path.Combine(Path.GetDirectoryName(Store.Value)!, "report.html");
        var r = CliRun.Invoke(Store.Value, "report", "-o", html, "--claims", "none", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(Cut, r.Json.GetProperty("as_of").GetString());
        Assert.Contains(r.Json.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith($"Report date {Cut} (no --as-of given)", StringComparison.Ordinal));
    }
}
