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

    [Theory]
    [InlineData("--history")]
    [InlineData("--compare", "2025-01-01")]
    [InlineData("--what-if")]
    public void Cluster_goes_with_the_board_as_of_a_date_only(params string[] other)
    {
        var r = CliRun.Invoke(TestData.StorePath, ["board", .. other, "--cluster", "127.0.0.1:1"]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--cluster goes with the board as of a date, not with --history, --compare or --what-if",
            r.Stderr);
    }
}
