using Bellwether.Core.Charts;
using Bellwether.Core.Statistics.Drawdown;

namespace Bellwether.Core.Measurements.Drawdown;

/// <summary>The drawdown measurement's chart: the drawdown by close and by high over the last years.</summary>
public static class DrawdownChart
{
    /// <summary>Drawdown from the running peak, by close and by high, as a percentage.</summary>
    public static Chart Draw(string id, IReadOnlyList<DrawdownPoint> byClose, IReadOnlyList<DrawdownPoint> byHigh,
        DateOnly asOf, int years = 4)
    {
        var from = asOf.AddYears(-years);
        var c = byClose.Where(p => p.Date >= from).ToList();
        var h = byHigh.Where(p => p.Date >= from).ToList();
        var chart = new Chart("chart-drawdown", $"{id} drawdown from its running peak (%)")
            .Line("by close", c.Select(p => p.Date), c.Select(p => 100 * p.Drawdown), "#b42318", fill: ChartFill.ToZero)
            .Line("by high", h.Select(p => p.Date), h.Select(p => 100 * p.Drawdown), "#6b7280", "dot");
        chart.Y = new ChartAxis("% below peak");
        return chart;
    }
}
