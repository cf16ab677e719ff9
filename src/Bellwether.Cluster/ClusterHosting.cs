using System.Net;
using Microsoft.Extensions.Hosting;
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

    /// <summary>The grain storage alone (the test cluster brings its own membership).</summary>
    /// <remarks>State is written with Orleans' own binary serializer: a block's snapshot stays bytes (JSON would make
    /// it base64 and name CLR types in every value).</remarks>
    public static ISiloBuilder UseBellwetherStorage(this ISiloBuilder silo, string redis) =>
        silo.AddRedisGrainStorage(Storage.Name, options => options.Configure<Serializer>((o, serializer) =>
        {
            o.ConfigurationOptions = ConfigurationOptions.Parse(redis);
            o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
        }));

    /// <summary>A client of the cluster whose membership lives in <paramref name="redis"/>.</summary>
    public static IClientBuilder UseBellwetherCluster(this IClientBuilder client, string redis) =>
        client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ServiceId))
            .UseRedisClustering(redis);
}

/// <summary>Where a silo listens and what address it tells the others.</summary>
public sealed record SiloEndpoint(IPAddress Advertise, int SiloPort, int GatewayPort);
