using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bellwether.Data.Import;
using Bellwether.Data.Store;
using Xunit;

namespace Bellwether.TestSupport;

/// <summary>
/// The real data folder named by <c>BELLWETHER_DATA</c>. Tests that need it call <see cref="Folder"/>, which skips
/// the test with a clear reason when the variable is not set (a user's clone). A relative path is taken from the
/// directory the test command ran in (the shell's <c>PWD</c>; the test process itself runs in its bin folder), else
/// from the repository root.
/// </summary>
public static class RealData
{
    private static readonly Lazy<string?> Root = new(() => Resolve(Environment.GetEnvironmentVariable("BELLWETHER_DATA")));

    /// <summary>The configured folder as an absolute path, or null when <c>BELLWETHER_DATA</c> is not set.</summary>
    public static string? Configured => Root.Value;

    private static string? Resolve(string? path)
    {
        if (string.IsNullOrWhiteSpace(path)) return null;
        if (Path.IsPathRooted(path)) return Path.GetFullPath(path);
        var fromShell = Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd ? Path.GetFullPath(path, pwd) : null;
        return fromShell is not null && Directory.Exists(fromShell) ? fromShell : Path.GetFullPath(path, Reference.RepoRoot);
    }

    /// <summary>The data folder; skips the calling test when <c>BELLWETHER_DATA</c> is unset, fails when it points nowhere.</summary>
    public static string Folder
    {
        get
        {
            var root = Root.Value;
            Assert.SkipWhen(root is null, "BELLWETHER_DATA is not set: this test needs the whole real data folder (CI sets it to ../shared/data)");
            return Existing(root!);
        }
    }

    internal static string Existing(string root) =>
        Directory.Exists(root) ? root : throw new InvalidOperationException($"BELLWETHER_DATA={root} does not exist");

    /// <summary>A path inside the data folder.</summary>
    public static string File(params string[] parts) => Path.Combine([Folder, .. parts]);

    /// <summary>The path of the store holding the whole data folder (imported on first use).</summary>
    public static string StorePath => ImportedStores.Of(Folder);

    /// <summary>
    /// A store holding the whole data folder (imported once per test process with <c>--skip-bad</c>), opened read-only.
    /// Dispose it after use.
    /// </summary>
    public static BellwetherStore OpenStore() => BellwetherStore.Open(StorePath, readOnly: true);
}

/// <summary>
/// The checked-in excerpt of the real data folder, <c>tests/fixtures/data</c>: real rows, cut to a few files and
/// years (tests/fixtures/README.md says which), so tests run on any clone.
/// </summary>
public static class Excerpt
{
    /// <summary>The excerpt's folder, laid out like the data folder.</summary>
    public static string Folder => Path.Combine(Reference.RepoRoot, "tests", "fixtures", "data");

    /// <summary>A path inside the excerpt.</summary>
    public static string File(params string[] parts) => Path.Combine([Folder, .. parts]);

    /// <summary>The file of the store holding the excerpt (imported on first use).</summary>
    public static string StorePath => ImportedStores.Of(Folder);

    /// <summary>A store holding the excerpt (imported on first use), opened read-only. Dispose it after use.</summary>
    public static BellwetherStore OpenStore() => BellwetherStore.Open(StorePath, readOnly: true);
}

/// <summary>
/// The data for tests whose checks hold on any folder laid out like the data folder: the real folder when
/// <c>BELLWETHER_DATA</c> is set, else the checked-in <see cref="Excerpt"/>.
/// </summary>
public static class TestData
{
    /// <summary>True when the tests read the excerpt (no <c>BELLWETHER_DATA</c>).</summary>
    public static bool IsExcerpt => RealData.Configured is null;

    /// <summary>The folder the tests read.</summary>
    public static string Folder => RealData.Configured is { } real ? RealData.Existing(real) : Excerpt.Folder;

    /// <summary>A path inside <see cref="Folder"/>.</summary>
    public static string File(params string[] parts) => Path.Combine([Folder, .. parts]);

    /// <summary>The path of the store holding <see cref="Folder"/> (imported on first use).</summary>
    public static string StorePath => ImportedStores.Of(Folder);

    /// <summary>A store holding <see cref="Folder"/>, opened read-only. Dispose it after use.</summary>
    public static BellwetherStore OpenStore() => BellwetherStore.Open(StorePath, readOnly: true);
}

/// <summary>One store per data folder and test process, imported with <c>--skip-bad</c> on first use.</summary>
internal static class ImportedStores
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Stores = new(StringComparer.Ordinal);

    public static string Of(string folder) => Stores.GetOrAdd(folder, f => new Lazy<string>(() => Import(f))).Value;

    private static string Import(string folder)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bellwether-test-{Environment.ProcessId}-{Guid.NewGuid():N}.duckdb");
        var parsed = Importers.ReadAll(Importers.ExpandPaths([folder], []), new ImportOptions(SkipBad: true));
        using var store = BellwetherStore.Open(path);
        store.Import(parsed, DateTimeOffset.UnixEpoch);
        return path;
    }
}

