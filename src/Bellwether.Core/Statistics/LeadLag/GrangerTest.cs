using Bellwether.Core.Statistics.Regression;

namespace Bellwether.Core.Statistics.LeadLag;

/// <summary>
/// A Granger causality F-test: do <paramref name="Lag"/> past values of the cause improve the prediction of the
/// effect beyond the effect's own past?
/// </summary>
/// <param name="Cause">Id of the candidate cause.</param>
/// <param name="Effect">Id of the series predicted.</param>
/// <param name="Lag">Lags of each series in both regressions.</param>
/// <param name="F">The SSR-based F statistic <c>((SSR_r − SSR_u) / SSR_u) · df_den / lag</c>.</param>
/// <param name="DfNum">Numerator degrees of freedom (= lag).</param>
/// <param name="DfDen">Denominator degrees of freedom: <c>n − lag − (2·lag + 1)</c>.</param>
/// <param name="PValue">Upper tail of F(df_num, df_den) at <see cref="F"/>; small means the cause helps.</param>
public sealed record GrangerTest(string Cause, string Effect, int Lag, double F, int DfNum, int DfDen, double PValue)
{
    /// <summary>
    /// The test of <paramref name="cause"/> → <paramref name="effect"/> at <paramref name="lag"/>, built as
    /// statsmodels'
    /// <c>grangercausalitytests</c> (<c>ssr_ftest</c>): the first <paramref name="lag"/> rows are used only as lags;
    /// the restricted model regresses the effect on a constant and its own lags, the unrestricted one adds the
    /// cause's lags. NaN fields when there are too few rows (n ≤ 3·lag + 1) or the unrestricted fit is perfect.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lag"/> is below 1.</exception>
    public static GrangerTest Run(string causeId, ReadOnlySpan<double> cause, string effectId,
        ReadOnlySpan<double> effect, int lag)
    {
        if (lag < 1) throw new ArgumentOutOfRangeException(nameof(lag), lag, "a Granger test needs at least one lag");
        if (cause.Length != effect.Length) throw new ArgumentException(
            $"cause has {cause.Length} values, effect {effect.Length}");
        int n = effect.Length - lag;
        var failed = new GrangerTest(causeId, effectId, lag, double.NaN, lag, Math.Max(0, n - 2 * lag - 1), double.NaN);
        if (effect.Length <= 3 * lag + 1) return failed;

        var y = effect[lag..].ToArray();
        var own = LaggedColumns(effect, lag);
        var other = LaggedColumns(cause, lag);
        var ones = LeastSquaresFit.Ones(n);
        var restricted = LeastSquaresFit.Fit([.. own, ones], y);
        var unrestricted = LeastSquaresFit.Fit([.. own, .. other, ones], y);
        double tss = 0, mean = y.Average();
        foreach (var v in y) tss += (v - mean) * (v - mean);
        if (!(unrestricted.SumSquaredResiduals > 0) || unrestricted.SumSquaredResiduals / tss < MachineEpsilon)
            return failed; // a perfect fit leaves no residual to test against

        double f = (restricted.SumSquaredResiduals - unrestricted.SumSquaredResiduals)
            / unrestricted.SumSquaredResiduals / lag * unrestricted.DfResidual;
        return new GrangerTest(causeId, effectId, lag, f, lag, unrestricted.DfResidual,
            Distributions.FSurvival(f, lag, unrestricted.DfResidual));
    }

    private static readonly double MachineEpsilon = Math.BitIncrement(1.0) - 1.0;

    /// <summary>Columns <c>s[t − 1], …, s[t − lag]</c> for t = <paramref name="firstRow"/> (default: lag) to the
    /// end.</summary>
    internal static List<double[]> LaggedColumns(ReadOnlySpan<double> s, int lag, int firstRow = -1)
    {
        int start = firstRow < 0 ? lag : firstRow;
        var columns = new List<double[]>(lag);
        for (int l = 1; l <= lag; l++) columns.Add(s[(start - l)..(s.Length - l)].ToArray());
        return columns;
    }
}
