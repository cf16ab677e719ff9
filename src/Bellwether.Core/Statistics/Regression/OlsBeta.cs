using Bellwether.Core.Statistics.Rolling;

namespace Bellwether.Core.Statistics.Regression;

/// <summary>The OLS regression <c>y = α + β·x + ε</c> of one asset's returns on another's.</summary>
/// <param name="N">Pairs used.</param>
/// <param name="Beta">Slope: the move in y per unit move in x.</param>
/// <param name="BetaStandardError">Standard error of β, <c>√(s² / Σ(x − x̄)²)</c> with <c>s² = SSR / (n −
/// 2)</c>.</param>
/// <param name="Alpha">Intercept.</param>
/// <param name="RSquared">Share of y's variance explained (the squared correlation).</param>
/// <param name="PValue">Two-sided p-value of β = 0 (t-test, n − 2 df).</param>
public sealed record OlsBeta(int N, double Beta, double BetaStandardError, double Alpha, double RSquared, double PValue)
{
    /// <summary>
    /// Regresses <paramref name="y"/> on <paramref name="x"/>, skipping pairs with a NaN. NaN fields below three
    /// pairs (no residual degree of freedom) or when x is constant.
    /// </summary>
    public static OlsBeta Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var m = CoMoments.Of(x, y);
        if (m.Count < 3 || !(m.SumSqX > 0)) return new OlsBeta(m.Count, double.NaN, double.NaN, double.NaN, double.NaN,
            double.NaN);
        double beta = m.SumXY / m.SumSqX;
        double ssr = Math.Max(0, m.SumSqY - beta * m.SumXY);
        double se = Math.Sqrt(ssr / (m.Count - 2) / m.SumSqX);
        double r2 = m.SumSqY > 0 ? m.SumXY * m.SumXY / (m.SumSqX * m.SumSqY) : double.NaN;
        return new OlsBeta(m.Count, beta, se, m.MeanY - beta * m.MeanX, r2,
            Distributions.StudentTTwoSided(beta / se, m.Count - 2));
    }
}
