using MathNet.Numerics;

namespace Bellwether.Core.Statistics;

/// <summary>
/// Tail probabilities computed straight from the regularised incomplete beta function and erfc, never as
/// <c>1 − cdf</c>, so that tiny p-values keep their relative precision.
/// </summary>
public static class Distributions
{
    /// <summary>Two-sided p-value of Student's t statistic <paramref name="t"/> with <paramref name="df"/> degrees of
    /// freedom.</summary>
    public static double StudentTTwoSided(double t, double df)
    {
        if (double.IsNaN(t) || !(df > 0)) return double.NaN;
        if (double.IsInfinity(t)) return 0;
        return SpecialFunctions.BetaRegularized(df / 2, 0.5, df / (df + t * t));
    }

    /// <summary>
    /// Two-sided p-value of a correlation coefficient <paramref name="r"/> from <paramref name="n"/> pairs under the
    /// null of no correlation: the t-test <c>t = r √((n−2)/(1−r²))</c> with n − 2 degrees of freedom, written as
    /// <c>I_{1−r²}((n−2)/2, 1/2)</c>. NaN below three pairs.
    /// </summary>
    public static double CorrelationTwoSided(double r, int n)
    {
        if (double.IsNaN(r) || n < 3) return double.NaN;
        double oneMinusR2 = Math.Max(0, (1 - r) * (1 + r));
        return SpecialFunctions.BetaRegularized((n - 2) / 2.0, 0.5, oneMinusR2);
    }

    /// <summary>Two-sided p-value of a standard normal statistic: <c>2·P(Z &gt; |z|) = erfc(|z|/√2)</c>.</summary>
    public static double NormalTwoSided(double z) =>
        double.IsNaN(z) ? double.NaN : SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2));

    /// <summary>Upper tail <c>P(F &gt; f)</c> of Fisher's F distribution with (<paramref name="df1"/>,
    /// <paramref name="df2"/>) degrees of freedom.</summary>
    public static double FSurvival(double f, double df1, double df2)
    {
        if (double.IsNaN(f) || !(df1 > 0) || !(df2 > 0)) return double.NaN;
        if (f <= 0) return 1;
        if (double.IsPositiveInfinity(f)) return 0;
        return SpecialFunctions.BetaRegularized(df2 / 2, df1 / 2, df2 / (df2 + df1 * f));
    }

    /// <summary>The standard normal quantile for 97.5% (1.959963984540054…), for two-sided 95% intervals.</summary>
    public const double Normal975 = 1.959963984540054;
}
