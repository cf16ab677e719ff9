using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cli.Tests.Commands;

/// <summary>
/// <c>board --cluster</c> against a silo of the real cluster shape (Redis membership, directory and grain state in a
/// real redis-server) running in this process: its JSON equals <c>board --json</c> byte for byte, on the excerpt
/// without BELLWETHER_DATA and on all data with it.
/// </summary>
public class BoardClusterTests
{
    [Fact]
    public async Task Board_on_the_cluster_prints_the_single_process_board_byte_for_byte()
    {
        await using var redis = await RedisServer.Start();
        using var silo = await InProcessSilo.Start(redis, TestContext.Current.CancellationToken);
        var store = TestData.StorePath;
        var single = CliRun.Invoke(store, "board", "--json");
        Assert.Equal(0, single.ExitCode);
        var clustered = CliRun.Invoke(store, "board", "--json", "--cluster", redis.ConnectionString);
        Assert.Equal((0, ""), (clustered.ExitCode, clustered.Stderr));
        Assert.Equal(single.Stdout, clustered.Stdout);
        // An earlier date than the grain's last day: the grain starts again and answers that date.
        var asOf = DateOnly.Parse(single.Json.GetProperty("as_of").GetString()!, System.Globalization.CultureInfo
            .InvariantCulture).AddDays(-45).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var earlier = CliRun.Invoke(store, "board", "--json", "--as-of", asOf, "--cluster", redis.ConnectionString);
        Assert.Equal((0, ""), (earlier.ExitCode, earlier.Stderr));
        Assert.Equal(CliRun.Invoke(store, "board", "--json", "--as-of", asOf).Stdout, earlier.Stdout);
        await silo.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task History_and_comparison_on_the_cluster_print_the_single_process_ones_byte_for_byte()
    {
        await using var redis = await RedisServer.Start();
        using var silo = await InProcessSilo.Start(redis, TestContext.Current.CancellationToken);
        var store = TestData.StorePath;
        var board = CliRun.Invoke(store, "board", "--json");
        var asOf = DateOnly.Parse(board.Json.GetProperty("as_of").GetString()!,
            System.Globalization.CultureInfo.InvariantCulture);
        string Day(int days) =>
            asOf.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        // Weekly from 2018 (on the excerpt before any input's first row: those days are read in the process), daily
        // over the last year, monthly; a comparison with a day the grain closed, in JSON and as text; with release
        // lags ignored.
        string[][] commands =
        [
            ["--history", "--json"],
            ["--history", "--json", "--frequency", "daily", "--from", Day(-365)],
            ["--history", "--frequency", "monthly", "--from", "2010-01-01"],
            ["--compare", Day(-200), "--json"],
            ["--compare", Day(-30)],
            // Other data (rows public on their own dates): the grain's hash differs, it starts again; and back.
            ["--history", "--json", "--frequency", "daily", "--from", Day(-365), "--ignore-release-lags"],
            ["--json", "--ignore-release-lags"],
            ["--compare", Day(-30), "--json"],
        ];
        foreach (var other in commands)
        {
            var single = CliRun.Invoke(store, ["board", .. other]);
            var clustered = CliRun.Invoke(store, ["board", .. other, "--cluster", redis.ConnectionString]);
            Assert.Equal((single.ExitCode, ""), (clustered.ExitCode, clustered.Stderr));
            Assert.Equal(single.Stdout, clustered.Stdout);
        }
        await silo.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task What_if_on_the_cluster_prints_the_single_process_what_if_byte_for_byte()
    {
        await using var redis = await RedisServer.Start();
        using var silo = await InProcessSilo.Start(redis, TestContext.Current.CancellationToken);
        var store = TestData.StorePath;
        // The grain answers the thesis file's board; the changes rescore it. Alone, --what-if lists what can change.
        string[][] commands =
        [
            ["--what-if", "--json", "--weight", "rut_btc_corr=4", "--threshold",
                "rut_eth_corr.supports.ci95_low=0.5"],
            ["--threshold", "btc_drawdown.against.value=\u22120.35", "--weight", "fed_path=0"],
            ["--what-if"],
        ];
        foreach (var other in commands)
        {
            var single = CliRun.Invoke(store, ["board", .. other]);
            Assert.Equal(0, single.ExitCode);
            var clustered = CliRun.Invoke(store, ["board", .. other, "--cluster", redis.ConnectionString]);
            Assert.Equal((0, ""), (clustered.ExitCode, clustered.Stderr));
            Assert.Equal(single.Stdout, clustered.Stdout);
        }
        await silo.StopAsync(TestContext.Current.CancellationToken);
    }
}
