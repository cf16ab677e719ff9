using Bellwether.Core.Board;
using Bellwether.Core.Signals;

namespace Bellwether.Core.Measurements.Correlation;

/// <summary>
/// The <see cref="CorrelationMeasurement"/> as a signal (the rank correlations are left to <c>bellwether corr</c> and
/// the claim: the board needs r and its interval, on every week of a history). Value: Pearson's r. Label:
/// <c>positive</c> (the interval lies above 0), <c>negative</c> (below 0) or <c>indistinct</c>. A trailing window has
/// no single start, so there is no "since"; <c>correlation_trend</c> follows how the correlation moves.
/// </summary>
public sealed class CorrelationSignal()
    : MeasurementSignal<CorrelationParameters, CorrelationReading>(new CorrelationMeasurement())
{
    public override string Description =>
        "Correlation of two instruments' returns over a trailing window: Pearson's r with its 95% interval and p-value";
    public override IReadOnlyList<string> Labels { get; } = ["positive", "negative", "indistinct"];
    public override IReadOnlyList<string> Fields { get; } =
        ["ci95_low", "ci95_high", "p_value", "n", "non_stationary", "partial_last_period"];

    protected override SignalReading Reading(CorrelationParameters o, CorrelationReading c,
        IReadOnlyList<SignalInput> inputs, IMarketData data, bool explain)
    {
        var (rows, r, low, high, pValue) = (c.Rows, c.R, c.Ci95Low, c.Ci95High, c.PValue);
        int n = rows.Count;
        string label = low > 0 ? "positive" : high < 0 ? "negative" : "indistinct";
        var fields = new Dictionary<string, double>
        {
            ["ci95_low"] = low,
            ["ci95_high"] = high,
            ["p_value"] = pValue,
            ["n"] = n,
            ["non_stationary"] = Say.Flag(rows.NonStationary),
            ["partial_last_period"] = Say.Flag(rows.PartialLastPeriod),
        };
        return new SignalReading(true, r, label, null, explain ? Sentence() : "", rows.Start, rows.Dates[^1], inputs,
            fields, "r");

        string Sentence()
        {
            string p = pValue < 0.001 ? "p < 0.001" : $"p = {Say.Number(pValue, "0.000")}";
            return $"{CorrelationMeasurement.Describe(o)} from {Say.Date(rows.Start!.Value)} to " +
                   $"{Say.Date(rows.Dates[^1])}: r = {Say.Number(r, "0.00")} " +
                   $"(95% interval {Say.Number(low, "0.00")} to {Say.Number(high, "0.00")}, n = {n}, {p})" +
                   (rows.NonStationary ? "; levels are non-stationary, so r is inflated by common trends" : "") +
                   (rows.PartialLastPeriod ? "; the last period is not finished" : "") + ".";
        }
    }
}
