namespace Bellwether.Cluster;

/// <summary>A grain call retried while its silo is unreachable (dead but not yet declared so, or its grains not yet
/// placed again): the calls retried this way are idempotent, and their answers say where the grain stands.</summary>
internal static class ClusterRetry
{
    /// <param name="failed">Called on each failure that is retried.</param>
    /// <param name="succeeded">Called with the attempt number when a call succeeds.</param>
    public static async Task<T> Call<T>(Func<Task<T>> call, TimeSpan retryFor, CancellationToken ct,
        Action? failed = null, Action<int>? succeeded = null)
    {
        var deadline = DateTime.UtcNow + retryFor;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                var result = await call();
                succeeded?.Invoke(attempt);
                return result;
            }
            catch (Exception e) when (e is OrleansException or TimeoutException && DateTime.UtcNow < deadline)
            {
                failed?.Invoke();
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 100 * attempt)), ct);
            }
        }
    }
}
