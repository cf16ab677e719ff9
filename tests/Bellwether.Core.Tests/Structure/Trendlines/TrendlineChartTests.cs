using Bellwether.Core.Structure.Trendlines;
using Bellwether.TestSupport;
using ScottPlot;
using Xunit;
using static Bellwether.Core.Tests.Structure.StructureData;

namespace Bellwether.Core.Tests.Structure.Trendlines;

/// <summary>Draws the ETH/BTC trendlines of 2025 to <c>artifacts/structure/</c> (ignored by git) for a person to look at.</summary>
public class TrendlineChartTests(ITestOutputHelper output)
{
    [Fact]
    public void Eth_btc_2025_downtrend_line_is_found_and_drawn()
    {
        var series = EthBtc;
        var asOf = new DateOnly(2025, 12, 31);
        var resistance = TrendlineFinder.AsOf(series, asOf, TrendlineSide.Resistance, new());
        var support = TrendlineFinder.AsOf(series, asOf, TrendlineSide.Support, new());
        var line = resistance.Dominant;
        Assert.NotNull(line);
        Assert.True(line.SlopePctPerMonth < 0);
        Assert.Equal(2025, line.FirstAnchor.Date.Year);

        var plot = new Plot();
        int from = series.IndexOnOrBefore(new DateOnly(2025, 1, 1).AddDays(-1)) + 1, to = series.IndexOnOrBefore(asOf);
        var xs = Enumerable.Range(from, to - from + 1).Select(i => X(series.Dates[i])).ToArray();
        var ys = Enumerable.Range(from, to - from + 1).Select(i => series.Close[i]).ToArray();
        var closes = plot.Add.Scatter(xs, ys);
        closes.MarkerSize = 0;
        closes.LineWidth = 1.5f;
        closes.Color = Colors.SteelBlue;
        closes.LegendText = "ETH/BTC daily close";

        DrawLine(plot, line, asOf, Colors.Crimson, "dominant resistance");
        foreach (var other in resistance.Lines.Where(l => l != line)) DrawLine(plot, other, asOf, Colors.Orange, "later resistance");
        if (support.Dominant is { } s) DrawLine(plot, s, asOf, Colors.SeaGreen, "dominant support");

        var touches = plot.Add.Markers(line.Touches.Select(t => X(t.Date)).ToArray(), line.Touches.Select(t => t.Value).ToArray());
        touches.MarkerSize = 9;
        touches.Color = Colors.Crimson;
        touches.LegendText = $"touches ({line.Touches.Count})";
        if (line.Break is { } b)
        {
            var hit = plot.Add.Marker(X(b.Date), b.Close);
            hit.MarkerStyle.Shape = MarkerShape.FilledTriangleUp;
            hit.MarkerStyle.Size = 14;
            hit.Color = Colors.DarkGreen;
            hit.LegendText = $"break {b.Date:yyyy-MM-dd}";
        }
        plot.Axes.DateTimeTicksBottom();
        plot.Title($"ETH/BTC 2025: downtrend line from {line.FirstAnchor.Date:yyyy-MM-dd}, {line.SlopePctPerMonth:0.0}%/month, "
                   + (line.Break is { } br ? $"broken {br.Date:yyyy-MM-dd} after {line.DurationMonths:0.0} months" : "holding"));
        plot.YLabel("ETH per BTC");
        plot.ShowLegend(Alignment.UpperLeft);

        var folder = Path.Combine(TestSupport.Reference.RepoRoot, "artifacts", "structure");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "eth_btc_trendline_2025.png");
        plot.SavePng(path, 1400, 700);
        Assert.True(new FileInfo(path).Length > 20_000);
        output.WriteLine($"{path}: {line.FirstAnchor.Date:yyyy-MM-dd} {line.FirstAnchor.Value:0.00000} -> {line.LastAnchor.Date:yyyy-MM-dd} {line.LastAnchor.Value:0.00000}, "
                         + $"{line.SlopePctPerMonth:0.00}%/month, touches {line.Touches.Count}, break {line.Break?.Date:yyyy-MM-dd} close {line.Break?.Close:0.00000} line {line.Break?.LineValue:0.00000}");
    }

    private static double X(DateOnly d) => d.ToDateTime(TimeOnly.MinValue).ToOADate();

    /// <summary>The line is straight in log value, so it is drawn day by day from its first anchor to its end (or the as-of date).</summary>
    private static void DrawLine(Plot plot, Trendline line, DateOnly asOf, Color color, string label)
    {
        var days = Enumerable.Range(0, line.End.DayNumber - line.FirstAnchor.Date.DayNumber + 1 + (line.Break is null ? 0 : 10))
            .Select(k => line.FirstAnchor.Date.AddDays(k)).Where(d => d <= asOf).ToArray();
        var drawn = plot.Add.Scatter(days.Select(X).ToArray(), days.Select(line.ValueAt).ToArray());
        drawn.MarkerSize = 0;
        drawn.LineWidth = 2;
        drawn.Color = color;
        drawn.LinePattern = LinePattern.Dashed;
        drawn.LegendText = $"{label} {line.FirstAnchor.Date:MM-dd}→{line.LastAnchor.Date:MM-dd}";
    }
}
