using Bellwether.Core.Backtest.Metrics;
using Bellwether.Core.Backtest.Portfolio;
using Bellwether.Core.Backtest.Rotation;
using Bellwether.Core.Study.Paths;
using Xunit;
using static Bellwether.Core.Tests.Study.Synthetic;

namespace Bellwether.Core.Tests.Backtest;

public class PortfolioSimulatorTests
{
    private static readonly double NaN = double.NaN;

    [Fact]
    public void A_switch_pays_both_sides_and_a_move_to_cash_one()
    {
        var a = Prices("A", 100, 110, 110, 110);
        var b = Prices("B", 50, 50, 60, 60);
        // Close of day 1: switch A → B (2 × 50 bp); close of day 2: B → cash (1 × 50 bp).
        var run = PortfolioSimulator.Run([a, b], Day0, Day0.AddDays(3), [1, 0],
            (i, _) => i == 1 ? [0, 1] : i == 2 ? [0, 0] : null, 50);
        Assert.Equal(1.10 * (1 - 0.01), run.Equity[1], 12);
        Assert.Equal(1.10 * 0.99 * 1.2 * (1 - 0.005), run.Equity[2], 12);
        Assert.Equal(run.Equity[2], run.Equity[3], 12);
        Assert.Equal([0, 1, 1, 0], run.Traded);
        Assert.Equal([0.0, 1.0], run.Weights(2).ToArray());
        Assert.Equal(run.Equity[2] / run.Equity[1] - 1, run.Returns[2], 12);
    }

    [Fact]
    public void Weights_drift_between_rebalances()
    {
        var a = Prices("A", 100, 200, 200);
        var b = Prices("B", 100, 100, 100);
        var run = PortfolioSimulator.Run([a, b], Day0, Day0.AddDays(2), [0.5, 0.5], (i, _) => i == 1 ? [0.5, 0.5] : null, 100);
        Assert.Equal(1.5, run.Equity[1] / (1 - (1.0 / 6 + 1.0 / 6) * 0.01), 12); // drifted 2/3, 1/3 → 1/2, 1/2 trades 1/6 each way
        Assert.Equal(2.0 / 3, run.Weights(2)[0] + 1.0 / 6, 12);
        Assert.Equal(1.0 / 6, run.Traded[1], 12);
    }

    [Fact]
    public void A_missing_close_is_no_move_that_day_and_counted()
    {
        var a = Prices("A", 100, NaN, 120);
        var run = PortfolioSimulator.Run([a], Day0, Day0.AddDays(2), [1], (_, _) => null, 0);
        Assert.Equal([1, 1, 1.2], run.Equity.Select(x => Math.Round(x, 12)));
        Assert.Equal(1, run.UnpricedDays);
    }

    [Fact]
    public void The_rotation_trades_at_the_close_after_the_signal()
    {
        var basket = Prices("ALT", 100, 100, 100, 100, 200, 200);
        var btc = Prices("BTC", 100, 100, 100, 100, 100, 100);
        var readiness = Levels("R", 0, 0, 80, 80, 80, 80); // reaches θ on day 2
        var run = RotationBacktest.Run(readiness, basket, btc, Day0.AddDays(1), Day0.AddDays(5), new RotationParameters(60, CommissionBp: 0, SlippageBp: 0));
        // Day 2's signal is traded at day 3's close, so the basket's doubling on day 4 is caught …
        Assert.Equal([1, 1, 1, 2, 2], run.Equity);
        Assert.Equal([0.0, 1.0], run.Weights(2).ToArray()); // day 3 (index 2) was still held in Bitcoin
        Assert.Equal([1.0, 0.0], run.Weights(3).ToArray());
        // … and a signal on day 3 would not have been.
        var late = RotationBacktest.Run(Levels("R", 0, 0, 0, 80, 80, 80), basket, btc, Day0.AddDays(1), Day0.AddDays(5), new RotationParameters(60, CommissionBp: 0, SlippageBp: 0));
        Assert.Equal(1, late.Equity[3]);
        Assert.Equal(1, late.Equity[4]);
    }

    [Fact]
    public void Unknown_readiness_never_buys_the_basket()
    {
        var run = RotationBacktest.Run(Levels("R", NaN, NaN, NaN), Prices("ALT", 1, 2, 4), Prices("BTC", 1, 1, 1), Day0, Day0.AddDays(2),
            new RotationParameters(0, RotationFallback.Cash));
        for (int i = 1; i < run.Days; i++) Assert.Equal([0.0, 0.0], run.Weights(i).ToArray());
    }

    [Fact]
    public void Half_half_resets_at_each_month_end()
    {
        var start = new DateOnly(2024, 1, 30);
        var a = new CalendarPath("A", "USD", PathMeasure.Return, start, [100, 200, 200, 200]);
        var b = new CalendarPath("B", "USD", PathMeasure.Return, start, [100, 100, 100, 100]);
        var run = Benchmarks.HalfHalfMonthly(a, b, start, start.AddDays(3), 0);
        Assert.Equal([0, Math.Round(1.0 / 6, 12), 0, 0], run.Traded.Select(x => Math.Round(x, 12)));  // Jan 31 is the only month end
    }

    [Fact]
    public void Metrics_by_hand()
    {
        // Returns +10%, −10%, +10% over 3 days.
        var run = PortfolioSimulator.Run([Prices("A", 100, 110, 99, 108.9)], Day0, Day0.AddDays(3), [1], (_, _) => null, 0);
        var m = Performance.Of(run, 0, 3, -1);
        double[] r = [0.1, -0.1, 0.1];
        double mean = r.Average(), sd = Math.Sqrt(r.Sum(x => (x - mean) * (x - mean)) / 2);
        Assert.Equal(0.089, m.TotalReturn, 12);
        Assert.Equal(1, m.Cagr / (Math.Pow(1.089, 365.25 / 3) - 1), 12);
        Assert.Equal(sd * Math.Sqrt(365), m.Volatility, 12);
        Assert.Equal(mean / sd * Math.Sqrt(365), m.Sharpe, 12);
        Assert.Equal(mean / Math.Sqrt(0.01 / 3) * Math.Sqrt(365), m.Sortino, 12);
        Assert.Equal(-0.1, m.MaxDrawdown, 12);
        Assert.Equal((1.0, 0, 3), (m.TimeInMarket, m.Trades, m.Days));
        Assert.True(double.IsNaN(m.TimeInBasket));
    }
}
