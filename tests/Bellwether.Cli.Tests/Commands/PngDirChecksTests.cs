using Xunit;

namespace Bellwether.Cli.Tests.Commands;

/// <summary>Tests that change the process's environment run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

/// <summary><c>report --png-dir</c> needs headless Chromium: without it the report stops before any work.</summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class PngDirChecksTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-cli-png-").FullName;
    private readonly string? _configured = Environment.GetEnvironmentVariable(Report.Chromium.Variable);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Report.Chromium.Variable, _configured);
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void Without_chromium_png_dir_fails_before_reading_the_store_and_names_the_variable_to_set()
    {
        var missing = Path.Combine(_dir, "no-such-chromium");
        Environment.SetEnvironmentVariable(Report.Chromium.Variable, missing);
        var html = Path.Combine(_dir, "report.html");

        // No store exists here: reaching it would fail with "run 'bellwether import' first" instead.
        var r = CliRun.Invoke(Path.Combine(_dir, "store.duckdb"), "report", "-o", html, "--png-dir", Path.Combine(_dir, "png"));

        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"--png-dir: {Report.Chromium.Variable} is set to '{missing}', which is not a file", r.Stderr);
        Assert.DoesNotContain("import", r.Stderr);
        Assert.False(File.Exists(html));
        Assert.False(Directory.Exists(Path.Combine(_dir, "png")));
    }
}
