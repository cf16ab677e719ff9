using System.Globalization;
using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Text;

namespace Bellwether.Report.Charts;

/// <summary>Charts of the thesis itself and of altcoin season.</summary>
public static class ThesisCharts
{
    /// <summary>The id of the <see cref="Readiness"/> chart.</summary>
    public const string ReadinessId = "chart-readiness";

    /// <summary>Weekly readiness (0–100), the last point on the date of the board beside it, with the measured share of the thesis' weight and a line at the θ its
    /// backtest trades on, when the thesis declares one.</summary>
    public static Figure Readiness(IReadOnlyList<Bellwether.Core.Board.ReadinessPoint> history, double? threshold = null)
    {
        var figure = new Figure(ReadinessId, "Thesis readiness, weekly and on the last date (0–100)")
            .Line("readiness", history.Select(h => h.Date), history.Select(h => h.Readiness), "#14213d", width: 2)
            .Line("measured weight, %", history.Select(h => h.Date), history.Select(h => 100 * h.Counted), "#9ca3af", "dot");
        if (threshold is { } theta)
            figure.HLine(theta, "#0a7a3d", $"the backtest holds the trade at or above θ = {theta.ToString("0.#", CultureInfo.InvariantCulture)}",
                labelLeft: true);
        figure.Layout["yaxis"] = new { range = new[] { 0, 100 }, title = new { text = "0–100" } };
        return figure;
    }

    /// <summary>
    /// Altcoin Season Index history for several universes, with the 25 / 75 bands, and published readings as markers
    /// beside the variant they describe (hover: computed value and difference; below the title: mean absolute error,
    /// bias and largest gap).
    /// </summary>
    public static Figure AltSeason(IReadOnlyList<(string Name, AltcoinSeasonPoint[] Points)> histories,
        IReadOnlyList<PublishedComparison>? published = null)
    {
        var figure = new Figure("chart-altseason", "Altcoin Season Index (share of top altcoins beating Bitcoin)");
        string[] colours = ["#6366f1", "#f59e0b", "#0a7a3d", "#b42318"];
        for (int i = 0; i < histories.Count; i++)
            figure.Line(histories[i].Name, histories[i].Points.Select(p => p.Date), histories[i].Points.Select(p => p.Index), colours[i % colours.Length]);
        var compared = (published ?? []).Where(c => c.Readings.Count > 0).ToList();
        for (int i = 0; i < compared.Count; i++)
        {
            var c = compared[i];
            figure.Markers($"published: {c.Readings[0].Published.Series}", c.Readings.Select(r => r.Published.Date), c.Readings.Select(r => r.Published.Value),
                c.Readings.Select(r => double.IsNaN(r.Difference) ? "computed: undefined"
                    : $"computed {ValueText.Number(r.Computed.Index, "0.#")} ({ValueText.Format(ValueKind.IndexPointsChange).Number(r.Difference)})"),
                colours[(i + 2) % colours.Length], "diamond");
            if (c.All is { } all)
                figure.Annotations.Add(new
                {
                    xref = "paper", yref = "paper", x = 0, y = 1.0 - 0.07 * i, xanchor = "left", yanchor = "top", showarrow = false,
                    font = new { size = 11, color = "#374151" },
                    text = string.Create(CultureInfo.InvariantCulture,
                        $"vs {c.Readings[0].Published.Series}: MAE {all.MeanAbsoluteError:0.0}, bias {all.Bias:+0.0;−0.0;0.0}, " +
                        $"largest gap {all.LargestGap.Difference:+0.#;−0.#;0} on {all.LargestGap.Published.Date:yyyy-MM-dd} (n = {all.Count})"),
                });
        }
        figure.HBand(75, 100, "#0a7a3d").HBand(0, 25, "#f59e0b")
            .HLine(75, "#0a7a3d", "Altcoin Season ≥ 75").HLine(25, "#b45309", "Bitcoin Season ≤ 25");
        figure.Layout["yaxis"] = new { range = new[] { 0, 100 } };
        return figure;
    }
}
