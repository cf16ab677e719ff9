using Bellwether.Core.Board;
using Bellwether.Core.Signals;
using Bellwether.Core.Statistics.EtfFlows;

namespace Bellwether.Core.Measurements.EtfFlows;

/// <summary>
/// The <see cref="EtfFlowsMeasurement"/> as a signal. Value: the net flow over the last <c>window</c> flow days,
/// US$ millions. Label: <c>inflow</c>, <c>outflow</c> or <c>flat</c> by its sign, since the first day of the current
/// run of window sums with that sign.
/// </summary>
public sealed class EtfFlowsSignal() : MeasurementSignal<EtfFlowsOf, EtfFlowsReading>(new EtfFlowsMeasurement())
{
    public override string Description =>
        "Net flows of a family of ETFs over a window of flow days (US$ m), with the latest day, streak and " +
        "cumulative flow";
    public override IReadOnlyList<string> Labels { get; } = ["inflow", "outflow", "flat"];
    public override IReadOnlyList<string> Fields { get; } = ["latest", "sum_5d", "streak", "cumulative", "partial"];

    protected override SignalReading Reading(EtfFlowsOf o, EtfFlowsReading r, IReadOnlyList<SignalInput> inputs,
        IMarketData data, bool explain)
    {
        var reading = r.Flows;
        var latest = reading.Latest;
        var streak = reading.CurrentStreak;
        var fields = new Dictionary<string, double>
        {
            ["latest"] = latest.Total,
            ["sum_5d"] = latest.ShortSum,
            ["streak"] = latest.Streak,
            ["cumulative"] = latest.Cumulative,
            ["partial"] = Say.Flag(latest.Partial),
        };
        int sign = Math.Sign(reading.WindowSum);
        string label = sign > 0 ? "inflow" : sign < 0 ? "outflow" : "flat";
        return new SignalReading(true, reading.WindowSum, label, r.SignSince, explain ? Sentence() : "",
            r.WindowStart, latest.Date, inputs, fields, "US$ m");

        string Sentence()
        {
            string streakText = streak.Direction == FlowDirection.Flat ? "no net flow"
                : $"{streak.Days} {(streak.Direction == FlowDirection.Inflow ? "inflow" : "outflow")} day(s) in a row";
            return $"{o.Table}: {Say.Signed(reading.WindowSum)} US$ m net over the last {o.Window} flow days " +
                   $"({Say.Date(r.WindowStart)} to {Say.Date(latest.Date)}); latest day " +
                   $"{Say.Signed(latest.Total)}, {streakText}; {Say.Signed(latest.Cumulative)} since launch.";
        }
    }
}
