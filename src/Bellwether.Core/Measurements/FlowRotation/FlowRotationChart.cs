using Bellwether.Core.Charts;
using Bellwether.Core.Statistics.EtfFlows;

namespace Bellwether.Core.Measurements.FlowRotation;

/// <summary>The flow rotation measurement's chart: both ETF families' daily flows and rolling sums.</summary>
public static class FlowRotationChart
{
    /// <summary>Daily net flows of BTC and ETH spot ETFs with their 20-day sums, US$ millions.</summary>
    public static Chart Draw(EtfFlowHistory btc, EtfFlowHistory eth, DateOnly asOf, int months = 6)
    {
        var from = asOf.AddMonths(-months);
        var b = btc.Days.Where(d => d.Date >= from).ToList();
        var e = eth.Days.Where(d => d.Date >= from).ToList();
        var chart = new Chart("chart-flows", "Spot ETF net flows (US$ m): Bitcoin vs Ether")
            .Bars("BTC funds, daily", b.Select(d => d.Date), b.Select(d => d.Total), "#f59e0b")
            .Bars("ETH funds, daily", e.Select(d => d.Date), e.Select(d => d.Total), "#6366f1")
            .Line($"BTC funds, {btc.Parameters.LongWindow}-day sum", b.Select(d => d.Date), b.Select(d => d.LongSum),
                "#b45309", secondAxis: true)
            .Line($"ETH funds, {eth.Parameters.LongWindow}-day sum", e.Select(d => d.Date), e.Select(d => d.LongSum),
                "#4338ca", secondAxis: true);
        chart.GroupBars = true;
        chart.Y = new ChartAxis("daily, US$ m");
        chart.Y2 = new ChartAxis("rolling sum, US$ m");
        return chart;
    }
}
