using Bellwether.Core.Statistics.Regression;

namespace Bellwether.Core.Statistics.LeadLag;

/// <summary>Cross-correlation, Granger causality in both directions and betas of two aligned return series.</summary>
public static class LeadLagAnalysis
{
    /// <summary>Analyses <paramref name="a"/> and <paramref name="b"/> (aligned returns, no NaN) up to
    /// <paramref name="maxLag"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">maxLag is below 1 or too large for the number of rows (see
    /// <see cref="VarLagSelection.MaxEstimableLag"/>).</exception>
    public static LeadLagResult Compute(string idA, ReadOnlySpan<double> a, string idB, ReadOnlySpan<double> b,
        int maxLag)
    {
        var selection = VarLagSelection.ByAic(a, b, maxLag);
        int tested = Math.Max(1, selection.Order);
        var byLag = new List<GrangerTest>(2 * maxLag);
        for (int lag = 1; lag <= maxLag; lag++)
        {
            byLag.Add(GrangerTest.Run(idA, a, idB, b, lag));
            byLag.Add(GrangerTest.Run(idB, b, idA, a, lag));
        }
        return new LeadLagResult(idA, idB, a.Length, CrossCorrelation.Compute(a, b, maxLag), selection, tested,
            byLag[2 * (tested - 1)], byLag[2 * (tested - 1) + 1], byLag, OlsBeta.Fit(a, b), OlsBeta.Fit(b, a));
    }
}
