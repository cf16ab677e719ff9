using Bellwether.Core.Backtest.Rotation;
using Bellwether.Core.Study.Basket;
using Bellwether.Core.Study.Events;
using Bellwether.Core.Study.EventStudy;
using Bellwether.Core.Study.Paths;
using Bellwether.Report.Charts;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Report.Tests.Charts;

public sealed class StudyChartsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-study-charts-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly HandMadeStudy Made = new(120);

    [Fact]
    public void Equity_and_forward_return_charts_carry_every_series_and_render()
    {
        var assets = Made.Assets();
        var report = Made.Backtest(assets);
        var equity = StudyCharts.EquityCurves(report);
        Assert.Equal(report.Strategies.Count, equity.Traces.Count);

        var study = EventStudy.Run(new HandMadeStudy.Fixed(10, 40, 100), assets.All, Made.Last, new EventStudyParameters([30], Resamples: 50));
        var forward = StudyCharts.ForwardReturnsByEvent(study, 30, AssetNames.Study);
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
