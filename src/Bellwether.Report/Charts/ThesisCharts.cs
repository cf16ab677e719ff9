namespace Bellwether.Report.Charts;

/// <summary>Charts of the thesis itself.</summary>
public static class ThesisCharts
{
    /// <summary>The id of the <see cref="Readiness"/> chart.</summary>
    public const string ReadinessId = "chart-readiness";

    /// <summary>Weekly readiness (0–100), the last point on the date of the board beside it, with the measured share
    /// of the thesis' weight and a line at the θ its backtest trades on, when the thesis declares one.</summary>
    public static Figure Readiness(IReadOnlyList<Bellwether.Core.Board.ReadinessPoint> history,
        double? threshold = null)
    {
        var figure = new Figure(ReadinessId, "Thesis readiness, weekly and on the last date (0–100)")
            .Line("readiness", history.Select(h => h.Date), history.Select(h => h.Readiness), "#14213d", width: 2)
            .Line("measured weight, %", history.Select(h => h.Date), history.Select(h => 100 * h.Counted), "#9ca3af",
                "dot");
        // Named in the legend, not labelled on the plot: on a phone a label across the plot hid the readiness line.
        if (threshold is { } theta && history.Count > 0)
            figure.Line(
                $"θ = {theta.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}: the backtest " +
                "holds the trade at or above", [history[0].Date, history[^1].Date], [theta, theta], "#0a7a3d", "dash");
        figure.Layout["yaxis"] = new { range = new[] { 0, 100 }, title = new { text = "0–100" } };
        return figure;
    }
}
