using StackExchange.Redis;

namespace Bellwether.Cluster;

/// <summary>
/// The cluster's Redis reached once before Orleans starts, so that an unreachable or refusing one is one plain error
/// naming it (its password masked) instead of Orleans' start-up failure.
/// </summary>
public static class RedisReach
{
    /// <exception cref="InvalidOperationException">The string is not a Redis connection string, or no Redis answers
    /// a PING there; the message names the connection string without its password.</exception>
    public static async Task Ensure(string redis)
    {
        var options = Parse(redis);
        options.AbortOnConnectFail = true;
        try
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
            await connection.GetDatabase().PingAsync();
        }
        catch (RedisException e)
        {
            throw Unreachable(redis, e);
        }
    }

    /// <summary>The error for <paramref name="redis"/> failing with <paramref name="e"/> (also when it fails after
    /// <see cref="Ensure"/>, while Orleans starts).</summary>
    public static InvalidOperationException Unreachable(string redis, RedisException e)
    {
        string why = e is RedisConnectionException c ? c.FailureType switch
        {
            ConnectionFailureType.UnableToConnect or ConnectionFailureType.SocketFailure
                or ConnectionFailureType.UnableToResolvePhysicalConnection
                => "nothing answers there (is redis-server running, and are the host and port right?)",
            ConnectionFailureType.AuthenticationFailure => "it refused the password",
            var other => $"connection failure {other}",
        } : e.GetType().Name;
        return new InvalidOperationException(
            $"cannot reach the cluster's Redis at {Shown(redis)} (--cluster): {why}", e);
    }

    /// <summary><paramref name="redis"/> as it may be printed: the password masked, and so is whatever precedes an
    /// '@' in an endpoint (a URI's user and password, which StackExchange.Redis reads as a host name).</summary>
    public static string Shown(string redis) => string.Join(',',
        Parse(redis).ToString(includePassword: false).Split(',')
            .Select(part => part.LastIndexOf('@') is var at and >= 0 ? "***" + part[at..] : part));

    private static ConfigurationOptions Parse(string redis)
    {
        try
        {
            return ConfigurationOptions.Parse(redis);
        }
        catch (ArgumentException)
        {
            // Not echoed: a malformed string may still hold a password.
            throw new InvalidOperationException(
                "--cluster is not a Redis connection string (HOST:PORT[,password=...], see docs/scale.md)");
        }
    }
}
