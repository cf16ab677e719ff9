using Bellwether.Core.Statistics.Rolling;

namespace Bellwether.Core.Statistics.Correlation;

/// <summary>Correlation of two samples over a whole period.</summary>
/// <remarks>
/// Pairs in which either value is NaN are left out and not counted in n. Too little data gives NaN, never an
/// exception: every coefficient needs two pairs and a non-constant side, p-values need three, the interval four.
/// </remarks>
public static class Correlations
{
    /// <summary>Pearson's r by the corrected two-pass algorithm (exact to rounding for prices far from zero).</summary>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => CoMoments.Of(x, y).Correlation;

    /// <summary>Spearman's rho: Pearson's r of the average ranks.</summary>
    public static double Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var (cx, cy) = Complete(x, y);
        if (cx.Length < 2) return double.NaN;
        var rx = new double[cx.Length];
        var ry = new double[cy.Length];
        Ranks.Average(cx, rx);
        Ranks.Average(cy, ry);
        return Pearson(rx, ry);
    }

    /// <summary>Kendall's tau-b.</summary>
    public static double Kendall(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var (cx, cy) = Complete(x, y);
        return KendallTau.Compute(cx, cy).Tau;
    }

    /// <summary>All three coefficients with n, p-values and the Fisher-z 95% interval of Pearson's r.</summary>
    public static CorrelationResult Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var (cx, cy) = Complete(x, y);
        int n = cx.Length;
        double pearson = Pearson(cx, cy);
        var (low, high) = FisherInterval(pearson, n);
        double spearman = Spearman(cx, cy);
        var (kendall, kendallP) = KendallTau.Compute(cx, cy);
        return new CorrelationResult(n, pearson, Distributions.CorrelationTwoSided(pearson, n), low, high,
            spearman, Distributions.CorrelationTwoSided(spearman, n), kendall, kendallP);
    }

    /// <summary>
    /// The two-sided 95% interval of a Pearson correlation <paramref name="r"/> from <paramref name="n"/> pairs by
    /// Fisher's z transform; NaN below four pairs.
    /// </summary>
    public static (double Low, double High) FisherInterval(double r, int n)
    {
        if (double.IsNaN(r) || n < 4) return (double.NaN, double.NaN);
        double z = Math.Atanh(r);
        double h = Distributions.Normal975 / Math.Sqrt(n - 3);
        return (Math.Tanh(z - h), Math.Tanh(z + h));
    }

    /// <summary>The pairs where neither value is NaN (the inputs themselves when there is no NaN).</summary>
    private static (double[] X, double[] Y) Complete(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException($"x has {x.Length} values, y {y.Length}");
        int valid = 0;
        for (int i = 0; i < x.Length; i++) if (!double.IsNaN(x[i]) && !double.IsNaN(y[i])) valid++;
        var cx = new double[valid];
        var cy = new double[valid];
        for (int i = 0, k = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i])) continue;
            cx[k] = x[i];
            cy[k++] = y[i];
        }
        return (cx, cy);
    }
}
