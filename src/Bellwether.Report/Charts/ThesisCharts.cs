namespace Bellwether.Report.Charts;

/// <summary>Charts of the thesis itself.</summary>
public static class ThesisCharts
{
    /// <summary>The id of the <see cref="Readiness"/> chart.</summary>
    public const string ReadinessId = "chart-readiness";

    /// <summary>Weekly readiness (0–100), with the measured share of the thesis' weight.</summary>
    public static Figure Readiness(IReadOnlyList<Bellwether.Core.Board.ReadinessPoint> history)
    {
        var figure = new Figure(ReadinessId, "Thesis readiness, weekly (0–100)")
            .Line("readiness", history.Select(h => h.Date), history.Select(h => h.Readiness), "#14213d", width: 2)
            .Line("measured weight, %", history.Select(h => h.Date), history.Select(h => 100 * h.Counted), "#9ca3af", "dot");
        figure.Layout["yaxis"] = new { range = new[] { 0, 100 }, title = new { text = "0–100" } };
        return figure;
    }
}
