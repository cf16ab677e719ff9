namespace Bellwether.Core.Statistics.Correlation;

/// <summary>Ranking values for rank correlations.</summary>
public static class Ranks
{
    /// <summary>
    /// Writes the 1-based rank of each value into <paramref name="ranks"/>, tied values sharing the average of the
    /// ranks they span (scipy's <c>rankdata(method="average")</c>). Values must not be NaN.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="ranks"/> is shorter than
    /// <paramref name="values"/>.</exception>
    public static void Average(ReadOnlySpan<double> values, Span<double> ranks)
    {
        int n = values.Length;
        if (ranks.Length < n) throw new ArgumentException($"ranks holds {ranks.Length} values, {n} needed",
            nameof(ranks));
        var order = new int[n];
        var keys = values.ToArray();
        for (int i = 0; i < n; i++) order[i] = i;
        Array.Sort(keys, order);
        int start = 0;
        while (start < n)
        {
            int end = start + 1;
            while (end < n && keys[end] == keys[start]) end++;
            double rank = (start + end + 1) / 2.0; // mean of the 1-based ranks start+1..end
            for (int k = start; k < end; k++) ranks[order[k]] = rank;
            start = end;
        }
    }
}
