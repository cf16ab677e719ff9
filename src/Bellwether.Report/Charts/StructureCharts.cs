using Bellwether.Core.Series;
using Bellwether.Core.Structure.Breakout;
using Bellwether.Core.Structure.Trendlines;
using Bellwether.Core.Text;

namespace Bellwether.Report.Charts;

/// <summary>Charts of market structure: resistance breakouts and trendline breaks.</summary>
public static class StructureCharts
{
    /// <summary>
    /// An index with its multi-year-high resistance levels and the dated breakout, confirmation, retest and failure
    /// markers, over the last <paramref name="years"/> years before <paramref name="asOf"/>.
    /// </summary>
    public static Figure Breakout(DailySeries series, BreakoutReport report, DateOnly asOf, int years = 7)
    {
        var shown = series.Between(asOf.AddYears(-years), asOf);
        var figure = new Figure("chart-breakout", $"{series.Instrument.Id}: long-term resistance and breakouts")
            .Line($"{series.Instrument.Id} close", shown.Dates, shown.Close, "#14213d");
        foreach (var level in report.Levels.Where(l => l.Kind == LevelKind.MultiYearHigh))
        {
            var state = System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(level.State.ToString());
            // Labelled at the left, on two lines (a phone's chart is narrow): the price ends above a level it broke,
            // over the label's usual place.
            figure.HLine(level.Price, "#b42318",
                $"resistance {ValueText.Number(level.Price, "#,##0.00")} ({level.FirstTouch:yyyy-MM-dd})<br>{state} since {level.Since:yyyy-MM-dd}",
                labelLeft: true);
        }
        // Only the long-term level's events: pivot-zone events would bury them.
        var events = report.Events.Where(e => e.Kind == LevelKind.MultiYearHigh && e.Date >= shown.Dates.FirstOrDefault()).ToList();
        foreach (var group in events.GroupBy(e => e.Type))
            figure.Markers(group.Key.ToString().ToLowerInvariant(), group.Select(e => e.Date), group.Select(e => e.Close),
                group.Select(e => $"{group.Key} of {e.Level:0.00} (high of {e.LevelDate:yyyy-MM-dd})"), EventColour(group.Key), EventSymbol(group.Key));
        figure.Layout["yaxis"] = new { title = new { text = "index points" } };
        return figure;
    }

    /// <summary>A series (e.g. ETH/BTC) with its dominant resistance and support lines, anchors, touches and breaks.</summary>
    public static Figure Trendline(DailySeries series, TrendlineReport resistance, TrendlineReport support, DateOnly asOf, int months = 12)
    {
        var shown = series.Between(asOf.AddMonths(-months), asOf);
        var figure = new Figure("chart-trendline", $"{series.Instrument.Id}: trendlines and breaks")
            .Line(series.Instrument.Id, shown.Dates, shown.Close, "#14213d");
        foreach (var (line, colour, name) in new[] { (resistance.Dominant, "#b42318", "downtrend line"), (support.Dominant, "#0a7a3d", "uptrend line") })
        {
            if (line is null) continue;
            var end = line.Break?.Date ?? asOf;
            figure.Segment(line.FirstAnchor.Date, line.FirstAnchor.Value, end, line.ValueAt(end), colour, "dash");
            figure.Markers($"{name} touches", line.Touches.Select(t => t.Date), line.Touches.Select(t => t.Value),
                line.Touches.Select(_ => $"{name}: {ValueText.Of(line.SlopePctPerMonth, ValueKind.Percent)} a month over {line.DurationMonths:0.0} months"), colour);
            if (line.Break is { } b)
                figure.Markers($"{name} break", [b.Date], [b.Close], [$"close {b.Close:G5} cleared the line at {b.LineValue:G5}"], colour, "star");
        }
        figure.Layout["yaxis"] = Figure.LogAxis(shown.Close, "ratio (log scale)");
        return figure;
    }

    private static string EventColour(BreakoutEventType type) => type switch
    {
        BreakoutEventType.Breakout => "#f59e0b",
        BreakoutEventType.Confirmed => "#0a7a3d",
        BreakoutEventType.Retest => "#2563eb",
        _ => "#b42318",
    };

    private static string EventSymbol(BreakoutEventType type) => type switch
    {
        BreakoutEventType.Breakout => "triangle-up",
        BreakoutEventType.Confirmed => "star",
        BreakoutEventType.Retest => "diamond",
        _ => "x",
    };
}
