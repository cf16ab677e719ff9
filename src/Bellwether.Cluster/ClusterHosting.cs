using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using StackExchange.Redis;

namespace Bellwether.Cluster;

/// <summary>
/// One place for how Bellwether's silos and clients join a cluster: Redis for membership, the grain directory and grain
/// state (Microsoft.Orleans.Clustering.Redis, GrainDirectory.Redis, Persistence.Redis).
/// </summary>
public static class ClusterHosting
{
    public const string ClusterId = "bellwether";
    public const string ServiceId = "bellwether";

    /// <summary>A silo of the cluster whose membership, directory and state live in <paramref name="redis"/>.</summary>
    public static ISiloBuilder UseBellwetherCluster(this ISiloBuilder silo, string redis, SiloEndpoint endpoint)
    {
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ServiceId))
            .UseRedisClustering(redis)
            .UseRedisGrainDirectoryAsDefault(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis))
            .ConfigureEndpoints(endpoint.Advertise, endpoint.SiloPort, endpoint.GatewayPort,
                listenOnAnyHostAddress: true);
        return silo.UseBellwetherStorage(redis);
    }

    /// <summary>The grain storage and the thesis grain's clock (<see cref="ThesisGrain.ClockKey"/>: the system's
    /// unless registered before) alone: the test cluster brings its own membership.</summary>
    /// <remarks>State is written with Orleans' own binary serializer: a block's snapshot stays bytes (JSON would make
    /// it base64 and name CLR types in every value).</remarks>
    public static ISiloBuilder UseBellwetherStorage(this ISiloBuilder silo, string redis)
    {
        silo.Services.TryAddKeyedSingleton(ThesisGrain.ClockKey, TimeProvider.System);
        return silo.AddRedisGrainStorage(Storage.Name, options => options.Configure<Serializer>((o, serializer) =>
        {
            o.ConfigurationOptions = ConfigurationOptions.Parse(redis);
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));
    }

    /// <summary>A client of the cluster whose membership lives in <paramref name="redis"/>.</summary>
    public static IClientBuilder UseBellwetherCluster(this IClientBuilder client, string redis) =>
        client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ServiceId))
            .UseRedisClustering(redis);

    /// <summary>How long a client waits for a silo: with none, Orleans' client would wait for ever.</summary>
    public static readonly TimeSpan ClientStartLimit = TimeSpan.FromSeconds(30);

    /// <summary>A connected client of the cluster in <paramref name="redis"/> (its grains:
    /// <see cref="IClusterClient"/> among the host's services), stopped when disposed.</summary>
    /// <param name="clock">Times <see cref="ClientStartLimit"/>; default: the system's.</param>
    /// <exception cref="InvalidOperationException">Redis unreachable, or no silo answered within
    /// <see cref="ClientStartLimit"/>.</exception>
    public static async Task<IHost> Connect(string redis, TimeProvider? clock = null)
    {
        await RedisReach.Ensure(redis);
        var builder = Host.CreateApplicationBuilder([]);
        builder.UseOrleansClient(client => client.UseBellwetherCluster(redis));
        builder.Logging.ClearProviders();
        var host = builder.Build();
        using var limit = new CancellationTokenSource(ClientStartLimit, clock ?? TimeProvider.System);
        try
        {
            await Start(host, redis, limit.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            host.Dispose();
            throw new InvalidOperationException($"no silo of the cluster at {RedisReach.Shown(redis)} (--cluster) " +
                $"answered within {ClientStartLimit.TotalSeconds:0} s: start one with 'bellwether silo --cluster' " +
                "(docs/scale.md)");
        }
        return host;
    }

    /// <summary>Starts a silo or client host; Redis failing while it starts is the plain error
    /// <see cref="RedisReach.Unreachable"/>.</summary>
    public static async Task Start(IHost host, string redis, CancellationToken ct = default)
    {
        try
        {
            await host.StartAsync(ct);
        }
        catch (RedisException e)
        {
            host.Dispose();
            throw RedisReach.Unreachable(redis, e);
        }
    }
}

/// <summary>Where a silo listens and what address it tells the others.</summary>
public sealed record SiloEndpoint(IPAddress Advertise, int SiloPort, int GatewayPort);
