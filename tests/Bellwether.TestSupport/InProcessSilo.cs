using System.Net;
using System.Net.Sockets;
using Bellwether.Cluster;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bellwether.TestSupport;

/// <summary>
/// A silo of the real cluster shape (membership, directory and grain state in <see cref="RedisServer"/>, as
/// <c>bellwether silo --cluster</c> runs) hosted in the test process on free loopback ports, for clients that connect
/// through Redis (<c>--cluster</c>). Stopped when disposed.
/// </summary>
public static class InProcessSilo
{
    public static async Task<IHost> Start(RedisServer redis, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder([]);
        builder.UseOrleans(silo => silo.UseBellwetherCluster(redis.ConnectionString,
            new SiloEndpoint(IPAddress.Loopback, FreePort(), FreePort())));
        builder.Logging.ClearProviders();
        var host = builder.Build();
        await host.StartAsync(ct);
        return host;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
