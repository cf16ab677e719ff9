using Microsoft.Extensions.Time.Testing;

namespace Bellwether.TestSupport.Sources;

/// <summary>
/// Runs work that waits on a <see cref="FakeTimeProvider"/> (retry delays, Retry-After, timeouts) against loopback
/// servers: the clock moves only while no server is working, so waits take no real time and a client is never timed
/// out while a server is still answering it. It moves by 100 ms, or by a second while a server on this clock holds a
/// reply back (its client can only be waiting for it).
/// </summary>
public static class FakeClock
{
    /// <summary>Waits for <paramref name="work"/>, moving <paramref name="clock"/> whenever no loopback server works.</summary>
    public static T Drive<T>(FakeTimeProvider clock, Task<T> work)
    {
        while (!work.Wait(TimeSpan.FromMilliseconds(5)))
        {
            if (LoopbackServer.AnyWorking) continue;
            clock.Advance(LoopbackServer.Holding(clock) ? TimeSpan.FromSeconds(1) : TimeSpan.FromMilliseconds(100));
        }
        return work.GetAwaiter().GetResult();
    }
}
