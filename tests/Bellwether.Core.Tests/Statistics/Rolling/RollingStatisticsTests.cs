using Bellwether.Core.Statistics.Rolling;
using Xunit;

namespace Bellwether.Core.Tests.Statistics.Rolling;

public class RollingStatisticsTests
{
    /// <summary>
    /// Two-pass Pearson of one window written out here, independent of the code under test. The values are first
    /// shifted by the window's first pair (an exact subtraction for values near it), so that the mean of values near
    /// 1e9 is not itself rounded to 1e9's spacing (1.2e-7), which would bias the reference.
    /// </summary>
    internal static double TwoPass(double[] x, double[] y, int from, int to)
    {
        int first = from;
        while (double.IsNaN(x[first]) || double.IsNaN(y[first])) first++;
        double kx = x[first], ky = y[first];
        double mx = 0, my = 0;
        int n = 0;
        for (int i = from; i < to; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i])) continue;
            mx += x[i] - kx; my += y[i] - ky; n++;
        }
        mx /= n; my /= n;
        double sxx = 0, syy = 0, sxy = 0;
        for (int i = from; i < to; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i])) continue;
            double dx = x[i] - kx - mx, dy = y[i] - ky - my;
            sxx += dx * dx; syy += dy * dy; sxy += dx * dy;
        }
        return sxy / Math.Sqrt(sxx * syy);
    }

    private static (double[] X, double[] Y) Noisy(int n, double offset, Func<int, double> scale, int seed = 1)
    {
        var random = new Random(seed);
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double common = Gaussian(random), s = scale(i);
            x[i] = offset + s * common;
            y[i] = offset + s * (0.6 * common + 0.8 * Gaussian(random));
        }
        return (x, y);
    }

    private static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    [Fact]
    public void Series_offset_by_1e9_match_a_two_pass_computation()
    {
        // Long run, and a regime where the variance shrinks a millionfold: drift from the early, large updates must not leak.
        var (x, y) = Noisy(50_000, 1e9, i => i < 25_000 ? 1000 : 0.001);
        const int window = 90;
        var rolling = new double[x.Length];
        RollingStatistics.Pearson(x, y, RollingWindow.OfObservations(window), rolling);
        double worst = 0, naiveWorst = 0;
        for (int i = window - 1; i < x.Length; i++)
        {
            double expected = TwoPass(x, y, i - window + 1, i + 1);
            Assert.False(double.IsNaN(rolling[i]), $"NaN at {i}, two-pass {expected}");
            worst = Math.Max(worst, Math.Abs(rolling[i] - expected));
            double naive = Naive(x, y, i - window + 1, i + 1);
            naiveWorst = Math.Max(naiveWorst, double.IsNaN(naive) ? 2 : Math.Abs(naive - expected));
        }
        Assert.True(worst < 1e-9, $"online rolling correlation differs from two-pass by {worst:E2}");
        Assert.True(naiveWorst > 1e-3, $"the naive sum-of-squares formula should fail here (worst {naiveWorst:E2}), or the test proves nothing");
        Assert.All(rolling[..(window - 1)], v => Assert.True(double.IsNaN(v)));
    }

    private static double Naive(double[] x, double[] y, int from, int to)
    {
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        int n = to - from;
        for (int i = from; i < to; i++) { sx += x[i]; sy += y[i]; sxx += x[i] * x[i]; syy += y[i] * y[i]; sxy += x[i] * y[i]; }
        double cov = sxy - sx * sy / n, vx = sxx - sx * sx / n, vy = syy - sy * sy / n;
        return Math.Clamp(cov / Math.Sqrt(Math.Abs(vx * vy)), -1, 1);
    }

    [Fact]
    public void NaN_pairs_are_skipped_and_the_min_count_decides()
    {
        var (x, y) = Noisy(400, 50, _ => 2, seed: 3);
        for (int i = 0; i < x.Length; i += 7) x[i] = double.NaN;
        for (int i = 3; i < y.Length; i += 11) y[i] = double.NaN;
        var window = RollingWindow.OfObservations(30, minCount: 20);
        var rolling = new double[x.Length];
        RollingStatistics.Pearson(x, y, window, rolling);
        for (int i = 0; i < x.Length; i++)
        {
            int from = Math.Max(0, i - 29);
            int valid = Enumerable.Range(from, i - from + 1).Count(j => !double.IsNaN(x[j]) && !double.IsNaN(y[j]));
            if (valid < 20) Assert.True(double.IsNaN(rolling[i]), $"index {i}: {valid} valid pairs should give NaN");
            else Assert.Equal(TwoPass(x, y, from, i + 1), rolling[i], 1e-12);
        }
    }

    [Fact]
    public void Calendar_window_keeps_dates_after_t_minus_span()
    {
        var (x, y) = Noisy(300, 10, _ => 1, seed: 5);
        var start = new DateOnly(2024, 1, 1);
        // Irregular calendar: skip weekends, as an equity-crypto join does.
        var dates = new List<DateOnly>();
        for (var d = start; dates.Count < x.Length; d = d.AddDays(1))
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) dates.Add(d);
        var window = RollingWindow.OfCalendarDays(30, minCount: 5);
        var rolling = new double[x.Length];
        RollingStatistics.Pearson(x, y, window, rolling, dates.ToArray());
        for (int i = 0; i < x.Length; i++)
        {
            int from = dates.FindIndex(d => d.DayNumber > dates[i].DayNumber - 30);
            if (i - from + 1 < 5) Assert.True(double.IsNaN(rolling[i]));
            else Assert.Equal(TwoPass(x, y, from, i + 1), rolling[i], 1e-12);
        }
    }

    [Fact]
    public void A_constant_window_gives_NaN_not_rounding_noise()
    {
        double[] x = [1.1, 2.3, 0.7, 5, 5, 5, 5, 5, 3.3];
        double[] y = [0.4, 0.9, 1.7, 2.2, 0.1, 0.5, 0.8, 0.3, 1.0];
        var rolling = new double[x.Length];
        RollingStatistics.Pearson(x, y, RollingWindow.OfObservations(4), rolling);
        Assert.True(double.IsNaN(rolling[6]) && double.IsNaN(rolling[7]), "windows 3..6 and 4..7 hold only 5s");
        Assert.False(double.IsNaN(rolling[8]));
        Assert.False(double.IsNaN(rolling[5]));
    }

    [Fact]
    public void Repeated_values_and_a_long_constant_stretch_match_two_pass()
    {
        // Prices quantised to a cent repeat often; x is flat for 300 rows in the middle.
        var (x, y) = Noisy(3000, 100, _ => 0.05, seed: 9);
        for (int i = 0; i < x.Length; i++) (x[i], y[i]) = (Math.Round(x[i], 2), Math.Round(y[i], 2));
        for (int i = 1200; i < 1500; i++) x[i] = 100.0;
        const int window = 50;
        var rolling = new double[x.Length];
        RollingStatistics.Pearson(x, y, RollingWindow.OfObservations(window), rolling);
        for (int i = window - 1; i < x.Length; i++)
        {
            bool flat = x.AsSpan(i - window + 1, window).IndexOfAnyExcept(x[i]) < 0;
            if (flat) Assert.True(double.IsNaN(rolling[i]), $"window ending {i} is constant in x");
            else Assert.Equal(TwoPass(x, y, i - window + 1, i + 1), rolling[i], 1e-12);
        }
    }

    [Fact]
    public void Z_score_is_against_the_trailing_window_including_today()
    {
        double[] s = [1, 2, 3, 10];
        var z = new double[4];
        RollingStatistics.ZScore(s, RollingWindow.OfObservations(4), z);
        // mean 4, deviations −3, −2, −1, 6: sample sd √(50/3)
        Assert.Equal((10 - 4) / Math.Sqrt(50.0 / 3), z[3], 14);
        Assert.True(double.IsNaN(z[2]));
    }

    [Theory]
    [InlineData("90", 90, 0, 90)]
    [InlineData("90d", 0, 90, RollingWindow.DefaultCalendarMinCount)]
    [InlineData("20D", 0, 20, RollingWindow.DefaultCalendarMinCount)]
    public void Window_text_parses(string text, int observations, int days, int minCount)
    {
        var w = RollingWindow.Parse(text);
        Assert.Equal((observations, days, minCount), (w.Observations, w.CalendarDays, w.MinCount));
        Assert.Equal(text.ToLowerInvariant(), w.ToString());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("90w")]
    [InlineData("")]
    public void Bad_window_text_is_refused(string text) => Assert.Throws<FormatException>(() => RollingWindow.Parse(text));
}
