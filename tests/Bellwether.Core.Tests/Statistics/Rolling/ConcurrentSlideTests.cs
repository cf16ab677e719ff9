using Bellwether.Core.Statistics.Rolling;
using Xunit;

namespace Bellwether.Core.Tests.Statistics.Rolling;

/// <summary>
/// The rolling correlation computed on many threads at once, while other threads allocate (so that compacting
/// garbage collections move arrays mid-loop), equals the same computation on one thread. The slide once kept a
/// reference before its input array's start; a collection did not move it with the array, and readiness histories
/// (days evaluated in parallel) differed from run to run on a random day.
/// </summary>
public sealed class ConcurrentSlideTests
{
    [Fact]
    public void Parallel_slides_under_allocation_equal_the_sequential_result()
    {
        var random = new Random(20261203);
        const int length = 3000;
        var x = new double[length];
        var y = new double[length];
        for (int i = 0; i < length; i++) (x[i], y[i]) = (random.NextDouble() - 0.5, random.NextDouble() - 0.5 + 0.3 * x[i]);
        var window = RollingWindow.Parse("90");
        var expected = new double[length];
        RollingStatistics.Pearson(x, y, window, expected);

        var mismatches = 0;
        Parallel.For(0, 400, k =>
        {
            // Fresh copies each time (as each day's aligned rows are), with garbage in between to provoke collections.
            var garbage = new List<byte[]>();
            for (int g = 0; g < 64; g++) garbage.Add(new byte[1024 * (1 + (k + g) % 16)]);
            var (xs, ys, output) = ((double[])x.Clone(), (double[])y.Clone(), new double[length]);
            RollingStatistics.Pearson(xs, ys, window, output);
            if (!output.AsSpan().SequenceEqual(expected)) Interlocked.Increment(ref mismatches);
            GC.KeepAlive(garbage);
        });
        Assert.Equal(0, mismatches);
    }
}
