using Bellwether.Core.Statistics.CorrelationMatrix;
using Bellwether.Core.Statistics.Rolling;
using BenchmarkDotNet.Attributes;

namespace Bellwether.Bench;

/// <summary>Statistics entries: rolling Pearson of two long series, and a dense correlation matrix.</summary>
[MemoryDiagnoser]
public class StatisticsBenchmarks
{
    private double[] _x = [], _y = [], _rolling = [];
    private List<double[]> _universe = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        (_x, _y) = (new double[1_000_000], new double[1_000_000]);
        for (int i = 0; i < _x.Length; i++)
        {
            double common = Gaussian(random);
            _x[i] = common;
            _y[i] = 0.5 * common + Gaussian(random);
        }
        _rolling = new double[_x.Length];
        _universe = Enumerable.Range(0, 300).Select(_ => Enumerable.Range(0, 1000).Select(_ => Gaussian(random)).ToArray()).ToList();
    }

    private static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    /// <summary>Rolling Pearson, window 90, of two 1,000,000-point series (pandas: <c>x.rolling(90).corr(y)</c>).</summary>
    [Benchmark, BenchmarkCategory("rolling_corr_1m")]
    public double RollingPearson()
    {
        RollingStatistics.Pearson(_x, _y, RollingWindow.OfObservations(90), _rolling);
        return _rolling[^1];
    }

    /// <summary>The full 300 × 300 Pearson matrix of 300 series of 1,000 rows (numpy: <c>np.corrcoef</c>).</summary>
    [Benchmark, BenchmarkCategory("corr_matrix_300x1000")]
    public double CorrelationMatrix() => PearsonMatrix.Compute(_universe)[299][0];
}
