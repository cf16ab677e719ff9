using System.Diagnostics;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

/// <summary>A store write that fails at commit (a full disk) names its cause and stores nothing.</summary>
public sealed class StoreWriteFailureTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-cli-full-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Bars(int days) => "date,open,high,low,close,volume,source\n" + string.Concat(Enumerable.Range(0, days)
        .Select(i => new DateOnly(1960, 1, 4).AddDays(i)).Where(d => d.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday)
        .Select(d => $"{d:yyyy-MM-dd},10,11,9,10.5,100,test\n"));

    /// <summary>
    /// Runs the CLI in a child process whose files may not grow past 100 KiB (<c>ulimit -f</c>, the signal ignored
    /// so a write fails with "File too large" as on a full disk). The store file is already larger and is only read;
    /// DuckDB's log, written at commit, hits the limit. W^X double mapping is off: it needs a memory file of its own.
    /// </summary>
    private static (int ExitCode, string Stderr) RunLimited(params string[] args)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "bellwether.dll");
        var quoted = string.Join(' ', args.Prepend(cli).Select(a => "'" + a.Replace("'", "'\\''") + "'"));
        var start = new ProcessStartInfo("bash", ["-c", $"trap '' XFSZ; ulimit -f 100; exec dotnet {quoted}"])
        {
            RedirectStandardError = true, RedirectStandardOutput = true,
            Environment = { ["DOTNET_EnableWriteXorExecute"] = "0" },
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stderr.Result);
    }

    [Fact]
    public void A_commit_that_cannot_write_reports_the_write_error_not_the_rollback()
    {
        var store = Path.Combine(_dir, "store.duckdb");
        var first = Path.Combine(_dir, "aaa_daily.csv");
        File.WriteAllText(first, Bars(30));
        Assert.Equal(0, CliRun.Invoke(store, "import", first).ExitCode);
        Assert.True(new FileInfo(store).Length > 100 * 1024, "the store must already exceed the limit");
        var before = CliRun.Invoke(store, "data", "status", "--json").Stdout;

        var second = Path.Combine(_dir, "bbb_daily.csv");
        File.WriteAllText(second, Bars(20_000));
        var (code, stderr) = RunLimited("import", second, "--store", store);

        Assert.Equal(1, code);
        Assert.Contains("File too large", stderr);
        Assert.DoesNotContain("already been finished", stderr);
        Assert.Equal(before, CliRun.Invoke(store, "data", "status", "--json").Stdout);
    }
}
