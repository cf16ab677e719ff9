using System.Globalization;
using System.Text.Json;
using Bellwether.Core.Backtest.Metrics;
using Bellwether.Core.Backtest.Rotation;
using Bellwether.Core.Study.Paths;
using Bellwether.Core.Tests.Statistics;
using Bellwether.Core.Tests.Study;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Backtest;

/// <summary>
/// The rotation and its benchmarks on the real prices against tests/reference/backtest.py (pandas, raw CSV files,
/// its own basket): every daily return and every metric. The signal here is any real 0–100 series (the Altcoin
/// Season Index itself); the board's readiness is checked the same way in ReadinessRealDataTests.
/// </summary>
public class BacktestRealDataTests
{
    internal static void AssertMatchesReference(CalendarPath readiness, BacktestParameters parameters)
    {
        var report = Backtester.Run(readiness, StudyData.Assets, parameters);
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, Enumerable.Range(0, readiness.Count).Select(i =>
                $"{readiness.First.AddDays(i):yyyy-MM-dd},{(double.IsNaN(readiness.Values[i]) ? "" : readiness.Values[i].ToString("R", CultureInfo.InvariantCulture))}"));
            var r = parameters.Rotation;
            var expected = JsonDocument.Parse(Reference.Run("backtest.py", RealData.Folder, file, Day(report.From), Day(report.To), Day(report.Split),
                "--threshold", Num(r.Threshold), "--fallback", r.Fallback == RotationFallback.Bitcoin ? "bitcoin" : "cash",
                "--commission", Num(r.CommissionBp), "--slippage", Num(r.SlippageBp))).RootElement;
            Assert.Equal(5, report.Strategies.Count);
            foreach (var s in report.Strategies)
            {
                var e = expected.GetProperty(s.Id);
                var returns = RelativeAssert.Numbers(e.GetProperty("returns"));
                Assert.Equal(returns.Length, s.Run.Days);
                for (int i = 0; i < returns.Length; i++) RelativeAssert.Equal(returns[i], s.Run.Returns[i], $"{s.Id} return on {s.Run.Date(i)}", 1e-10);
                Same(e.GetProperty("full"), s.Full, s.Id + " full");
                Same(e.GetProperty("in_sample"), s.InSample, s.Id + " in-sample");
                Same(e.GetProperty("out_of_sample"), s.OutOfSample, s.Id + " out-of-sample");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void Same(JsonElement e, PerformanceMetrics m, string what)
    {
        RelativeAssert.Equal(e.GetProperty("total_return").GetDouble(), m.TotalReturn, what + " total", 1e-8);
        RelativeAssert.Equal(e.GetProperty("cagr").GetDouble(), m.Cagr, what + " cagr", 1e-8);
        RelativeAssert.Equal(e.GetProperty("volatility").GetDouble(), m.Volatility, what + " volatility", 1e-8);
        RelativeAssert.Equal(e.GetProperty("sharpe").GetDouble(), m.Sharpe, what + " sharpe", 1e-8);
        RelativeAssert.Equal(e.GetProperty("sortino").GetDouble(), m.Sortino, what + " sortino", 1e-8);
        RelativeAssert.Equal(e.GetProperty("max_drawdown").GetDouble(), m.MaxDrawdown, what + " max drawdown", 1e-8);
        RelativeAssert.Equal(e.GetProperty("turnover").GetDouble(), m.Turnover, what + " turnover", 1e-8);
        RelativeAssert.Equal(e.GetProperty("time_in_market").GetDouble(), m.TimeInMarket, what + " time in market");
        RelativeAssert.Equal(RelativeAssert.Number(e.GetProperty("time_in_basket")), m.TimeInBasket, what + " time in basket");
        Assert.Equal(e.GetProperty("trades").GetInt32(), m.Trades);
        Assert.Equal(e.GetProperty("days").GetInt32(), m.Days);
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Num(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    [Fact]
    public void Rotation_on_a_real_signal_and_benchmarks_match_pandas() =>
        AssertMatchesReference(StudyData.Assets.AltSeason, BacktestParameters.Default with { Rotation = new RotationParameters(50) });

    [Fact]
    public void Cash_fallback_and_other_costs_match_pandas() =>
        AssertMatchesReference(StudyData.Assets.AltSeason, BacktestParameters.Default with { Rotation = new RotationParameters(70, RotationFallback.Cash, 5, 25) });
}
