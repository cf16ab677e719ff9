using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Statistics;
using Bellwether.Core.Statistics.Alignment;
using Bellwether.Core.Statistics.Correlation;
using Bellwether.Core.Statistics.Returns;

namespace Bellwether.Core.Signals.Correlation;

/// <summary>
/// <c>correlation</c>: the correlation of two instruments' returns over a trailing window (or since a date), with its
/// 95% interval, read by <see cref="ReturnAlignment.Align(Series.DailySeries, Series.DailySeries, AlignmentOptions)"/>
/// and <see cref="Correlations.Pearson"/> with its Fisher interval and t-test p-value (the rank correlations of
/// <see cref="Correlations.Compute"/> are left to <c>bellwether corr</c>: the board needs r and its interval, on every
/// week of a history). Value: Pearson's r. Label: <c>positive</c> (the interval lies above 0),
/// <c>negative</c> (below 0) or <c>indistinct</c>. A trailing window has no single start, so there is no "since";
/// <c>correlation_trend</c> follows how the correlation moves.
/// </summary>
public sealed class CorrelationSignal : SignalKind<CorrelationSignalOptions>
{
    private static readonly MeasurementParameter WindowDays = new("window_days", "365",
        "trailing window in calendar days, the as-of date included");
    private static readonly MeasurementParameter Since = new("since", "",
        "a fixed first date instead of the trailing window, yyyy-MM-dd (empty: use window_days)");

    public override string Name => "correlation";
    public override string Description => "Correlation of two instruments' returns over a trailing window: Pearson's r with its 95% interval and p-value";
    public override IReadOnlyList<MeasurementParameter> Parameters { get; } =
        [ReturnsParameters.A, ReturnsParameters.B, ReturnsParameters.Freq, ReturnsParameters.On, WindowDays, Since];
    public override IReadOnlyList<string> Labels { get; } = ["positive", "negative", "indistinct"];
    public override IReadOnlyList<string> Fields { get; } = ["ci95_low", "ci95_high", "p_value", "n", "non_stationary", "partial_last_period"];

    protected override CorrelationSignalOptions Parse(SignalSpec spec)
    {
        int days = spec.Integer(WindowDays);
        if (days < 2) throw spec.Problem("parameter 'window_days' must be at least 2", WindowDays.Name);
        return new CorrelationSignalOptions(spec.Text(ReturnsParameters.A), spec.Text(ReturnsParameters.B), ReturnsParameters.Frequency(spec),
            ReturnsParameters.Kind(spec), days, spec.Date(Since));
    }

    protected override SignalReading Read(CorrelationSignalOptions o, IMarketData data, DateOnly asOf)
    {
        var inputs = new List<SignalInput>();
        var a = Inputs.Series(data, o.A, asOf, inputs);
        var b = Inputs.Series(data, o.B, asOf, inputs);
        if (a is null || b is null) return Inputs.Missing(inputs, asOf);
        var from = o.Since ?? asOf.AddDays(1 - o.WindowDays);
        if (from > asOf) return SignalReading.NotMeasurable($"the window starts {Say.Date(from)}, after {Say.Date(asOf)}", inputs);
        var rows = Inputs.Align(data, a, b, new AlignmentOptions(from, asOf, o.Frequency, o.Kind));
        // Aligned rows hold no NaN, so every row is a pair.
        int n = rows.Count;
        double r = Correlations.Pearson(rows.Columns[0], rows.Columns[1]);
        var (low, high) = Correlations.FisherInterval(r, n);
        double pValue = Distributions.CorrelationTwoSided(r, n);
        string what = $"{o.A}–{o.B} correlation of {ReturnsParameters.Describe(o.Frequency, o.Kind)}";
        if (double.IsNaN(r) || double.IsNaN(low))
            return SignalReading.NotMeasurable($"{what} from {Say.Date(from)} to {Say.Date(asOf)}: {n} pair(s), too few (4 needed) or a constant side", inputs);
        string label = low > 0 ? "positive" : high < 0 ? "negative" : "indistinct";
        string p = pValue < 0.001 ? "p < 0.001" : $"p = {Say.Number(pValue, "0.000")}";
        string sentence = $"{what} from {Say.Date(rows.Start!.Value)} to {Say.Date(rows.Dates[^1])}: r = {Say.Number(r, "0.00")} " +
                          $"(95% interval {Say.Number(low, "0.00")} to {Say.Number(high, "0.00")}, n = {n}, {p})" +
                          (rows.NonStationary ? "; levels are non-stationary, so r is inflated by common trends" : "") +
                          (rows.PartialLastPeriod ? "; the last period is not finished" : "") + ".";
        var fields = new Dictionary<string, double>
        {
            ["ci95_low"] = low,
            ["ci95_high"] = high,
            ["p_value"] = pValue,
            ["n"] = n,
            ["non_stationary"] = Say.Flag(rows.NonStationary),
            ["partial_last_period"] = Say.Flag(rows.PartialLastPeriod),
        };
        return new SignalReading(true, r, label, null, sentence, rows.Start, rows.Dates[^1], inputs, fields, "r");
    }
}
