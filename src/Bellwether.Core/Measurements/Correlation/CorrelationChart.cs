using Bellwether.Core.Charts;
using Bellwether.Core.Statistics.Alignment;
using Bellwether.Core.Statistics.Correlation;
using Bellwether.Core.Statistics.Rolling;

namespace Bellwether.Core.Measurements.Correlation;

/// <summary>The correlation measurement's chart: the rolling correlation with its interval.</summary>
public static class CorrelationChart
{
    /// <summary>
    /// Rolling Pearson correlation of aligned returns over <paramref name="window"/> observations, with its Fisher-z
    /// 95% interval as a band.
    /// </summary>
    public static Chart Draw(AlignedReturns rows, int window)
    {
        var pearson = new double[rows.Count];
        RollingStatistics.Pearson(rows.Columns[0], rows.Columns[1], RollingWindow.OfObservations(window), pearson,
            rows.Dates);
        var low = new double[rows.Count];
        var high = new double[rows.Count];
        for (int i = 0; i < pearson.Length; i++)
            (low[i], high[i]) = double.IsNaN(pearson[i])
                ? (double.NaN, double.NaN) : Correlations.FisherInterval(pearson[i], window);
        var names = $"{rows.Ids[0]}–{rows.Ids[1]}";
        var chart = new Chart("chart-correlation",
                $"{names}: rolling {window}-day correlation of daily log returns, with its 95% interval")
            .Line("95% interval", rows.Dates, low, "rgba(99,102,241,0.25)", width: 0.5)
            .Line("95% interval", rows.Dates, high, "rgba(99,102,241,0.25)", fill: ChartFill.ToPrevious,
                width: 0.5)
            .Line($"{names} Pearson", rows.Dates, pearson, "#4338ca", width: 2)
            .Level(0, "#9ca3af", "0", "dot");
        chart.Y = new ChartAxis("Pearson r", Range: (-1, 1));
        return chart;
    }
}
