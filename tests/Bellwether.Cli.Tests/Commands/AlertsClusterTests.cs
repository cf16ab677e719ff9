using System.Globalization;
using Bellwether.Core.Streaming;
using Bellwether.Data.Market;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

/// <summary>
/// <c>alerts run --cluster</c> against a silo of the real cluster shape (Redis membership, directory and grain state in
/// a real redis-server) running in this process: on a copy of the store each, it prints, records and delivers (the
/// JSON-lines log) exactly what <c>alerts run</c> does in the process, and a second run finds nothing new. On the
/// excerpt without BELLWETHER_DATA, on all data with it.
/// </summary>
public sealed class AlertsClusterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-alerts-cluster-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Store(string name)
    {
        var path = Path.Combine(_dir, name, "store.duckdb");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(TestData.StorePath, path);
        return path;
    }

    [Fact]
    public async Task Alerts_run_on_the_cluster_records_and_delivers_what_it_does_in_the_process()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = await RedisServer.Start();
        using var silo = await InProcessSilo.Start(redis, ct);
        DateOnly through;
        using (var opened = TestData.OpenStore()) through = MarketFeed.LastDay(new StoreMarketData(opened)).AddDays(7);
        var rules = Path.Combine(Reference.RepoRoot, "tests", "fixtures", "alerts", "every-kind.yaml");
        string[] run = ["alerts", "run", rules,
            "--through", through.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "--since", through.AddDays(-45).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];
        var (single, clustered) = (Store("single"), Store("cluster"));
        var expected = CliRun.Invoke(single, run);
        Assert.Equal((0, ""), (expected.ExitCode, expected.Stderr));
        Assert.True(expected.Stdout.Split('\n').Length > 5, expected.Stdout);
        var actual = CliRun.Invoke(clustered, [.. run, "--cluster", redis.ConnectionString]);
        Assert.Equal((0, ""), (actual.ExitCode, actual.Stderr));
        Assert.Equal(expected.Stdout, actual.Stdout);
        Assert.Equal(File.ReadAllLines(Path.Combine(_dir, "single", "alerts.jsonl")),
            File.ReadAllLines(Path.Combine(_dir, "cluster", "alerts.jsonl")));
        // Acknowledged to the grain and recorded in the store: a second run has nothing to record or deliver.
        var again = CliRun.Invoke(clustered, [.. run, "--cluster", redis.ConnectionString]);
        Assert.Equal((0, "Delivered 0; 0 to retry later; 0 dead letters (bellwether alerts dead-letter list)."
            + Environment.NewLine), (again.ExitCode, again.Stdout));
        await silo.StopAsync(ct);
    }
}
