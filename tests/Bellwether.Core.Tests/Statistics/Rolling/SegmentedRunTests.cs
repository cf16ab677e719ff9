using Bellwether.Core.Statistics.Rolling;
using Xunit;

namespace Bellwether.Core.Tests.Statistics.Rolling;

/// <summary>
/// <see cref="RollingStatistics"/> splits a long input into segments of <see cref="RollingStatistics.SegmentLength"/>
/// windows run in parallel, each started from an exact recomputation. These tests hold it to the single pass of
/// <see cref="RollingCoMoments.Run{TSink}(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{DateOnly}, RollingWindow, ref TSink)"/>
/// over the whole input, with the awkward cases (NaN runs, constant stretches, repeated values) placed across borders.
/// </summary>
public class SegmentedRunTests
{
    private const int Segment = RollingStatistics.SegmentLength;

    /// <summary>Pearson and covariance per window from the single pass's sums, as the statistics define them.</summary>
    private readonly ref struct SinglePassSink(Span<double> pearson, Span<double> covariance) : IRollingSink
    {
        private readonly Span<double> _pearson = pearson;
        private readonly Span<double> _covariance = covariance;

        public static bool UsesMeans => true;

        public void Write(scoped WindowBatch batch)
        {
            for (int k = 0; k < batch.Length; k++)
            {
                double sxx = batch.SumSqX[k], syy = batch.SumSqY[k];
                _pearson[batch.First + k] = sxx > 0 && syy > 0 ? Math.Clamp(batch.SumXY[k] / Math.Sqrt(sxx * syy), -1.0, 1.0) : double.NaN;
                _covariance[batch.First + k] = batch.Count[k] < 2 ? double.NaN : batch.SumXY[k] / (batch.Count[k] - 1);
            }
        }
    }

    private static (double[] Pearson, double[] Covariance) SinglePass(double[] x, double[] y, RollingWindow window, DateOnly[]? dates = null)
    {
        var (pearson, covariance) = (new double[x.Length], new double[x.Length]);
        var sink = new SinglePassSink(pearson, covariance);
        RollingCoMoments.Run(x, y, dates, window, ref sink);
        return (pearson, covariance);
    }

    /// <summary>
    /// Correlated noise around 100 (a random walk when <paramref name="walk"/>, rounded to cents so values repeat),
    /// with NaN runs and constant stretches straddling every segment border in turn.
    /// </summary>
    private static (double[] X, double[] Y) Awkward(int n, bool walk, int seed)
    {
        var random = new Random(seed);
        var (x, y) = (new double[n], new double[n]);
        double levelX = 100, levelY = 100;
        for (int i = 0; i < n; i++)
        {
            double common = Gaussian(random), own = Gaussian(random);
            if (walk)
            {
                levelX += 0.05 * common;
                levelY += 0.03 * common + 0.04 * own;
                (x[i], y[i]) = (Math.Round(levelX, 2), Math.Round(levelY, 2));
            }
            else (x[i], y[i]) = (100 + common, 100 + 0.6 * common + 0.8 * own);
        }
        for (int border = Segment, b = 0; border + 200 < n; border += Segment, b++)
        {
            switch (b % 5)
            {
                case 0: // a NaN run across the border, in x only, longer than the window
                    for (int i = border - 70; i < border + 60; i++) x[i] = double.NaN;
                    break;
                case 1: // x constant across the border, long enough for whole windows of it on both sides, then a new value
                    for (int i = border - 150; i < border + 120; i++) x[i] = x[border - 151];
                    x[border + 120] = x[border - 151] + 1;
                    break;
                case 2: // y constant up to just before the border, then scattered NaN in y across it
                    for (int i = border - 200; i < border - 1; i++) y[i] = 42.0;
                    for (int i = border - 40; i < border + 40; i += 3) y[i] = double.NaN;
                    break;
                case 3: // x constant from just before the border: the run must count back across it
                    for (int i = border - 30; i < border + 100; i++) x[i] = 7.25;
                    break;
                default: // x constant but for its last value before the border: windows holding that value are not constant
                    for (int i = border - 150; i < border + 50; i++) x[i] = 3.5;
                    x[border - 1] = 4.5;
                    y[border] = y[border - 1]; // a repeat: the segment's first step takes the general path, which reads the run
                    break;
            }
        }
        return (x, y);
    }

