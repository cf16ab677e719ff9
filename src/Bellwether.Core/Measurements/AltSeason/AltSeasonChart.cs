using System.Globalization;
using Bellwether.Core.Charts;
using Bellwether.Core.Crypto.AltcoinSeason;

namespace Bellwether.Core.Measurements.AltSeason;

/// <summary>The Altcoin Season Index's chart: its history for several universes, with published readings.</summary>
public static class AltSeasonChart
{
    /// <summary>
    /// Altcoin Season Index history for several universes, with the 25 / 75 bands, and published readings as markers
    /// beside the variant they describe (hover: computed value and difference; below the title: mean absolute error,
    /// bias and largest gap).
    /// </summary>
    public static Chart Draw(IReadOnlyList<(string Name, AltcoinSeasonPoint[] Points)> histories,
        IReadOnlyList<PublishedComparison>? published = null)
    {
        var chart = new Chart("chart-altseason", "Altcoin Season Index (share of top altcoins beating Bitcoin)");
        string[] colours = ["#6366f1", "#f59e0b", "#0a7a3d", "#b42318"];
        for (int i = 0; i < histories.Count; i++)
            chart.Line(histories[i].Name, histories[i].Points.Select(p => p.Date),
                histories[i].Points.Select(p => p.Index), colours[i % colours.Length]);
        var compared = (published ?? []).Where(c => c.Readings.Count > 0).ToList();
        for (int i = 0; i < compared.Count; i++)
        {
            var c = compared[i];
            chart.Markers($"published: {c.Readings[0].Published.Series}", c.Readings.Select(r => r.Published.Date),
                c.Readings.Select(r => r.Published.Value),
                c.Readings.Select(r => double.IsNaN(r.Difference) ? "computed: undefined"
                    : string.Create(CultureInfo.InvariantCulture,
                        $"computed {r.Computed.Index:0.#} ({r.Difference:+0.#;−0.#;0})")),
                colours[(i + 2) % colours.Length], "diamond");
            if (c.All is { } all)
                chart.Caption(i, string.Create(CultureInfo.InvariantCulture,
                    $"vs {c.Readings[0].Published.Series}: MAE {all.MeanAbsoluteError:0.0}, " +
                    $"bias {all.Bias:+0.0;−0.0;0.0}, " +
                    $"largest gap {all.LargestGap.Difference:+0.#;−0.#;0} on " +
                    $"{all.LargestGap.Published.Date:yyyy-MM-dd} (n = {all.Count})"));
        }
        chart.Band(75, 100, "#0a7a3d").Band(0, 25, "#f59e0b");
        // Named in the legend, not labelled on the plot: a label at either edge lay on the index's latest or first
        // values.
        var dates = histories.SelectMany(h => h.Points).Select(p => p.Date).ToList();
        if (dates.Count > 0)
        {
            DateOnly[] span = [dates.Min(), dates.Max()];
            chart.Line("Altcoin Season ≥ 75", span, [75, 75], "#0a7a3d", "dash", width: 1.2)
                .Line("Bitcoin Season ≤ 25", span, [25, 25], "#b45309", "dash", width: 1.2);
        }
        chart.Y = new ChartAxis(Range: (0, 100));
        return chart;
    }
}
