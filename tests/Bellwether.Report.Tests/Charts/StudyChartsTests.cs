using Bellwether.Core.Backtest.Rotation;
using Bellwether.Core.Study.Basket;
using Bellwether.Core.Study.EventStudy;
using Bellwether.Core.Study.Events;
using Bellwether.Core.Study.Paths;
using Bellwether.Report.Charts;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Report.Tests.Charts;

public sealed class StudyChartsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-study-charts-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly DateOnly Day0 = new(2024, 1, 1);
    private const int Days = 120;

    private static CalendarPath Path(string id, Func<int, double> f, PathMeasure m = PathMeasure.Return) =>
        new(id, "USD", m, Day0, [.. Enumerable.Range(0, Days).Select(f)]);

    private static StudyAssets Assets() => new(
        Path("BTC", d => 100 + d), Path("ETH", d => 50 + d % 7),
        new AltcoinBasketResult(new AltcoinBasketParameters(), Path(AltcoinBasket.Id, d => 100 * Math.Pow(1.005, d)), new int[Days], new int[Days], 0, 0),
        Path("ETH/BTC", d => 0.05), Path(StudyAssets.AltSeasonId, d => d % 100, PathMeasure.Change));

    private sealed class Fixed : IEventSource
    {
        public string Id => "fixed";
        public string Description => "fixed event";
        public IReadOnlyList<StudyEvent> Events(DateOnly asOf) => [new(Id, Day0.AddDays(10), "a"), new(Id, Day0.AddDays(40), "b"), new(Id, Day0.AddDays(100), "c")];
    }

    [Fact]
    public void Equity_and_forward_return_charts_carry_every_series_and_render()
    {
        var assets = Assets();
        var report = Backtester.Run(Path("R", d => d % 20 < 10 ? 80 : 20, PathMeasure.Change), assets, BacktestParameters.Default);
        var equity = StudyCharts.EquityCurves(report);
        Assert.Equal(report.Strategies.Count, equity.Traces.Count);

        var study = EventStudy.Run(new Fixed(), assets.All, Day0.AddDays(Days - 1), new EventStudyParameters([30], Resamples: 50));
        var forward = StudyCharts.ForwardReturnsByEvent(study, 30);
        var traces = forward.Traces.Cast<Dictionary<string, object?>>().ToList();
        Assert.Equal(5, traces.Count(t => (string?)t["type"] == "bar"));                 // one bar series per asset
        Assert.Equal(study.Summaries.Count(s => s.Asset != StudyAssets.AltSeasonId && !double.IsNaN(s.BaselineMean)),
            traces.Count(t => (string?)t["type"] == "scatter"));                             // an all-days line per return asset
        Assert.Contains("2024-01-11", forward.ToJson());  // the first event; the last has no 30-day window and no bar
        Assert.DoesNotContain("2024-04-10", forward.ToJson());

        var file = System.IO.Path.Combine(_dir, "study.html");
        File.WriteAllText(file, new HtmlPage("Study", "charts").Chart(equity).Chart(forward).Render());
        var load = HeadlessChromium.Load(file);
        Assert.Empty(load.ConsoleErrors);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(load.Dom, "data-rendered=\"true\""));
    }
}
