using Bellwether.Core.Statistics.Correlation;

namespace Bellwether.Core.Statistics.LeadLag;

/// <summary>The correlation of a with b shifted by <paramref name="Lag"/> rows.</summary>
/// <param name="Lag">Positive: a at t against b at t + lag (a leads b). Negative: b leads a. Zero:
/// contemporaneous.</param>
/// <param name="N">Overlapping pairs.</param>
/// <param name="Pearson">Pearson's r over the overlapping pairs (each side with its own mean, as pandas'
/// <c>a.corr(b.shift(-lag))</c>).</param>
/// <param name="PValue">Two-sided t-test p-value of r.</param>
public sealed record LagCorrelation(int Lag, int N, double Pearson, double PValue);

/// <summary>Cross-correlation of two aligned return series at lags −k..k.</summary>
public static class CrossCorrelation
{
    /// <summary>The correlation at every lag from −<paramref name="maxLag"/> to +<paramref name="maxLag"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLag"/> is negative.</exception>
    public static IReadOnlyList<LagCorrelation> Compute(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int maxLag)
    {
        if (maxLag < 0) throw new ArgumentOutOfRangeException(nameof(maxLag), maxLag, "must be at least 0");
        if (a.Length != b.Length) throw new ArgumentException($"a has {a.Length} values, b {b.Length}");
        var result = new List<LagCorrelation>(2 * maxLag + 1);
        for (int lag = -maxLag; lag <= maxLag; lag++)
        {
            int shift = Math.Abs(lag);
            int n = Math.Max(0, a.Length - shift);
            var x = n == 0 ? default : lag >= 0 ? a[..n] : a[shift..];
            var y = n == 0 ? default : lag >= 0 ? b[shift..] : b[..n];
            double r = Correlations.Pearson(x, y);
            result.Add(new LagCorrelation(lag, n, r, Distributions.CorrelationTwoSided(r, n)));
        }
        return result;
    }
}
