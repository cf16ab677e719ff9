using Bellwether.Core.Statistics.Correlation;
using Xunit;

namespace Bellwether.Core.Tests.Statistics.Correlation;

public class CorrelationsTests
{
    [Fact]
    public void Ties_share_the_average_rank()
    {
        var ranks = new double[6];
        Ranks.Average([10, 20, 10, 30, 20, 10], ranks);
        Assert.Equal([2.0, 4.5, 2, 6, 4.5, 2], ranks);
    }

    [Fact]
    public void Kendall_tau_b_with_ties_matches_the_scipy_documentation_example()
    {
        // scipy.stats.kendalltau docs: x1 = [12, 2, 1, 12, 2], x2 = [1, 4, 7, 1, 0] → -0.47140452079103173, p 0.2827454599327748
        var (tau, p) = KendallTau.Compute([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]);
        Assert.Equal(-0.47140452079103173, tau, 14);
        Assert.Equal(0.2827454599327748, p, 12);
    }

    [Fact]
    public void Kendall_exact_p_value_counts_permutations()
    {
        // n = 4 in perfect order: 1 of 24 permutations has 0 inversions; two-sided p = 2/24.
        var (tau, p) = KendallTau.Compute([1, 2, 3, 4], [10, 20, 30, 40]);
        Assert.Equal(1.0, tau);
        Assert.Equal(2.0 / 24, p, 15);
        // One inversion: permutations of 4 with ≤ 1 inversion are 1 + 3 = 4, p = 8/24.
        Assert.Equal(8.0 / 24, KendallTau.Compute([1, 2, 3, 4], [10, 30, 20, 40]).PValue, 15);
    }

    [Fact]
    public void Too_little_data_gives_NaN()
    {
        var one = Correlations.Compute([1.0], [2.0]);
        Assert.Equal(1, one.N);
        Assert.True(double.IsNaN(one.Pearson) && double.IsNaN(one.Spearman) && double.IsNaN(one.Kendall) && double.IsNaN(one.PValue));
        var three = Correlations.Compute([1.0, 2, 4], [2.0, 1, 5]);
        Assert.False(double.IsNaN(three.PValue));
        Assert.True(double.IsNaN(three.Ci95Low), "the Fisher interval needs n > 3");
        var flat = Correlations.Compute([1.0, 1, 1, 1, 1], [1.0, 2, 3, 4, 5]);
        Assert.True(double.IsNaN(flat.Pearson) && double.IsNaN(flat.Kendall));
    }

    [Fact]
    public void NaN_pairs_are_left_out_and_not_counted()
    {
        var r = Correlations.Compute([1.0, 2, double.NaN, 4, 5], [2.0, 4, 6, double.NaN, 9]);
        Assert.Equal(3, r.N);
        Assert.Equal(Correlations.Pearson([1.0, 2, 5], [2.0, 4, 9]), r.Pearson, 15);
    }

    [Fact]
    public void Fisher_interval_brackets_r()
    {
        var (low, high) = Correlations.FisherInterval(0.5, 28);
        // atanh(0.5) = 0.549306…, ± 1.959964 / 5 → tanh(0.157313) and tanh(0.941299)
        Assert.Equal(Math.Tanh(Math.Atanh(0.5) - 1.959963984540054 / 5), low, 15);
        Assert.Equal(Math.Tanh(Math.Atanh(0.5) + 1.959963984540054 / 5), high, 15);
    }
}