/// <summary>
/// Runs the pandas/numpy reference scripts under <c>tests/reference</c> with the Python named by
/// <c>BELLWETHER_PYTHON</c>, else the first <c>python3</c> on PATH that imports pandas, scipy and statsmodels
/// (a version manager's shim may come first on PATH without them).
/// On the <see cref="Excerpt"/> the scripts' results are stored under <c>tests/fixtures/reference</c> and read from
/// there, so the comparisons run without Python; <c>BELLWETHER_REFERENCE=record</c> runs the scripts and (re)writes
/// them, and <c>StoredReferenceResultsTests</c> checks they are still what the scripts print.
/// </summary>
public static class Reference
{
    private const string Modules = "pandas, scipy, statsmodels";

    private static readonly Lazy<string?> Python = new(() =>
    {
        if (Environment.GetEnvironmentVariable("BELLWETHER_PYTHON") is { Length: > 0 } configured) return configured;
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return folders.Select(f => Path.Combine(f, "python3")).Where(System.IO.File.Exists).FirstOrDefault(Imports);
    });

    private static bool Imports(string python)
    {
        var psi = new ProcessStartInfo(python, ["-c", $"import {Modules}"]) { RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(psi)!;
        _ = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0;
    }

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

    /// <summary>
    /// The output of <c>tests/reference/&lt;script&gt;</c> run with <paramref name="args"/>: its stored result when the
    /// arguments name the excerpt, else the script's stdout; fails the test on a non-zero exit.
    /// </summary>
    public static string Run(string script, params string[] args)
    {
        if (!args.Any(a => a.StartsWith(Excerpt.Folder, StringComparison.Ordinal))) return RunScript(script, args);
        var stored = StoredPath(script, args);
        if (Environment.GetEnvironmentVariable("BELLWETHER_REFERENCE") == "record")
        {
            var output = RunScript(script, args);
            Directory.CreateDirectory(Path.GetDirectoryName(stored)!);
            var record = new StoredResult(script, [.. args.Select(Portable)], JsonDocument.Parse(output).RootElement);
            System.IO.File.WriteAllText(stored, JsonSerializer.Serialize(record, Compact) + "\n");
            return output;
        }
        if (!System.IO.File.Exists(stored))
            Assert.Fail($"no stored result of {script} {string.Join(' ', args.Select(Portable))} on the excerpt: " +
                "run the test once with BELLWETHER_REFERENCE=record (needs Python with pandas) and check the file in");
        return Read(stored).Output.GetRawText();
    }

    /// <summary>A stored result: the script, its arguments (the excerpt folder written <c>{excerpt}</c>) and its output.</summary>
    public sealed record StoredResult(string Script, string[] Args, JsonElement Output);

    /// <summary>Where stored results live.</summary>
    public static string StoredFolder => Path.Combine(RepoRoot, "tests", "fixtures", "reference");

    /// <summary>Reads a stored result.</summary>
    public static StoredResult Read(string file) =>
        JsonSerializer.Deserialize<StoredResult>(System.IO.File.ReadAllText(file), Compact)!;

    /// <summary>The stored result's arguments with the excerpt folder put back.</summary>
    public static string[] Arguments(StoredResult stored) => [.. stored.Args.Select(a => a.Replace("{excerpt}", Excerpt.Folder, StringComparison.Ordinal))];

    private static readonly JsonSerializerOptions Compact = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static string Portable(string arg) => arg.Replace(Excerpt.Folder, "{excerpt}", StringComparison.Ordinal);

    private static string StoredPath(string script, string[] args)
    {
        var key = string.Join('\n', [script, .. args.Select(Portable)]);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12];
        return Path.Combine(StoredFolder, $"{Path.GetFileNameWithoutExtension(script)}-{hash}.json");
    }

    /// <summary>Runs the script itself and returns its stdout; fails the test on a non-zero exit.</summary>
    public static string RunScript(string script, params string[] args)
    {
        var python = Python.Value ?? throw new InvalidOperationException(
            $"no python3 on PATH imports {Modules} (apt-get install python3-pandas python3-scipy python3-statsmodels, or set BELLWETHER_PYTHON)");
        var psi = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(RepoRoot, "tests", "reference", script));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0) Assert.Fail($"{script} exited {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }

    /// <summary>True when a Python with the reference scripts' modules was found.</summary>
    public static bool PythonFound => Python.Value is not null;
}
