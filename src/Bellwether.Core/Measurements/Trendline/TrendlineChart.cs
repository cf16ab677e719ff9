using Bellwether.Core.Charts;
using Bellwether.Core.Series;
using Bellwether.Core.Structure.Trendlines;
using Bellwether.Core.Text;

namespace Bellwether.Core.Measurements.Trendline;

/// <summary>The trendline measurement's chart: a series with its dominant resistance and support lines.</summary>
public static class TrendlineChart
{
    /// <summary>A series (e.g. ETH/BTC) with its dominant resistance and support lines, anchors, touches and breaks.
    /// </summary>
    public static Chart Draw(DailySeries series, TrendlineReport resistance, TrendlineReport support, DateOnly asOf,
        int months = 12)
    {
        var shown = series.Between(asOf.AddMonths(-months), asOf);
        var chart = new Chart("chart-trendline", $"{series.Instrument.Id}: trendlines and breaks")
            .Line(series.Instrument.Id, shown.Dates, shown.Close, "#14213d");
        foreach (var (line, colour, name) in new[]
                 {
                     (resistance.Dominant, "#b42318", "downtrend line"), (support.Dominant, "#0a7a3d", "uptrend line"),
                 })
        {
            if (line is null) continue;
            var end = line.Break?.Date ?? asOf;
            chart.Segment(line.FirstAnchor.Date, line.FirstAnchor.Value, end, line.ValueAt(end), colour, "dash");
            chart.Markers($"{name} touches", line.Touches.Select(t => t.Date), line.Touches.Select(t => t.Value),
                line.Touches.Select(_ =>
                    $"{name}: {ValueText.Of(line.SlopePctPerMonth, ValueKind.Percent)} a month over " +
                    $"{line.DurationMonths:0.0} months"),
                colour);
            if (line.Break is { } b)
                chart.Markers($"{name} break", [b.Date], [b.Close],
                    [$"close {b.Close:G5} cleared the line at {b.LineValue:G5}"], colour, "star");
        }
        chart.Y = new ChartAxis("ratio (log scale)", Log: true);
        return chart;
    }
}
