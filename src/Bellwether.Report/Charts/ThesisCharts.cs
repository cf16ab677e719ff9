using Bellwether.Core.Crypto.AltcoinSeason;

namespace Bellwether.Report.Charts;

/// <summary>Charts of the thesis itself and of altcoin season.</summary>
public static class ThesisCharts
{
    /// <summary>Weekly readiness (0–100), with the measured share of the thesis' weight.</summary>
    public static Figure Readiness(IReadOnlyList<Bellwether.Core.Board.ReadinessPoint> history)
    {
        var figure = new Figure("chart-readiness", "Thesis readiness, weekly (0–100)")
            .Line("readiness", history.Select(h => h.Date), history.Select(h => h.Readiness), "#14213d", width: 2)
            .Line("measured weight, %", history.Select(h => h.Date), history.Select(h => 100 * h.Counted), "#9ca3af", "dot");
        figure.Layout["yaxis"] = new { range = new[] { 0, 100 }, title = new { text = "0–100" } };
        return figure;
    }

    /// <summary>Altcoin Season Index history for several universes, with the 25 / 75 bands.</summary>
    public static Figure AltSeason(IReadOnlyList<(string Name, AltcoinSeasonPoint[] Points)> histories)
    {
        var figure = new Figure("chart-altseason", "Altcoin Season Index (share of top altcoins beating Bitcoin)");
        string[] colours = ["#6366f1", "#f59e0b", "#0a7a3d", "#b42318"];
        for (int i = 0; i < histories.Count; i++)
            figure.Line(histories[i].Name, histories[i].Points.Select(p => p.Date), histories[i].Points.Select(p => p.Index), colours[i % colours.Length]);
        figure.HBand(75, 100, "#0a7a3d").HBand(0, 25, "#f59e0b")
            .HLine(75, "#0a7a3d", "Altcoin Season ≥ 75").HLine(25, "#b45309", "Bitcoin Season ≤ 25");
        figure.Layout["yaxis"] = new { range = new[] { 0, 100 } };
        return figure;
    }
}
