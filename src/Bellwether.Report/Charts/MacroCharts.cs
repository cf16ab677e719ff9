using Bellwether.Core.Series;
using Bellwether.Core.Statistics.Drawdown;
using Bellwether.Core.Statistics.EtfFlows;
using Bellwether.Core.Statistics.Liquidity;

namespace Bellwether.Report.Charts;

/// <summary>Charts of flows, policy, liquidity and drawdown.</summary>
public static class MacroCharts
{
    /// <summary>Daily net flows of BTC and ETH spot ETFs with their 20-day sums, US$ millions.</summary>
    public static Figure EtfFlows(EtfFlowHistory btc, EtfFlowHistory eth, DateOnly asOf, int months = 6)
    {
        var from = asOf.AddMonths(-months);
        var b = btc.Days.Where(d => d.Date >= from).ToList();
        var e = eth.Days.Where(d => d.Date >= from).ToList();
        var figure = new Figure("chart-flows", "Spot ETF net flows (US$ m): Bitcoin vs Ether")
            .Bars("BTC funds, daily", b.Select(d => d.Date), b.Select(d => d.Total), "#f59e0b")
            .Bars("ETH funds, daily", e.Select(d => d.Date), e.Select(d => d.Total), "#6366f1")
            .Line($"BTC funds, {btc.Parameters.LongWindow}-day sum", b.Select(d => d.Date), b.Select(d => d.LongSum), "#b45309", yaxis: "y2")
            .Line($"ETH funds, {eth.Parameters.LongWindow}-day sum", e.Select(d => d.Date), e.Select(d => d.LongSum), "#4338ca", yaxis: "y2");
        figure.Layout["barmode"] = "group";
        // One zero line: the bars' axis and the sums' axis put zero at the same height.
        var (daily, sums) = Figure.ZeroAlignedRanges(b.Concat(e).Select(d => d.Total), b.Concat(e).Select(d => d.LongSum));
        figure.Layout["yaxis"] = new { title = new { text = "daily, US$ m" }, range = daily };
        figure.Layout["yaxis2"] = new
        {
            title = new { text = "rolling sum, US$ m" }, overlaying = "y", side = "right", showgrid = false, zeroline = false, range = sums,
        };
        return figure;
    }

    /// <summary>The effective fed funds rate and net liquidity (US$ bn) on a second axis.</summary>
    public static Figure FedAndLiquidity(DailySeries fedFunds, NetLiquiditySeries liquidity, DateOnly asOf, int years = 4)
    {
        var rate = fedFunds.Between(asOf.AddYears(-years), asOf);
        var weeks = liquidity.Weeks.Where(w => w.Date >= asOf.AddYears(-years)).ToList();
        var figure = new Figure("chart-macro", "Fed funds rate and net liquidity (WALCL − TGA − reverse repo)")
            .Line("effective fed funds rate, %", rate.Dates, rate.Close, "#14213d")
            .Line("net liquidity, US$ bn", weeks.Select(w => w.Date), weeks.Select(w => w.Value), "#0a7a3d", yaxis: "y2");
        figure.Layout["yaxis"] = new { title = new { text = "percent" } };
        figure.Layout["yaxis2"] = new { title = new { text = "US$ bn" }, overlaying = "y", side = "right", showgrid = false };
        return figure;
    }

    /// <summary>Drawdown from the running peak, by close and by high, as a percentage.</summary>
    public static Figure Drawdown(string id, IReadOnlyList<DrawdownPoint> byClose, IReadOnlyList<DrawdownPoint> byHigh, DateOnly asOf, int years = 4)
    {
        var from = asOf.AddYears(-years);
        var c = byClose.Where(p => p.Date >= from).ToList();
        var h = byHigh.Where(p => p.Date >= from).ToList();
        var figure = new Figure("chart-drawdown", $"{id} drawdown from its running peak (%)")
            .Line("by close", c.Select(p => p.Date), c.Select(p => 100 * p.Drawdown), "#b42318", fill: "tozeroy")
            .Line("by high", h.Select(p => p.Date), h.Select(p => 100 * p.Drawdown), "#6b7280", "dot");
        figure.Layout["yaxis"] = new { title = new { text = "% below peak" } };
        return figure;
    }
}
