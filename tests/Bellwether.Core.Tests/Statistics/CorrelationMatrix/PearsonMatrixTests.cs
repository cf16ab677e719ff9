using Bellwether.Core.Statistics.Alignment;
using Bellwether.Core.Statistics.CorrelationMatrix;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Statistics.CorrelationMatrix;

public class PearsonMatrixTests
{
    [Fact]
    public void Matches_numpy_corrcoef_on_real_returns()
    {
        string[] ids = ["RUT", "IWM", "BTC", "ETH", "SOL", "XRP", "DOGE", "ADA", "LINK"];
        var rows = ReturnAlignment.Align(ids.Select(RealPairs.Load).ToList(), new AlignmentOptions(DateOnly.Parse(RealPairs.Since)));
        var matrix = PearsonMatrix.Compute(rows.Columns);
        var e = RealPairs.RunReference("matrix_reference.py", [RealPairs.Since, "-", "daily", "log-returns", .. ids.Select(i => RealPairs.Files[i])]);
        Assert.Equal(e.GetProperty("n").GetInt32(), rows.Count);
        var expected = e.GetProperty("matrix").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        for (int i = 0; i < ids.Length; i++)
            for (int j = 0; j < ids.Length; j++)
                Agreement.Close(expected[i][j], matrix[i][j], Agreement.Coefficient, $"r({ids[i]}, {ids[j]})");
    }

    [Fact]
    public void Agrees_with_pairwise_pearson_for_any_number_of_series_and_rows()
    {
        var random = new Random(7);
        foreach (var (k, t) in new[] { (1, 5), (5, 3), (9, 1001), (13, 37) })
        {
            var series = Enumerable.Range(0, k).Select(_ => Enumerable.Range(0, t).Select(_ => random.NextDouble() * 100 + 1e6).ToArray()).ToList();
            var matrix = PearsonMatrix.Compute(series);
            for (int i = 0; i < k; i++)
                for (int j = 0; j < k; j++)
                    Assert.Equal(i == j ? 1.0 : Core.Statistics.Correlation.Correlations.Pearson(series[i], series[j]), matrix[i][j], 1e-12);
        }
    }

    [Fact]
    public void A_constant_or_NaN_series_has_NaN_correlations()
    {
        double[] good = [1, 2, 3, 5], flat = [4, 4, 4, 4], gap = [1, double.NaN, 2, 3];
        var m = PearsonMatrix.Compute([good, flat, gap]);
        Assert.Equal(1.0, m[0][0]);
        Assert.All(new[] { m[0][1], m[1][0], m[1][1], m[0][2], m[2][2], m[1][2] }, v => Assert.True(double.IsNaN(v)));
    }
}
