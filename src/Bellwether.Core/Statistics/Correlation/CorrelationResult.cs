namespace Bellwether.Core.Statistics.Correlation;

/// <summary>Pearson, Spearman and Kendall correlation of one sample of pairs, with their uncertainty.</summary>
/// <param name="N">Pairs used.</param>
/// <param name="Pearson">Pearson's r; NaN below two pairs or when a side is constant.</param>
/// <param name="PValue">Two-sided p-value of Pearson's r (t-test, n − 2 df); NaN below three pairs.</param>
/// <param name="Ci95Low">Lower end of the 95% interval of Pearson's r by Fisher's z (<c>tanh(atanh r ±
/// 1.96/√(n−3))</c>); NaN below four pairs.</param>
/// <param name="Ci95High">Upper end of that interval.</param>
/// <param name="Spearman">Spearman's rho (Pearson's r of average ranks).</param>
/// <param name="SpearmanPValue">Two-sided p-value of rho by the same t-test as Pearson's (scipy's
/// <c>spearmanr</c>).</param>
/// <param name="Kendall">Kendall's tau-b.</param>
/// <param name="KendallPValue">Two-sided p-value of tau-b (exact or normal, as scipy's <c>kendalltau</c>).</param>
public sealed record CorrelationResult(
    int N, double Pearson, double PValue, double Ci95Low, double Ci95High,
    double Spearman, double SpearmanPValue, double Kendall, double KendallPValue);
