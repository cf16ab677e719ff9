using System.Diagnostics;
using Bellwether.Data.Import;
using Bellwether.Data.Store;
using Xunit;

namespace Bellwether.TestSupport;

/// <summary>
/// The real data folder named by <c>BELLWETHER_DATA</c>. Tests that need it call <see cref="Folder"/>, which skips
/// the test with a clear reason when the variable is not set (a user's clone).
/// </summary>
public static class RealData
{
    private static readonly Lazy<string?> Root = new(() =>
    {
        var path = Environment.GetEnvironmentVariable("BELLWETHER_DATA");
        return string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path);
    });

    /// <summary>The data folder; skips the calling test when <c>BELLWETHER_DATA</c> is unset, fails when it points nowhere.</summary>
    public static string Folder
    {
        get
        {
            var root = Root.Value;
            Assert.SkipWhen(root is null, "BELLWETHER_DATA is not set: real-data tests need the shared data folder (CI sets it to ../shared/data)");
            if (!Directory.Exists(root)) Assert.Fail($"BELLWETHER_DATA={root} does not exist");
            return root!;
        }
    }

    /// <summary>A path inside the data folder.</summary>
    public static string File(params string[] parts) => Path.Combine([Folder, .. parts]);

    private static readonly Lazy<string> SharedStore = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"bellwether-test-{Environment.ProcessId}-{Guid.NewGuid():N}.duckdb");
        var parsed = Importers.ReadAll(Importers.ExpandPaths([Folder], []), new ImportOptions(SkipBad: true));
        using var store = BellwetherStore.Open(path);
        store.Import(parsed, DateTimeOffset.UnixEpoch);
        return path;
    });

    /// <summary>The path of the store holding the whole data folder (imported on first use).</summary>
    public static string StorePath
    {
        get
        {
            _ = Folder;
            return SharedStore.Value;
        }
    }

    /// <summary>
    /// A store holding the whole data folder (imported once per test process with <c>--skip-bad</c>), opened read-only.
    /// Dispose it after use.
    /// </summary>
    public static BellwetherStore OpenStore()
    {
        _ = Folder;
        return BellwetherStore.Open(SharedStore.Value, readOnly: true);
    }
}

/// <summary>Runs the pandas/numpy reference scripts under <c>tests/reference</c> with Debian's <c>/usr/bin/python3</c>.</summary>
public static class Reference
{
    /// <summary>The repository root (the folder holding <c>Bellwether.sln</c>).</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "Bellwether.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    /// <summary>Runs <c>tests/reference/&lt;script&gt;</c> with arguments and returns its stdout; fails the test on a non-zero exit.</summary>
    public static string Run(string script, params string[] args)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(RepoRoot, "tests", "reference", script));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0) Assert.Fail($"{script} exited {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
