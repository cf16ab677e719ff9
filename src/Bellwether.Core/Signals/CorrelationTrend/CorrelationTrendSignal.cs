using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Statistics.Alignment;
using Bellwether.Core.Statistics.CorrelationBreakdown;
using Bellwether.Core.Statistics.Rolling;

namespace Bellwether.Core.Signals.CorrelationTrend;

/// <summary>
/// <c>correlation_trend</c>: where the rolling correlation of two instruments' returns is heading, read by
/// <see cref="RollingStatistics.Pearson"/> and <see cref="CorrelationBreakdownDetector.Detect"/> on the aligned returns
/// of the last <see cref="HistoryDays"/> days. Value: the change of the rolling correlation over <c>compare_days</c>.
/// Label: <c>breakdown</c> (the latest value is in a breakdown episode), else <c>rising</c>, <c>falling</c> or
/// <c>stable</c> by that change, <c>unknown</c> without an earlier value; since the first row of the current run.
/// </summary>
public sealed class CorrelationTrendSignal : SignalKind<CorrelationTrendSignalOptions>
{
    /// <summary>
    /// Calendar days of returns read: a year holds the rolling window (90 daily rows are about 130 days) and the
    /// comparison; the label's run is looked for within it ("or earlier" when it reaches the start).
    /// </summary>
    public const int HistoryDays = 365;

    private static readonly MeasurementParameter Window = new("window", "90",
        "rolling window: observations (90) or calendar days (90d)");
    private static readonly MeasurementParameter CompareDays = new("compare_days", "90",
        "the change is taken against the rolling value this many calendar days earlier");
    private static readonly MeasurementParameter Change = new("change", "0.1",
        "a change of at least this much in r is rising or falling");
    private static readonly MeasurementParameter BreakdownFall = new("breakdown_fall", "0.3",
        "a breakdown: the rolling value falls more than this below its recent peak");
    private static readonly MeasurementParameter BreakdownDays = new("breakdown_days", "30",
        "calendar days in which that peak is looked for");

    public override string Name => "correlation_trend";
    public override string Description => "Trend of a rolling correlation: its change over a comparison span, rising, falling, stable or a breakdown";
    public override IReadOnlyList<MeasurementParameter> Parameters { get; } =
        [ReturnsParameters.A, ReturnsParameters.B, ReturnsParameters.Freq, ReturnsParameters.On, Window, CompareDays, Change, BreakdownFall, BreakdownDays];
    public override IReadOnlyList<string> Labels { get; } = ["rising", "falling", "stable", "breakdown", "unknown"];
    public override IReadOnlyList<string> Fields { get; } = ["current", "previous", "breakdown_peak", "breakdown_fall"];

    protected override CorrelationTrendSignalOptions Parse(SignalSpec spec)
    {
        RollingWindow window;
        try
        {
            window = RollingWindow.Parse(spec.Text(Window));
        }
        catch (FormatException e)
        {
            throw spec.Problem($"parameter 'window': {e.Message}", Window.Name);
        }
        int compare = spec.Integer(CompareDays), days = spec.Integer(BreakdownDays);
        double change = spec.Number(Change), fall = spec.Number(BreakdownFall);
        if (compare < 1 || compare > HistoryDays / 2) throw spec.Problem($"parameter 'compare_days' must be within 1..{HistoryDays / 2}", CompareDays.Name);
        if (!(change >= 0)) throw spec.Problem("parameter 'change' must not be negative", Change.Name);
        if (!(fall > 0) || days < 1) throw spec.Problem("'breakdown_fall' must be positive and 'breakdown_days' at least 1", BreakdownFall.Name);
        return new CorrelationTrendSignalOptions(spec.Text(ReturnsParameters.A), spec.Text(ReturnsParameters.B), ReturnsParameters.Frequency(spec),
            ReturnsParameters.Kind(spec), window, compare, change, fall, days);
    }

    protected override SignalReading Read(CorrelationTrendSignalOptions o, IMarketData data, DateOnly asOf)
    {
        var inputs = new List<SignalInput>();
        var a = Inputs.Series(data, o.A, asOf, inputs);
        var b = Inputs.Series(data, o.B, asOf, inputs);
        if (a is null || b is null) return Inputs.Missing(inputs, asOf);
        var rows = Inputs.Align(data, a, b, new AlignmentOptions(asOf.AddDays(-HistoryDays), asOf, o.Frequency, o.Kind));
        var rolling = new double[rows.Count];
        RollingStatistics.Pearson(rows.Columns[0], rows.Columns[1], o.Window, rolling, rows.Dates);
        string span = o.Window.IsCalendar ? $"{o.Window.CalendarDays}-day" : $"{o.Window.Observations}-observation";
        string what = $"rolling {span} correlation of {o.A} and {o.B} {ReturnsParameters.Describe(o.Frequency, o.Kind)}";
        if (rows.Count == 0 || double.IsNaN(rolling[^1]))
            return SignalReading.NotMeasurable($"no {what} on {Say.Date(asOf)} ({rows.Count} rows in the last {HistoryDays} days)", inputs);
        var episodes = CorrelationBreakdownDetector.Detect(rows.Dates, rolling, o.BreakdownFall, o.BreakdownDays);

        // The label of every row, from values dated on or before it: in an episode, else the change over compare_days.
        var labels = new string[rows.Count];
        var previous = new double[rows.Count];
        int e = 0, back = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            while (back + 1 <= i && rows.Dates[back + 1] <= rows.Dates[i].AddDays(-o.CompareDays)) back++;
            previous[i] = rows.Dates[back] <= rows.Dates[i].AddDays(-o.CompareDays) ? rolling[back] : double.NaN;
            while (e < episodes.Count && episodes[e].LastDate < rows.Dates[i]) e++;
            bool inEpisode = e < episodes.Count && episodes[e].Date <= rows.Dates[i];
            double change = rolling[i] - previous[i];
            labels[i] = inEpisode ? "breakdown" : double.IsNaN(change) ? "unknown"
                : change >= o.Change ? "rising" : change <= -o.Change ? "falling" : "stable";
        }
        int last = rows.Count - 1, run = last;
        while (run > 0 && labels[run - 1] == labels[last]) run--;
        var episode = labels[last] == "breakdown" ? episodes[e] : null;

        double current = rolling[last], before = previous[last];
        string sentence = $"The {what} is {Say.Number(current, "0.00")} on {Say.Date(rows.Dates[last])}" +
                          (double.IsNaN(before) ? $", with no value {o.CompareDays} days earlier" : $", {Say.Signed(current - before, "0.00")} from {Say.Number(before, "0.00")} {o.CompareDays} days earlier") +
                          (episode is not null ? $"; it fell {Say.Number(episode.Fall, "0.00")} below its {o.BreakdownDays}-day peak of {Say.Number(episode.PeakCorrelation, "0.00")} ({Say.Date(episode.PeakDate)})" : "") +
                          $": {labels[last]} since {Say.Date(rows.Dates[run])}" + (run == 0 ? " (or earlier)" : "") + ".";
        var fields = new Dictionary<string, double>
        {
            ["current"] = current,
            ["previous"] = before,
            ["breakdown_peak"] = episode?.PeakCorrelation ?? double.NaN,
            ["breakdown_fall"] = episode?.Fall ?? double.NaN,
        };
        return new SignalReading(true, current - before, labels[last], rows.Dates[run], sentence, rows.Start, rows.Dates[last], inputs, fields, "Δr");
    }
}
