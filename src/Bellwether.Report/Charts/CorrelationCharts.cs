using Bellwether.Core.Statistics.Alignment;
using Bellwether.Core.Statistics.Correlation;
using Bellwether.Core.Statistics.Rolling;
using Bellwether.Core.Text;

namespace Bellwether.Report.Charts;

/// <summary>Rolling correlation charts.</summary>
public static class CorrelationCharts
{
    /// <summary>
    /// Rolling Pearson correlation of aligned returns over <paramref name="window"/> observations, with its Fisher-z
    /// 95% interval as a band; an optional reference line (e.g. a claimed figure).
    /// </summary>
    public static Figure Rolling(string id, AlignedReturns rows, int window, double? reference = null, string? referenceLabel = null)
    {
        var pearson = new double[rows.Count];
        RollingStatistics.Pearson(rows.Columns[0], rows.Columns[1], RollingWindow.OfObservations(window), pearson, rows.Dates);
        var low = new double[rows.Count];
        var high = new double[rows.Count];
        for (int i = 0; i < pearson.Length; i++)
            (low[i], high[i]) = double.IsNaN(pearson[i]) ? (double.NaN, double.NaN) : Correlations.FisherInterval(pearson[i], window);
        var names = $"{rows.Ids[0]}–{rows.Ids[1]}";
        var figure = new Figure(id, $"{names}: rolling {window}-day correlation of daily log returns, with its 95% interval")
            .Line("95% interval", rows.Dates, low, "rgba(99,102,241,0.25)", width: 0.5, group: "interval", inLegend: false)
            .Line("95% interval", rows.Dates, high, "rgba(99,102,241,0.25)", fill: "tonexty", width: 0.5, group: "interval")
            .Line($"{names} Pearson", rows.Dates, pearson, "#4338ca", width: 2);
        if (reference is { } r) figure.HLine(r, "#b42318", referenceLabel ?? ValueText.Of(r, ValueKind.Correlation));
        figure.HLine(0, "#9ca3af", "0", "dot");
        figure.Layout["yaxis"] = new { range = new[] { -1, 1 }, title = new { text = "Pearson r" } };
        return figure;
    }
}
