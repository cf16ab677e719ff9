using MathNet.Numerics.LinearAlgebra;

namespace Bellwether.Core.Statistics.Regression;

/// <summary>An ordinary least-squares fit.</summary>
/// <param name="Coefficients">One per regressor column, in the order given.</param>
/// <param name="SumSquaredResiduals">Σ (y − ŷ)².</param>
/// <param name="N">Observations.</param>
/// <param name="DfResidual">Observations minus regressors.</param>
public sealed record LeastSquaresFit(double[] Coefficients, double SumSquaredResiduals, int N, int DfResidual)
{
    /// <summary>
    /// Fits <paramref name="y"/> on the columns of <paramref name="regressors"/> (include a column of ones for an
    /// intercept) by Householder QR, which is accurate without forming XᵀX.
    /// </summary>
    /// <exception cref="ArgumentException">Columns differ in length from y, or there are no more rows than
    /// columns.</exception>
    public static LeastSquaresFit Fit(IReadOnlyList<double[]> regressors, double[] y)
    {
        int n = y.Length, k = regressors.Count;
        if (regressors.Any(c =>
            c.Length != n)) throw new ArgumentException("every regressor needs one value per observation",
            nameof(regressors));
        if (n <= k) throw new ArgumentException($"{n} observations cannot fit {k} coefficients with a residual",
            nameof(y));
        var x = Matrix<double>.Build.DenseOfColumnArrays(regressors);
        var target = Vector<double>.Build.DenseOfArray(y);
        var beta = x.QR().Solve(target);
        var residuals = target - x * beta;
        return new LeastSquaresFit(beta.ToArray(), residuals.DotProduct(residuals), n, n - k);
    }

    /// <summary>A column of <paramref name="n"/> ones, for the intercept.</summary>
    public static double[] Ones(int n)
    {
        var ones = new double[n];
        Array.Fill(ones, 1.0);
        return ones;
    }
}
