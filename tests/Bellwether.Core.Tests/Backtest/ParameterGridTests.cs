using Bellwether.Core.Backtest.Grid;
using Bellwether.Core.Backtest.Rotation;
using Bellwether.Core.Board;
using Bellwether.Core.Study.Basket;
using Bellwether.Core.Study.Paths;
using Bellwether.Core.Study.Readiness;
using Xunit;
using static Bellwether.Core.Tests.Study.Synthetic;

namespace Bellwether.Core.Tests.Backtest;

public class ParameterGridTests
{
    private const int Days = 60;

    private static SignalScores Scores(string id, string variant, double weight, Func<int, double> score) =>
        new(id, variant, weight, new SignalState[Days], [.. Enumerable.Range(0, Days).Select(score)], new bool[Days]);

    private static readonly ReadinessComponents Components = new(Day0, Days,
        [Scores("a", "", 2, d => d % 10 < 5 ? 1 : 0), Scores("b", "", 1, d => d < 3 ? double.NaN : 0.5)],
        [Scores("a", "k=1", 2, d => d % 10 < 5 ? 1 : 0), Scores("a", "k=2", 2, _ => 0)], MinMeasured: 0.5);

    private static StudyAssets Assets()
    {
        var rising = Prices("ALT_BASKET", [.. Enumerable.Range(0, Days).Select(d => 100 * Math.Pow(1.01, d) * (d % 3 == 0 ? 0.98 : 1))]);
        var btc = Prices("BTC", [.. Enumerable.Range(0, Days).Select(d => 100 + d % 4)]);
        var eth = Prices("ETH", [.. Enumerable.Range(0, Days).Select(d => 50 + d % 5)]);
        return new StudyAssets(btc, eth, new AltcoinBasketResult(new AltcoinBasketParameters(), rising, new int[Days], new int[Days], 0, 0), null,
            Levels("ALTSEASON", new double[Days]));
    }

    [Fact]
    public void Readiness_is_the_board_formula_over_signals_that_count()
    {
        var r = Components.Readiness();
        Assert.Equal(100, r.Values[0]);                  // only a counts (b is NaN): 2·1 / 2
        Assert.Equal(100 * (2 + 0.5) / 3, r.Values[3], 12);
        Assert.Equal(100 * 0.5 / 3, r.Values[5], 12);
        var swapped = Components.Readiness(new Dictionary<string, string> { ["a"] = "k=2" });
        Assert.Equal(100 * 0.5 / 3, swapped.Values[3], 12);
        Assert.Throws<ArgumentException>(() => Components.Readiness(new Dictionary<string, string> { ["a"] = "k=9" }));
    }

    [Fact]
    public void Every_point_equals_a_single_backtest_with_its_parameters()
    {
        var assets = Assets();
        var grid = new GridParameters([30, 50, 70], [new GridAxis(["a"], "k", ["1", "2"])]);
        var parameters = BacktestParameters.Default;
        var result = ParameterGrid.Run(Components, assets, grid, parameters);
        Assert.Equal(6, result.Points.Count);
        foreach (var p in result.Points)
        {
            var readiness = Components.Readiness(new Dictionary<string, string> { ["a"] = $"k={p.Variants["k"]}" });
            var single = Backtester.Run(readiness, assets, parameters with { Rotation = parameters.Rotation with { Threshold = p.Threshold } });
            var rotation = single.Strategies[0];
            Assert.Equal(rotation.InSample, p.InSample);
            Assert.Equal(rotation.OutOfSample, p.OutOfSample);
        }
        Assert.Equal(result.Points.Select(p => p.InSample.Sharpe).Max(), result.Points[result.BestInSample].InSample.Sharpe);
        Assert.InRange(result.BestInSampleOutOfSampleRank, 1, 6);
    }
}
