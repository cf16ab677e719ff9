using Bellwether.Core.Charts;
using Bellwether.Core.Measurements.FedPath;
using Bellwether.Core.Series;
using Bellwether.Core.Statistics.Liquidity;

namespace Bellwether.Core.Measurements.NetLiquidity;

/// <summary>
/// The chart of the policy rate beside net liquidity, drawn once for the <c>fed_path</c> and <c>net_liquidity</c>
/// measurements (one id: the report keeps the first): each reads the thesis's parameters of the other, or its
/// defaults.
/// </summary>
public static class FedAndLiquidityChart
{
    /// <summary>The chart with the thesis's parameters of both measurements (or their defaults), or null with a note
    /// when an input has no data.</summary>
    public static Chart? Draw(ChartContext c)
    {
        var fed = c.ParametersOf(new FedPathMeasurement());
        var liquidity = c.ParametersOf(new NetLiquidityMeasurement());
        DailySeries? rate = c.View.Series(fed.Series), assets = c.View.Series(liquidity.TotalAssets);
        DailySeries? tga = c.View.Series(liquidity.TreasuryAccount), repo = c.View.Series(liquidity.ReverseRepo);
        return rate is { Count: > 0 } && assets is not null && tga is not null && repo is not null
            ? Draw(rate, Statistics.Liquidity.NetLiquidity.Compute(assets, tga, repo, c.Date), c.Date)
            : c.Missing("the fed funds rate and net liquidity",
                $"{fed.Series}, {liquidity.TotalAssets}, {liquidity.TreasuryAccount} or {liquidity.ReverseRepo}");
    }

    /// <summary>The effective fed funds rate and net liquidity (US$ bn) on a second axis.</summary>
    public static Chart Draw(DailySeries fedFunds, NetLiquiditySeries liquidity, DateOnly asOf, int years = 4)
    {
        var rate = fedFunds.Between(asOf.AddYears(-years), asOf);
        var weeks = liquidity.Weeks.Where(w => w.Date >= asOf.AddYears(-years)).ToList();
        var chart = new Chart("chart-macro", "Fed funds rate and net liquidity (WALCL − TGA − reverse repo)")
            .Line("effective fed funds rate, %", rate.Dates, rate.Close, "#14213d")
            .Line("net liquidity, US$ bn", weeks.Select(w => w.Date), weeks.Select(w => w.Value), "#0a7a3d",
                secondAxis: true);
        chart.Y = new ChartAxis("percent");
        chart.Y2 = new ChartAxis("US$ bn");
        return chart;
    }
}
