using System.Text.Json;
using Bellwether.Core.Charts;
using Bellwether.Core.Series;
using Bellwether.Core.Structure.Breakout;
using Bellwether.Core.Text;

namespace Bellwether.Core.Measurements.Breakout;

/// <summary>The breakout measurement's chart: the instrument with its multi-year-high levels and dated events.
/// </summary>
public static class BreakoutChart
{
    /// <summary>
    /// An index with its multi-year-high resistance levels and the dated breakout, confirmation, retest and failure
    /// markers, over the last <paramref name="years"/> years before <paramref name="asOf"/>.
    /// </summary>
    public static Chart Draw(DailySeries series, BreakoutReport report, DateOnly asOf, int years = 7)
    {
        var shown = series.Between(asOf.AddYears(-years), asOf);
        var chart = new Chart("chart-breakout", $"{series.Instrument.Id}: long-term resistance and breakouts")
            .Line($"{series.Instrument.Id} close", shown.Dates, shown.Close, "#14213d");
        foreach (var level in report.Levels.Where(l => l.Kind == LevelKind.MultiYearHigh))
        {
            var state = JsonNamingPolicy.SnakeCaseLower.ConvertName(level.State.ToString());
            // Labelled at the left, on two lines (a phone's chart is narrow): the price ends above a level it broke,
            // over the label's usual place.
            chart.Level(level.Price, "#b42318",
                $"resistance {ValueText.Number(level.Price, "#,##0.00")} ({level.FirstTouch:yyyy-MM-dd})<br>{state} " +
                "since " +
                $"{level.Since:yyyy-MM-dd}", labelLeft: true);
        }
        // Only the long-term level's events: pivot-zone events would bury them.
        var events = report.Events
            .Where(e => e.Kind == LevelKind.MultiYearHigh && e.Date >= shown.Dates.FirstOrDefault()).ToList();
        foreach (var group in events.GroupBy(e => e.Type))
            chart.Markers(group.Key.ToString().ToLowerInvariant(), group.Select(e => e.Date),
                group.Select(e => e.Close),
                group.Select(e => $"{group.Key} of {e.Level:0.00} (high of {e.LevelDate:yyyy-MM-dd})"),
                EventColour(group.Key), EventSymbol(group.Key));
        chart.Y = new ChartAxis("index points");
        return chart;
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
