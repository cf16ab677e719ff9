using Bellwether.Core.Board;
using Bellwether.Core.Signals;
using Bellwether.Core.Statistics.Alignment;
using Bellwether.Core.Statistics.CorrelationBreakdown;
using Bellwether.Core.Statistics.Rolling;

namespace Bellwether.Core.Measurements.CorrelationTrend;

/// <summary>
/// <c>correlation_trend</c>: where the rolling correlation of two instruments' returns is heading, from
/// <see cref="RollingStatistics.Pearson"/> and <see cref="CorrelationBreakdownDetector.Detect"/> on the aligned
/// returns of the last <see cref="HistoryDays"/> days: its change over <c>compare_days</c> and its trend,
/// <c>breakdown</c> (the latest value is in a breakdown episode), else <c>rising</c>, <c>falling</c> or
/// <c>stable</c> by that change, <c>unknown</c> without an earlier value.
/// </summary>
public sealed class CorrelationTrendMeasurement : Measurement<CorrelationTrendOf, CorrelationTrendReading>
{
    /// <summary>
    /// Calendar days of returns read: a year holds the rolling window (90 daily rows are about 130 days) and the
    /// comparison; the trend's run is looked for within it ("or earlier" when it reaches the start).
    /// </summary>
    public const int HistoryDays = 365;

    public static readonly MeasurementParameter Window = new("window", "90",
        "rolling window: observations (90) or calendar days (90d)");
    public static readonly MeasurementParameter CompareDays = new("compare_days", "90",
        "the change is taken against the rolling value this many calendar days earlier");
    public static readonly MeasurementParameter Change = new("change", "0.1",
        "a change of at least this much in r is rising or falling");
    public static readonly MeasurementParameter BreakdownFall = new("breakdown_fall", "0.3",
        "a breakdown: the rolling value falls more than this below its recent peak");
    public static readonly MeasurementParameter BreakdownDays = new("breakdown_days", "30",
        "calendar days in which that peak is looked for");

    /// <summary>The trend words, in the order a reading may give them.</summary>
    public static readonly IReadOnlyList<string> Trends = ["rising", "falling", "stable", "breakdown", "unknown"];

    public override string Name => "correlation_trend";
    public override IReadOnlyList<MeasurementParameter> Parameters { get; } =
    [
        ReturnsParameters.A, ReturnsParameters.B, ReturnsParameters.Freq, ReturnsParameters.On, Window, CompareDays,
        Change, BreakdownFall, BreakdownDays,
    ];

    public override CorrelationTrendOf Parse(IParameterValues values)
    {
        RollingWindow window;
        try
        {
            window = RollingWindow.Parse(values.Text(Window));
        }
        catch (FormatException e)
        {
            throw values.Problem($"parameter 'window': {e.Message}", Window.Name);
        }
        int compare = values.Integer(CompareDays), days = values.Integer(BreakdownDays);
        double change = values.Number(Change), fall = values.Number(BreakdownFall);
        if (compare < 1 || compare > HistoryDays / 2)
            throw values.Problem($"parameter 'compare_days' must be within 1..{HistoryDays / 2}", CompareDays.Name);
        if (!(change >= 0)) throw values.Problem("parameter 'change' must not be negative", Change.Name);
        if (!(fall > 0) || days < 1)
            throw values.Problem("'breakdown_fall' must be positive and 'breakdown_days' at least 1",
                BreakdownFall.Name);
        return values.Build(() => new CorrelationTrendOf(values.Text(ReturnsParameters.A),
            values.Text(ReturnsParameters.B), ReturnsParameters.Frequency(values), ReturnsParameters.Kind(values),
            window, compare, change, fall, days));
    }