    private static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    private static void AssertMatches(double[] expected, double[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i]) || double.IsNaN(actual[i]))
                Assert.True(double.IsNaN(expected[i]) && double.IsNaN(actual[i]), $"{what} at {i}: single pass {expected[i]:R}, segmented {actual[i]:R}");
            else if (!(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i]))))
                Assert.Fail($"{what} at {i} (segment {i / Segment}, offset {i % Segment}): single pass {expected[i]:R}, segmented {actual[i]:R}");
        }
    }

    /// <summary>
    /// Against a two-pass computation of every window, the segmented result is no less precise than the single pass:
    /// on cent-rounded random walks a short window can be nearly flat, and both online results then sit ~1e-11 from
    /// the exact value (as before segmenting), so they agree only to about that.
    /// </summary>
    private static void AssertNoLessPrecise(double[] x, double[] y, Func<int, int> windowStart, double[] single, double[] segmented)
    {
        double worstSingle = 0, worstSegmented = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(single[i])) continue;
            double exact = RollingStatisticsTests.TwoPass(x, y, windowStart(i), i + 1);
            worstSingle = Math.Max(worstSingle, Math.Abs(single[i] - exact));
            worstSegmented = Math.Max(worstSegmented, Math.Abs(segmented[i] - exact));
        }
        Assert.True(worstSegmented <= worstSingle + 1e-13, $"segmented is off the two-pass value by up to {worstSegmented:E2}, the single pass by {worstSingle:E2}");
    }

    [Theory]
    [InlineData(false, 90, 90)]
    [InlineData(false, 90, 60)]
    [InlineData(true, 90, 60)]
    [InlineData(true, 20, 5)]
    public void Count_window_matches_the_single_pass(bool walk, int length, int minCount)
    {
        var (x, y) = Awkward(5 * Segment + 1234, walk, seed: length + minCount);
        var window = RollingWindow.OfObservations(length, minCount);
        var (pearson, covariance) = SinglePass(x, y, window);
        var (segmentedPearson, segmentedCovariance) = (new double[x.Length], new double[x.Length]);
        RollingStatistics.Pearson(x, y, window, segmentedPearson);
        RollingStatistics.Covariance(x, y, window, segmentedCovariance);
        double tolerance = walk ? 1e-10 : 1e-12;
        AssertMatches(pearson, segmentedPearson, tolerance, "pearson");
        AssertMatches(covariance, segmentedCovariance, tolerance, "covariance");
        AssertNoLessPrecise(x, y, i => Math.Max(0, i - length + 1), pearson, segmentedPearson);

        // The constant stretches give NaN on both sides of their border (checked directly, not via the single pass).
        int border = 2 * Segment; // case 1: x constant over [border − 151, border + 120)
        Assert.All(new[] { border - 1, border, border + 119 }, i => Assert.True(double.IsNaN(segmentedPearson[i]), $"window ending {i} holds one x value"));
        Assert.False(double.IsNaN(segmentedPearson[border + 120]), "a new x value enters");
        border = 4 * Segment; // case 3: x = 7.25 over [border − 30, border + 100), from within the previous segment
        Assert.False(double.IsNaN(segmentedPearson[border - 30 + length - 2]), "this window still holds an earlier x value");
        Assert.True(double.IsNaN(segmentedPearson[border - 30 + length - 1]), "this window holds only 7.25 in x");
        border = 5 * Segment; // case 4: x = 3.5 over [border − 150, border + 50) but 4.5 at border − 1
        for (int i = border - 1; i < Math.Min(border - 1 + length, border + 50); i++)
            Assert.False(double.IsNaN(segmentedPearson[i]), $"the window ending {i} holds the 4.5");
        if (length < 50) Assert.True(double.IsNaN(segmentedPearson[border - 1 + length]), "the 4.5 has left this window");
    }

    [Fact]
    public void Calendar_window_matches_the_single_pass()
    {
        var (x, y) = Awkward(4 * Segment + 777, walk: true, seed: 11);
        // Weekdays only, so a 30-day window holds 20–22 rows and its start moves irregularly.
        var dates = new DateOnly[x.Length];
        var day = new DateOnly(1900, 1, 1);
        for (int i = 0; i < dates.Length; day = day.AddDays(1))
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) dates[i++] = day;
        var window = RollingWindow.OfCalendarDays(30, minCount: 8);
        var (pearson, covariance) = SinglePass(x, y, window, dates);
        var (segmentedPearson, segmentedCovariance) = (new double[x.Length], new double[x.Length]);
        RollingStatistics.Pearson(x, y, window, segmentedPearson, dates);
        RollingStatistics.Covariance(x, y, window, segmentedCovariance, dates);
        AssertMatches(pearson, segmentedPearson, 1e-10, "pearson");
        AssertMatches(covariance, segmentedCovariance, 1e-10, "covariance");
        int start = 0;
        AssertNoLessPrecise(x, y, i =>
        {
            while (dates[start].DayNumber <= dates[i].DayNumber - 30) start++;
            return start;
        }, pearson, segmentedPearson);
    }

    [Fact]
    public void Z_score_matches_the_single_pass()
    {
        var (x, _) = Awkward(3 * Segment + 5, walk: false, seed: 4);
        var window = RollingWindow.OfObservations(50, minCount: 30);
        var (expected, actual) = (new double[x.Length], new double[x.Length]);
        var sink = new ZScoreReference(x, expected);
        RollingCoMoments.Run(x, x, default, window, ref sink);
        RollingStatistics.ZScore(x, window, actual);
        AssertMatches(expected, actual, 1e-12, "z-score");
    }

    private readonly ref struct ZScoreReference(ReadOnlySpan<double> values, Span<double> output) : IRollingSink
    {
        private readonly ReadOnlySpan<double> _values = values;
        private readonly Span<double> _output = output;

        public static bool UsesMeans => true;

        public void Write(scoped WindowBatch batch)
        {
            for (int k = 0; k < batch.Length; k++)
            {
                double sd = batch.Count[k] < 2 ? double.NaN : Math.Sqrt(Math.Max(0, batch.SumSqX[k]) / (batch.Count[k] - 1));
                _output[batch.First + k] = sd > 0 ? (_values[batch.First + k] - batch.MeanX[k]) / sd : double.NaN;
            }
        }
    }

    [Fact]
    public void Result_does_not_depend_on_scheduling()
    {
        var (x, y) = Awkward(6 * Segment + 99, walk: false, seed: 8);
        var window = RollingWindow.OfObservations(90, minCount: 45);
        var (first, second) = (new double[x.Length], new double[x.Length]);
        RollingStatistics.Pearson(x, y, window, first);
        RollingStatistics.Pearson(x, y, window, second);
        Assert.Equal(first, second); // bit for bit (NaN equals NaN here)

        // The same segments run one at a time, last first: still bit for bit.
        var (pearson, covariance) = (new double[x.Length], new double[x.Length]);
        var sink = new SinglePassSink(pearson, covariance);
        for (int from = (x.Length - 1) / Segment * Segment; from >= 0; from -= Segment)
            RollingCoMoments.Run(x, y, default, window, from, Math.Min(x.Length, from + Segment), ref sink);
        Assert.Equal(first, pearson);
    }

    [Fact]
    public void A_range_outside_the_input_is_refused()
    {
        double[] x = [1, 2, 3], y = [3, 1, 2];
        Assert.Throws<ArgumentException>(() =>
        {
            var sink = new SinglePassSink(new double[3], new double[3]);
            RollingCoMoments.Run(x, y, default, RollingWindow.OfObservations(2), 2, 4, ref sink);
        });
    }
}
