using Bellwether.Core.Board;
using Bellwether.Core.Charts;
using Bellwether.Core.Signals;
using Bellwether.Core.Statistics;
using Bellwether.Core.Statistics.Alignment;
using Bellwether.Core.Statistics.Correlation;

namespace Bellwether.Core.Measurements.Correlation;

/// <summary>
/// <c>correlation</c>: Pearson's r of two instruments' returns (or levels) over a trailing window or since a date,
/// with its Fisher 95% interval and t-test p-value, on the rows of
/// <see cref="ReturnAlignment.Align(Series.DailySeries, Series.DailySeries, AlignmentOptions)"/> (daily rows cut from
/// one join of the whole histories). Needs 4 pairs and two sides that move.
/// </summary>
public sealed class CorrelationMeasurement : Measurement<CorrelationParameters, CorrelationReading>
{
    public static readonly MeasurementParameter WindowDays = new("window_days", "365",
        "trailing window in calendar days, the as-of date included");

    public static readonly MeasurementParameter Since = new("since", "",
        "a fixed first date instead of the trailing window, yyyy-MM-dd (empty: use window_days)")
    {
        Aliases = ["from"],
    };

    public override string Name => "correlation";

    public override IReadOnlyList<MeasurementParameter> Parameters { get; } =
        [ReturnsParameters.A, ReturnsParameters.B, ReturnsParameters.Freq, ReturnsParameters.On, WindowDays, Since];

    public override CorrelationParameters Parse(IParameterValues values) => values.Build(() =>
        new CorrelationParameters(values.Text(ReturnsParameters.A), values.Text(ReturnsParameters.B),
            ReturnsParameters.Frequency(values), ReturnsParameters.Kind(values), values.Integer(WindowDays),
            values.Date(Since)));

    public override Measured<CorrelationReading> Measure(CorrelationParameters p, IMarketData data, DateOnly asOf)
    {
        var inputs = new List<SignalInput>();
        var a = Inputs.Series(data, p.A, asOf, inputs);
        var b = Inputs.Series(data, p.B, asOf, inputs);
        if (a is null || b is null) return Measured.Missing<CorrelationReading>(inputs, asOf);
        var from = p.Since ?? asOf.AddDays(1 - p.WindowDays);
        if (from > asOf)
            return Measured.NotMeasurable<CorrelationReading>(
                $"the window starts {Say.Date(from)}, after {Say.Date(asOf)}", inputs);
        var rows = Inputs.Align(data, a, b, new AlignmentOptions(from, asOf, p.Frequency, p.Kind));
        // Aligned rows hold no NaN, so every row is a pair.
        int n = rows.Count;
        double r = Correlations.Pearson(rows.Columns[0], rows.Columns[1]);
        var (low, high) = Correlations.FisherInterval(r, n);
        if (double.IsNaN(r) || double.IsNaN(low))
            return Measured.NotMeasurable<CorrelationReading>(
                $"{Describe(p)} from {Say.Date(from)} to {Say.Date(asOf)}: " +
                $"{n} pair(s), too few (4 needed) or a constant side", inputs);
        var reading = new CorrelationReading(from, rows, r, low, high, Distributions.CorrelationTwoSided(r, n));
        return Measured.Of(reading, inputs);
    }

    /// <summary>The rolling 90-day correlation of daily log returns over three years (<see cref="CorrelationChart"/>).
    /// </summary>
    public override Chart? Chart(CorrelationParameters o, ChartContext context)
    {
        if (context.View.Series(o.A) is not { Count: > 0 } a || context.View.Series(o.B) is not { Count: > 0 } b)
            return context.Missing("correlation", $"{o.A} and {o.B}");
        var rows = ReturnAlignment.Align(a, b,
            new AlignmentOptions(From: context.Date.AddYears(-3), Until: context.Date));
        return CorrelationChart.Draw(rows, 90);
    }

    /// <summary>What is correlated: "RUT–ETH correlation of daily log returns".</summary>
    public static string Describe(CorrelationParameters p) =>
        $"{p.A}–{p.B} correlation of {ReturnsParameters.Describe(p.Frequency, p.Kind)}";
}

/// <summary>A correlation as of a date.</summary>
/// <param name="From">The first date of the window asked for.</param>
/// <param name="Rows">The aligned rows (pairs) it was computed on.</param>
/// <param name="R">Pearson's r.</param>
/// <param name="Ci95Low">The low end of its Fisher 95% interval.</param>
/// <param name="Ci95High">The high end.</param>
/// <param name="PValue">The two-sided t-test p-value of r ≠ 0.</param>
public sealed record CorrelationReading(
    DateOnly From, AlignedReturns Rows, double R, double Ci95Low, double Ci95High, double PValue);
