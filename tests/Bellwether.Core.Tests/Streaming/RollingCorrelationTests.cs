using Bellwether.Core.Statistics.Correlation;
using Bellwether.Core.Streaming;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Streaming;

/// <summary>The O(1) rolling correlation equals the two-pass Pearson of the same window after every pair.</summary>
public class RollingCorrelationTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(90)]
    [InlineData(365)]
    public void Every_window_equals_the_two_pass_correlation(int window)
    {
        var random = new Random(window);
        var (x, y) = (new double[3000], new double[3000]);
        var rolling = new RollingCorrelation(window);
        for (int i = 0; i < x.Length; i++)
        {
            // Returns of prices far from zero, with a calm stretch after a volatile one.
            double scale = i is > 1000 and < 1500 ? 1e-4 : 0.05;
            x[i] = 100 + scale * (random.NextDouble() - 0.5);
            y[i] = 0.5 * x[i] + scale * (random.NextDouble() - 0.5);
            rolling.Add(x[i], y[i]);
            int start = Math.Max(0, i + 1 - window);
            Assert.Equal(Math.Min(i + 1, window), rolling.Count);
            Agreement.Close(Correlations.Pearson(x.AsSpan(start, i + 1 - start), y.AsSpan(start, i + 1 - start)), rolling.Correlation,
                Agreement.Coefficient, $"pair {i}");
        }
    }
}
