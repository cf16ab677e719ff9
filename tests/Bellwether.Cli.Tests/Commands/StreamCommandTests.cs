using System.Diagnostics;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

/// <summary>
/// <c>bellwether stream</c>: the snapshot beside the store, resumed when valid, replayed when refused; and a replay
/// killed with SIGKILL at random points, restarted until it finishes, ends with the snapshot of an uninterrupted run
/// byte for byte (snapshots are written to a temporary file and renamed, so a kill never leaves half of one).
/// On the excerpt in both tiers: the kill test runs the CLI as a child process, a replay at a time.
/// </summary>
public class StreamCommandTests
{
    [Fact]
    public void A_replay_killed_at_random_points_ends_byte_identical_to_an_uninterrupted_run()
    {
        var store = Excerpt.StorePath;
        var folder = Directory.CreateTempSubdirectory("bellwether-stream-").FullName;
        try
        {
            var clean = Path.Combine(folder, "clean.stream");
            Assert.Equal(0, Run(store, clean, killAfter: null));
            // The kill moments scale with this machine's uninterrupted run, so a fast machine or a short excerpt
            // cannot finish a replay before its kill. It is timed warm (a second run): the first pays for a cold
            // start, and kills scaled from it came after the later, warm runs had finished.
            var timer = Stopwatch.StartNew();
            Assert.Equal(0, Run(store, Path.Combine(folder, "warm.stream"), killAfter: null));
            int whole = (int)timer.ElapsedMilliseconds;
            var resumed = Path.Combine(folder, "resumed.stream");
            var random = new Random(15);
            int kills = 0, runs = 0;
            // Kill the first runs at random moments (a resumed run is shorter, so the moments shrink), then finish.
            while (runs < 12)
            {
                runs++;
                int? killAfter = kills < 4 ? (int)(whole * (0.2 + 0.5 * random.NextDouble()) / (1 + kills)) : null;
                int code = Run(store, resumed, killAfter);
                if (code == 0) break;
                kills++;
            }
            Assert.True(kills >= 2, $"only {kills} run(s) were killed before one finished");
            Assert.True(File.Exists(resumed), "no snapshot after the last run");
            Assert.Equal(File.ReadAllBytes(clean), File.ReadAllBytes(resumed));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_snapshot_beside_the_store_is_resumed_and_one_of_another_thesis_is_refused()
    {
        var store = Path.Combine(Path.GetTempPath(), $"bellwether-stream-{Guid.NewGuid():N}.duckdb");
        File.Copy(Excerpt.StorePath, store);
        try
        {
            var first = CliRun.Invoke(store, "stream", "--to", "2025-06-30");
            Assert.Equal(0, first.ExitCode);
            Assert.Contains("replayed from", first.Stdout);
            var beside = $"{store}.russell-breakout-altseason.stream";
            Assert.True(File.Exists(beside), first.Stdout);
            var again = CliRun.Invoke(store, "stream", "--to", "2025-07-31");
            Assert.Contains("resumed from 2025-06-30, closed 2025-07-31", again.Stdout);
            var other = Path.Combine(Path.GetTempPath(), $"sp500-{Guid.NewGuid():N}.stream");
            File.Copy(beside, other);
            var refused = CliRun.Invoke(store, "stream", "--thesis", Path.Combine(Reference.RepoRoot, "theses", "sp500-breakout-bitcoin.yaml"),
                "--snapshot", other, "--to", "2025-07-31");
            Assert.Equal(0, refused.ExitCode);
            Assert.Contains("snapshot not used: the stream snapshot is of another thesis", refused.Stdout);
            File.Delete(other);
        }
        finally
        {
            foreach (var f in Directory.GetFiles(Path.GetDirectoryName(store)!, Path.GetFileName(store) + "*")) File.Delete(f);
        }
    }

    /// <summary>Runs <c>bellwether stream</c> as a child process writing a snapshot every 8 days; with
    /// <paramref name="killAfter"/> it is killed (SIGKILL) after that many milliseconds unless it has finished.</summary>
    private static int Run(string store, string snapshot, int? killAfter)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "bellwether.dll");
        var start = new ProcessStartInfo("dotnet", [cli, "stream", "--store", store, "--snapshot", snapshot, "--every", "8"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEndAsync();
        var errors = child.StandardError.ReadToEndAsync();
        if (killAfter is { } ms && !child.WaitForExit(ms))
        {
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
            return -9;
        }
        child.WaitForExit();
        Assert.True(child.ExitCode == 0, $"exit {child.ExitCode}: {errors.Result}{output.Result}");
        return 0;
    }
}
