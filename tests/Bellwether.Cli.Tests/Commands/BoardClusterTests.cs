using System.Net;
using System.Net.Sockets;
using Bellwether.Cluster;
using Bellwether.TestSupport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
        using var silo = await Silo(redis.ConnectionString);
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

    /// <summary>A silo of the cluster in <paramref name="redis"/>, on free loopback ports.</summary>
    private static async Task<IHost> Silo(string redis)
    {
        var builder = Host.CreateApplicationBuilder([]);
        builder.UseOrleans(silo => silo.UseBellwetherCluster(redis,
            new SiloEndpoint(IPAddress.Loopback, FreePort(), FreePort())));
        builder.Logging.ClearProviders();
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