    public override Measured<CorrelationTrendReading> Measure(CorrelationTrendOf o, IMarketData data, DateOnly asOf)
    {
        var inputs = new List<SignalInput>();
        var a = Inputs.Series(data, o.A, asOf, inputs);
        var b = Inputs.Series(data, o.B, asOf, inputs);
        if (a is null || b is null) return Measured.Missing<CorrelationTrendReading>(inputs, asOf);
        return Of(o,
            Inputs.Align(data, a, b, new AlignmentOptions(asOf.AddDays(-HistoryDays), asOf, o.Frequency, o.Kind)),
            inputs, asOf);
    }

    /// <summary>The measurement from the aligned <paramref name="rows"/> of the last <see cref="HistoryDays"/> days (a
    /// stream's state keeps them, docs/streaming.md).</summary>
    internal static Measured<CorrelationTrendReading> Of(CorrelationTrendOf o, AlignedReturns rows,
        List<SignalInput> inputs, DateOnly asOf)
    {
        var rolling = new double[rows.Count];
        RollingStatistics.Pearson(rows.Columns[0], rows.Columns[1], o.Window, rolling, rows.Dates);
        if (rows.Count == 0 || double.IsNaN(rolling[^1]))
            return Measured.NotMeasurable<CorrelationTrendReading>(
                $"no {Describe(o)} on {Say.Date(asOf)} ({rows.Count} rows in the last {HistoryDays} days)", inputs);
        var episodes = CorrelationBreakdownDetector.Detect(rows.Dates, rolling, o.BreakdownFall, o.BreakdownDays);

        // The trend of every row, from values dated on or before it: in an episode, else the change over compare_days.
        var trends = new string[rows.Count];
        var previous = new double[rows.Count];
        int e = 0, back = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            while (back + 1 <= i && rows.Dates[back + 1] <= rows.Dates[i].AddDays(-o.CompareDays)) back++;
            previous[i] = rows.Dates[back] <= rows.Dates[i].AddDays(-o.CompareDays) ? rolling[back] : double.NaN;
            while (e < episodes.Count && episodes[e].LastDate < rows.Dates[i]) e++;
            bool inEpisode = e < episodes.Count && episodes[e].Date <= rows.Dates[i];
            double change = rolling[i] - previous[i];
            trends[i] = inEpisode ? "breakdown" : double.IsNaN(change) ? "unknown"
                : change >= o.Change ? "rising" : change <= -o.Change ? "falling" : "stable";
        }
        int last = rows.Count - 1, run = last;
        while (run > 0 && trends[run - 1] == trends[last]) run--;
        var episode = trends[last] == "breakdown" ? episodes[e] : null;
        return Measured.Of(new CorrelationTrendReading(rows.Start, rows.Dates[last], rolling[last], previous[last],
            trends[last], rows.Dates[run], run == 0, episode), inputs);
    }

    /// <summary>What is measured, in words: "rolling 90-observation correlation of RUT and ETH daily log returns".
    /// </summary>
    public static string Describe(CorrelationTrendOf o)
    {
        string span = o.Window.IsCalendar ? $"{o.Window.CalendarDays}-day" : $"{o.Window.Observations}-observation";
        return $"rolling {span} correlation of {o.A} and {o.B} {ReturnsParameters.Describe(o.Frequency, o.Kind)}";
    }
}

/// <summary>A rolling correlation's trend as of a date.</summary>
/// <param name="From">The first aligned row read.</param>
/// <param name="Date">The last aligned row on or before the date.</param>
/// <param name="Current">The rolling correlation on <paramref name="Date"/>.</param>
/// <param name="Previous">The rolling correlation <c>compare_days</c> earlier (NaN without one).</param>
/// <param name="Trend">One of <see cref="CorrelationTrendMeasurement.Trends"/>.</param>
/// <param name="Since">The first row of the current run of rows with that trend.</param>
/// <param name="RunReachesStart">True when that run starts at the first row read (it may have begun earlier).</param>
/// <param name="Breakdown">The breakdown episode the latest row is in, or null.</param>
public sealed record CorrelationTrendReading(
    DateOnly? From, DateOnly Date, double Current, double Previous, string Trend, DateOnly Since, bool RunReachesStart,
    CorrelationBreakdownEvent? Breakdown);
