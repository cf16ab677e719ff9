using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Server.Tests;

/// <summary>Stores for the server tests, imported from the checked-in excerpt (tests/fixtures/data) by the CLI.</summary>
public static class TestStores
{
    private static readonly Lazy<string> Shared = new(() => Import(TestSupport.Excerpt.Folder, "shared"));

    /// <summary>The whole excerpt, imported once per test process; only read it.</summary>
    public static string ExcerptStore => Shared.Value;

    /// <summary>A new store of <paramref name="folder"/> in a temporary folder, for a test that changes it.</summary>
    public static string Import(string folder, string name)
    {
        var dir = Directory.CreateTempSubdirectory($"bellwether-serve-{name}-").FullName;
        var store = Path.Combine(dir, "store.duckdb");
        var run = Run("import", folder, "--skip-bad", "--store", store);
        Assert.True(run.ExitCode == 0, run.Stderr);
        return store;
    }

    /// <summary>
    /// A copy of the excerpt without the rows of its last day (<paramref name="last"/>), so importing the whole
    /// excerpt afterwards adds one day.
    /// </summary>
    public static string ExcerptWithout(string last)
    {
        var copy = Directory.CreateTempSubdirectory("bellwether-serve-cut-").FullName;
        foreach (var file in Directory.EnumerateFiles(TestSupport.Excerpt.Folder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(TestSupport.Excerpt.Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var lines = File.ReadAllLines(file).Where(l => !l.StartsWith(last + ",", StringComparison.Ordinal));
            File.WriteAllLines(target, lines);
        }
        return copy;
    }

    public sealed record CliResult(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs the CLI in this process.</summary>
    public static CliResult Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Cli.Cli.Run(args, stdout, stderr);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}
