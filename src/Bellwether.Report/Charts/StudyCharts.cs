using Bellwether.Core.Backtest.Rotation;
using Bellwether.Core.Study.EventStudy;
using Bellwether.Core.Study.Paths;
using Bellwether.Core.Text;

namespace Bellwether.Report.Charts;

/// <summary>Charts of the event study and the backtest (docs/study.md).</summary>
public static class StudyCharts
{
    private static readonly Dictionary<string, string> Colours = new()
    {
        ["rotation"] = "#14213d", ["btc"] = "#f59e0b", ["eth"] = "#6366f1", ["basket"] = "#0a7a3d",
        ["btc_eth_50_50"] = "#9ca3af",
        ["BTC"] = "#f59e0b", ["ETH"] = "#6366f1", ["ALT_BASKET"] = "#0a7a3d", ["ETH/BTC"] = "#b42318",
        [StudyAssets.AltSeasonId] = "#9ca3af",
    };

    private static string Colour(string id) => Colours.GetValueOrDefault(id, "#555555");

    /// <summary>
    /// Equity of the rotation and each benchmark (log scale, 1 at the start), with the in-/out-of-sample split marked.
    /// </summary>
    public static Figure EquityCurves(BacktestReport report)
    {
        var figure = new Figure("chart-equity",
            $"Rotation vs buy-and-hold, {report.From:yyyy-MM-dd} to {report.To:yyyy-MM-dd} (equity, log scale)");
        foreach (var s in report.Strategies)
            figure.Line(s.Id == "rotation" ? $"{s.Label} (θ = {report.Parameters.Rotation.Threshold:0.#})"
                    : s.Label,
                Enumerable.Range(0, s.Run.Days).Select(s.Run.Date), s.Run.Equity, Colour(s.Id),
                width: s.Id == "rotation" ? 2.4 : 1.4);
        figure.Shapes.Add(new
        {
            type = "line", x0 = report.Split, x1 = report.Split, yref = "paper", y0 = 0, y1 = 1,
            line = new { color = "#6b7280", dash = "dot", width = 1.2 }
        });
        figure.Annotations.Add(new
        {
            x = report.Split, yref = "paper", y = 1, text = "out of sample →",
            showarrow = false, xanchor = "left", yanchor = "top", font = new { size = 11, color = "#6b7280" }
        });
        figure.Layout["yaxis"] = Figure.LogAxis(report.Strategies.SelectMany(s => s.Run.Equity), "equity (start = 1)");
        return figure;
    }

    /// <summary>
    /// What each asset did in the <paramref name="days"/> after each event, as bars per event (percent; the Altcoin
    /// Season Index's change in points on a second axis), with each asset's mean over all days as a dotted line.
    /// Events whose window has not ended, or before the assets existed, have no bar. The legend names the assets by
    /// <paramref name="names"/>.
    /// </summary>
    public static Figure ForwardReturnsByEvent(EventStudyResult result, int days, AssetNames names)
    {
        var figure = new Figure($"chart-study-{days}", $"After each {result.SourceDescription}: the next {days} days");
        var events = result.Events.Where(e => e.Forward.Any(f => f.Days == days && !double.IsNaN(f.Value))).ToList();
        var assets = result.Summaries.Select(s => s.Asset).Distinct();
        var (percent, points) = (new List<double>(), new List<double>());
        foreach (var asset in assets)
        {
            var values = events.Select(e => e.Forward.First(f => f.Asset == asset && f.Days == days).Value).ToList();
            bool level = asset == StudyAssets.AltSeasonId;
            (level ? points : percent).AddRange(values.Select(v => level ? v : 100 * v));
            figure.Traces.Add(new Dictionary<string, object?>
            {
                ["type"] = "bar", ["name"] = level ? $"{names.Label(asset)} (points, right axis)"
                    : $"{names.Label(asset)}, %",
                ["x"] = events.Select(e => e.Event.Date.ToString("yyyy-MM-dd")).ToArray(),
                ["y"] = values.Select(v => double.IsNaN(v) ? (double?)null : level ? v : 100 * v).ToArray(),
                ["marker"] = new { color = Colour(asset) }, ["yaxis"] = level ? "y2" : "y", ["offsetgroup"] = asset,
            });
        }
        // Each asset's all-days mean as a dotted line across the events, named in the legend (labels at the edge would
        // overlap).
        var summary = result.Summaries.Where(s => s.Days == days && s.Asset != StudyAssets.AltSeasonId
            && !double.IsNaN(s.BaselineMean));
        var categories = events.Select(e => e.Event.Date.ToString("yyyy-MM-dd")).ToArray();
        if (categories.Length > 0)
            foreach (var s in summary)
                figure.Traces.Add(new Dictionary<string, object?>
                {
                    ["type"] = "scatter", ["mode"] = "lines",
                    ["name"] =
                        $"{names.Label(s.Asset)}: all days {ValueText.Of(s.BaselineMean, ValueKind.Return)}",
                    ["x"] = categories, ["y"] = categories.Select(_ => 100 * s.BaselineMean).ToArray(),
                    ["line"] = new { color = Colour(s.Asset), dash = "dot", width = 1.2 }, ["hoverinfo"] = "name",
                });
        figure.Layout["barmode"] = "group";
        figure.Layout["xaxis"] = new { type = "category" }; // the event dates; a title would sit on the legend
        percent.AddRange(summary.Select(s => 100 * s.BaselineMean));
        // Zero at one height on both axes, so the index's bars stand on the same line as the returns'.
        var (left, right) = Figure.ZeroAlignedRanges(percent, points);
        figure.Layout["yaxis"] = new { title = new { text = $"{days}-day return, %" }, range = left };
        if (points.Count > 0)
            figure.Layout["yaxis2"] = new
            {
                title = new { text = "index change, points" }, overlaying = "y", side = "right", showgrid = false,
                zeroline = false,
                range = right,
            };
        return figure;
    }
}
