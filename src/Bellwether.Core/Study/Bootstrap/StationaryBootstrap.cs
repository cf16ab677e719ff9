namespace Bellwether.Core.Study.Bootstrap;

/// <summary>
/// The stationary bootstrap of Politis and Romano (1994) for "is the mean on event days different from the mean on
/// all days": the day-by-day series of (value, is-event) pairs is resampled in blocks that start at a uniform day
/// and run for a geometric number of days with mean L, wrapping around the end, until the resample has as many days
/// as the data. Keeping blocks of consecutive days keeps the serial dependence of overlapping forward returns.
/// </summary>
/// <remarks>
/// <para>Draw order, per resample, per block: the start (<see cref="SplitMix64.NextInt"/> of the day count), then the
/// length 1 + ⌊ln(1 − u) / ln(1 − 1/L)⌋ with u = <see cref="SplitMix64.NextDouble"/> (always 1 when L ≤ 1), cut
/// at the days still missing.</para>
/// <para>Each block adds its sums from prefix sums, so a resample costs one step per block, not per day.</para>
/// </remarks>
public static class StationaryBootstrap
{
    /// <summary>
    /// mean(value on event days) − mean(value on all days), with a percentile interval and a two-sided p-value for
    /// "no difference" from the centred bootstrap distribution. Days whose value is NaN count in neither mean.
    /// </summary>
    /// <param name="values">One value per day (NaN: none).</param>
    /// <param name="isEvent">Per day, whether it is an event day.</param>
    /// <param name="resamples">Number of resamples (B).</param>
    /// <param name="meanBlockLength">L, in days; at least 1.</param>
    /// <param name="rng">The generator (see <see cref="SplitMix64.Stream"/>).</param>
    /// <param name="confidence">Coverage of the interval, e.g. 0.95.</param>
    /// <returns>NaN estimate when there is no event value or no value at all.</returns>
    /// <exception cref="ArgumentException">Lengths differ, or B, L or the confidence is out of range.</exception>
    public static BootstrapResult EventMeanDifference(double[] values, bool[] isEvent, int resamples,
        double meanBlockLength, SplitMix64 rng, double confidence = 0.95)
    {
        if (values.Length != isEvent.Length) throw new ArgumentException("values and isEvent differ in length",
            nameof(isEvent));
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (!(meanBlockLength >= 1)) throw new ArgumentOutOfRangeException(nameof(meanBlockLength), meanBlockLength,
            "must be at least 1 day");
        if (!(confidence > 0 && confidence < 1)) throw new ArgumentOutOfRangeException(nameof(confidence), confidence,
            "must be in (0, 1)");

        int n = values.Length;
        var sum = new double[n + 1];
        var eventSum = new double[n + 1];
        var count = new int[n + 1];
        var eventCount = new int[n + 1];
        for (int t = 0; t < n; t++)
        {
            bool ok = !double.IsNaN(values[t]);
            double v = ok ? values[t] : 0;
            sum[t + 1] = sum[t] + v;
            count[t + 1] = count[t] + (ok ? 1 : 0);
            eventSum[t + 1] = eventSum[t] + (ok && isEvent[t] ? v : 0);
            eventCount[t + 1] = eventCount[t] + (ok && isEvent[t] ? 1 : 0);
        }
        if (n == 0 || count[n] == 0 || eventCount[n] == 0) return new BootstrapResult(double.NaN, double.NaN,
            double.NaN, double.NaN, 0, meanBlockLength);
        double estimate = eventSum[n] / eventCount[n] - sum[n] / count[n];

        double logStay = meanBlockLength <= 1 ? 0 : Math.Log(1 - 1 / meanBlockLength);
        var diffs = new double[resamples];
        int usable = 0;
        for (int b = 0; b < resamples; b++)
        {
            double s = 0, es = 0;
            int c = 0, ec = 0;
            for (int filled = 0; filled < n;)
            {
                int start = rng.NextInt(n);
                int length = logStay == 0 ? 1 : 1
                    + (int)Math.Min(n, Math.Floor(Math.Log(1 - rng.NextDouble()) / logStay));
                length = Math.Min(length, n - filled);
                filled += length;
                int end = start + length;
                if (end <= n)
                {
                    s += sum[end] - sum[start]; c += count[end] - count[start];
                    es += eventSum[end] - eventSum[start]; ec += eventCount[end] - eventCount[start];
                }
                else
                {
                    end -= n;
                    s += sum[n] - sum[start] + sum[end]; c += count[n] - count[start] + count[end];
                    es += eventSum[n] - eventSum[start] + eventSum[end]; ec += eventCount[n] - eventCount[start]
                        + eventCount[end];
                }
            }
            if (ec == 0 || c == 0) continue;
            diffs[usable++] = es / ec - s / c;
        }
        if (usable == 0) return new BootstrapResult(estimate, double.NaN, double.NaN, double.NaN, 0, meanBlockLength);

        var sorted = diffs.AsSpan(0, usable);
        sorted.Sort();
        int extreme = 0;
        foreach (double d in sorted)
            if (Math.Abs(d - estimate) >= Math.Abs(estimate)) extreme++;
        double alpha = 1 - confidence;
        return new BootstrapResult(estimate, Quantile(sorted, alpha / 2), Quantile(sorted, 1 - alpha / 2),
            (1.0 + extreme) / (usable + 1), usable, meanBlockLength);
    }

    /// <summary>The q-quantile of sorted values by linear interpolation between order statistics (numpy's
    /// default).</summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.Length == 0) return double.NaN;
        double h = (sorted.Length - 1) * q;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
