using Bellwether.Core.Statistics.Regression;

namespace Bellwether.Core.Statistics.LeadLag;

/// <summary>The lag order of a two-variable VAR chosen by Akaike's information criterion.</summary>
/// <param name="Order">The order with the least AIC (0 = no lag helps).</param>
/// <param name="Aic">AIC of orders 0..max lag, in order.</param>
/// <param name="N">Rows of the common sample every order is fitted on (total minus max lag).</param>
public sealed record VarLagSelection(int Order, double[] Aic, int N)
{
    /// <summary>
    /// Fits VAR(p) with a constant for p = 0..<paramref name="maxLag"/> on the same rows (the first max-lag rows serve
    /// only as lags) and takes the p minimising <c>AIC = ln det Σ̂ + 2·(4p + 2)/n</c>, Σ̂ the maximum-likelihood
    /// residual covariance (divided by n) — statsmodels' <c>VAR(data).select_order(maxlags).aic</c> with
    /// <c>trend="c"</c>. Ties go to the lower order.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">maxLag is below 1 or above (rows − 3) / 3, the largest order that
    /// can be estimated.</exception>
    public static VarLagSelection ByAic(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int maxLag)
    {
        if (a.Length != b.Length) throw new ArgumentException($"a has {a.Length} values, b {b.Length}");
        int largest = MaxEstimableLag(a.Length);
        if (maxLag < 1 || maxLag > largest)
            throw new ArgumentOutOfRangeException(nameof(maxLag), maxLag,
                $"with {a.Length} rows the lag order must be within 1..{largest}");
        int n = a.Length - maxLag;
        var ya = a[maxLag..].ToArray();
        var yb = b[maxLag..].ToArray();
        var aic = new double[maxLag + 1];
        for (int p = 0; p <= maxLag; p++)
        {
            var regressors = new List<double[]> { LeastSquaresFit.Ones(n) };
            regressors.AddRange(GrangerTest.LaggedColumns(a, p, maxLag));
            regressors.AddRange(GrangerTest.LaggedColumns(b, p, maxLag));
            var ea = Residuals(regressors, ya);
            var eb = Residuals(regressors, yb);
            double saa = Dot(ea, ea) / n, sbb = Dot(eb, eb) / n, sab = Dot(ea, eb) / n;
            aic[p] = Math.Log(saa * sbb - sab * sab) + 2.0 * (4 * p + 2) / n;
        }
        int best = 0;
        for (int p = 1; p <= maxLag; p++) if (aic[p] < aic[best]) best = p;
        return new VarLagSelection(best, aic, n);
    }

    /// <summary>The largest VAR order a two-variable sample of <paramref name="rows"/> rows can estimate: (rows − 3) /
    /// 3.</summary>
    public static int MaxEstimableLag(int rows) => Math.Max(0, (rows - 3) / 3);

    private static double[] Residuals(List<double[]> regressors, double[] y)
    {
        var fit = LeastSquaresFit.Fit(regressors, y);
        var residuals = (double[])y.Clone();
        for (int k = 0; k < regressors.Count; k++)
        {
            var column = regressors[k];
            double c = fit.Coefficients[k];
            for (int i = 0; i < residuals.Length; i++) residuals[i] -= c * column[i];
        }
        return residuals;
    }

    private static double Dot(double[] x, double[] y)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += x[i] * y[i];
        return s;
    }
}
