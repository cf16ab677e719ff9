using Bellwether.TestSupport;
using Bellwether.TestSupport.Sources;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bellwether.Cluster.Tests;

/// <summary>A client of a cluster whose Redis answers but where no silo runs gives up after
/// <see cref="ClusterHosting.ClientStartLimit"/> (on a fake clock: no real wait) with a message saying what to
/// start.</summary>
public class ClusterClientTests
{
    [Fact]
    public async Task With_redis_up_and_no_silo_a_client_gives_up_after_30_s_saying_what_to_start()
    {
        await using var redis = await RedisServer.Start();
        var clock = new FakeTimeProvider();
        var start = clock.GetUtcNow();
        var connecting = Task.Run(() => ClusterHosting.Connect(redis.ConnectionString, clock));
        var e = Assert.Throws<AggregateException>(() => FakeClock.Drive(clock, connecting)).InnerException;
        var given = Assert.IsType<InvalidOperationException>(e);
        Assert.Equal(
            $"no silo of the cluster at {redis.ConnectionString} (--cluster) answered within 30 s: start one " +
                     "with 'bellwether silo --cluster' (docs/scale.md)", given.Message);
        Assert.True(clock.GetUtcNow() - start >= ClusterHosting.ClientStartLimit,
            $"gave up at {clock.GetUtcNow() - start}");
    }
}
