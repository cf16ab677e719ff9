namespace Bellwether.Core.Statistics.Correlation;

/// <summary>
/// Kendall's tau-b with its two-sided p-value, in O(n log n) (Knight's algorithm: sort by x then y, count
/// discordant pairs as the swaps of a merge sort on y).
/// </summary>
/// <remarks>
/// The p-value follows scipy's <c>kendalltau(method="auto")</c>: without ties and with n ≤ 33 (or at most one
/// discordant or concordant pair) the exact null distribution of the number of inversions (Kendall 1970); otherwise
/// the normal approximation of concordant minus discordant pairs with the tie-corrected variance. NaN when n &lt; 2
/// or either side is constant.
/// </remarks>
public static class KendallTau
{
    /// <summary>Tau-b and its p-value for pairs without NaN.</summary>
    public static (double Tau, double PValue) Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException($"x has {x.Length} values, y {y.Length}");
        int n = x.Length;
        if (n < 2) return (double.NaN, double.NaN);

        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        var xs = x.ToArray();
        var ys = y.ToArray();
        Array.Sort(order, (a, b) => xs[a] != xs[b] ? xs[a].CompareTo(xs[b]) : ys[a].CompareTo(ys[b]));

        var sortedY = new double[n];
        for (int i = 0; i < n; i++) sortedY[i] = ys[order[i]];
        var (xTies, x0, x1) = TieSums(order.Select(i => xs[i]).ToArray());
        long jointTies = 0; // pairs tied in both x and y: adjacent after the lexicographic sort
        long run = 1;
        for (int i = 1; i <= n; i++)
        {
            if (i < n && xs[order[i]] == xs[order[i - 1]] && ys[order[i]] == ys[order[i - 1]]) run++;
            else
            {
                jointTies += run * (run - 1) / 2;
                run = 1;
            }
        }
        long discordant = MergeSortCountingSwaps(sortedY, new double[n], 0, n);
        var (yTies, y0, y1) = TieSums(sortedY); // sortedY is sorted now

        long total = (long)n * (n - 1) / 2;
        if (xTies == total || yTies == total) return (double.NaN, double.NaN);
        long concordantMinusDiscordant = total - xTies - yTies + jointTies - 2 * discordant;
        double tau = concordantMinusDiscordant / Math.Sqrt(total - xTies) / Math.Sqrt(total - yTies);
        tau = Math.Clamp(tau, -1.0, 1.0);

        double p;
        if (xTies == 0 && yTies == 0 && (n <= 33 || Math.Min(discordant, total - discordant) <= 1))
        {
            p = ExactPValue(n, total - discordant);
        }
        else
        {
            double m = n * (n - 1.0);
            double variance = (m * (2.0 * n + 5) - x1 - y1) / 18 + 2.0 * xTies * yTies / m + x0 * y0
                / (9 * m * (n - 2));
            p = Distributions.NormalTwoSided(concordantMinusDiscordant / Math.Sqrt(variance));
        }
        return (tau, p);
    }

    /// <summary>
    /// Two-sided exact p-value for <paramref name="concordant"/> concordant pairs among n untied values: twice the
    /// probability of at most <c>min(c, total − c)</c> inversions in a random permutation (Mahonian numbers).
    /// </summary>
    public static double ExactPValue(int n, long concordant)
    {
        long total = (long)n * (n - 1) / 2;
        int c = (int)Math.Min(concordant, total - concordant);
        if (n <= 2) return 1.0;
        if (4L * c == 2 * total) return 1.0; // c at the centre: everything is at least as extreme
        // counts[k] = number of permutations of j elements with k inversions (k ≤ c), built up j = 1..n; for large n
        // each step is divided by j to stay in range, which yields probabilities directly.
        bool scaled = n >= 171;
        var counts = new double[c + 1];
        counts[0] = scaled ? 0.5 : 1; // j = 2: one permutation with 0 inversions, one with 1
        if (c >= 1) counts[1] = counts[0];
        for (int j = 3; j <= n; j++)
        {
            // new[k] = Σ_{i=0..min(k, j−1)} old[k − i]: a running sum with the term j positions back removed.
            double running = 0;
            var next = new double[c + 1];
            for (int k = 0; k <= c; k++)
            {
                running += counts[k];
                if (k >= j) running -= counts[k - j];
                next[k] = scaled ? running / j : running;
            }
            counts = next;
        }
        double sum = 0;
        for (int k = 0; k <= c; k++) sum += counts[k];
        double p = scaled ? 2 * sum : 2 * sum / Factorial(n);
        return Math.Clamp(p, 0, 1);
    }

    private static double Factorial(int n)
    {
        double f = 1;
        for (int i = 2; i <= n; i++) f *= i;
        return f;
    }

    /// <summary>For a sorted array: Σ t(t−1)/2, Σ t(t−1)(t−2) and Σ t(t−1)(2t+5) over groups of t equal
    /// values.</summary>
    private static (long Pairs, double Cubic, double Variance) TieSums(double[] sorted)
    {
        long pairs = 0;
        double cubic = 0, variance = 0;
        int start = 0;
        while (start < sorted.Length)
        {
            int end = start + 1;
            while (end < sorted.Length && sorted[end] == sorted[start]) end++;
            long t = end - start;
            if (t > 1)
            {
                pairs += t * (t - 1) / 2;
                cubic += t * (t - 1.0) * (t - 2);
                variance += t * (t - 1.0) * (2 * t + 5);
            }
            start = end;
        }
        return (pairs, cubic, variance);
    }

    /// <summary>Sorts values[from..to) ascending and returns the number of strict inversions it removed.</summary>
    private static long MergeSortCountingSwaps(double[] values, double[] buffer, int from, int to)
    {
        if (to - from < 2) return 0;
        int mid = (from + to) / 2;
        long swaps = MergeSortCountingSwaps(values, buffer, from, mid)
            + MergeSortCountingSwaps(values, buffer, mid, to);
        int i = from, j = mid, k = from;
        while (i < mid && j < to)
        {
            if (values[j] < values[i])
            {
                swaps += mid - i; // values[j] jumps ahead of every remaining left value, each strictly greater
                buffer[k++] = values[j++];
            }
            else buffer[k++] = values[i++];
        }
        while (i < mid) buffer[k++] = values[i++];
        while (j < to) buffer[k++] = values[j++];
        Array.Copy(buffer, from, values, from, to - from);
        return swaps;
    }
}
