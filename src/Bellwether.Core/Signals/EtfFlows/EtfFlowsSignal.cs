using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Statistics.EtfFlows;

namespace Bellwether.Core.Signals.EtfFlows;

/// <summary>
/// <c>etf_flows</c>: net flows of a family of ETFs, read by <see cref="EtfFlowStatistics.Build"/> and
/// <see cref="EtfFlowStatistics.Read"/>. Value: the net flow over the last <c>window</c> flow days, US$ millions.
/// Label: <c>inflow</c>, <c>outflow</c> or <c>flat</c> by its sign, since the first day of the current run of
/// window sums with that sign.
/// </summary>
public sealed class EtfFlowsSignal : SignalKind<EtfFlowsSignalOptions>
{
    private static readonly MeasurementParameter Table = new("table", "ETH_SPOT_ETF_FLOWS", "flow table id");
    private static readonly MeasurementParameter Window = new("window", "20",
        "flow days in the net-flow sum (20: about a trading month)");

    public override string Name => "etf_flows";
    public override string Description => "Net flows of a family of ETFs over a window of flow days (US$ m), with the latest day, streak and cumulative flow";
    public override IReadOnlyList<MeasurementParameter> Parameters { get; } = [Table, Window];
    public override IReadOnlyList<string> Labels { get; } = ["inflow", "outflow", "flat"];
    public override IReadOnlyList<string> Fields { get; } = ["latest", "sum_5d", "streak", "cumulative", "partial"];

    protected override EtfFlowsSignalOptions Parse(SignalSpec spec)
    {
        int window = spec.Integer(Window);
        if (window < 1) throw spec.Problem("parameter 'window' must be at least 1", Window.Name);
        return new EtfFlowsSignalOptions(spec.Text(Table), window);
    }

    protected override SignalReading Read(EtfFlowsSignalOptions o, IMarketData data, DateOnly asOf)
    {
        if (data.Flows(o.Table) is not { } table)
            return SignalReading.NotMeasurable($"no flow table {o.Table}", [SignalInput.Missing(o.Table)]);
        // The long window is the signal's window, so every flow day carries the rolling sum the label runs on.
        var history = FlowDays.AsOf(data, table, asOf, o.Flows);
        var reading = EtfFlowStatistics.Read(history, o.Window);
        var inputs = new List<SignalInput> { SignalInput.Of(o.Table, table.Instrument.Calendar, reading?.Latest.Date, asOf) };
        if (reading is null) return SignalReading.NotMeasurable($"{o.Table} has no flow day on or before {Say.Date(asOf)}", inputs);
        if (double.IsNaN(reading.WindowSum))
            return SignalReading.NotMeasurable($"{o.Table} has {history.Days.Count} flow day(s) on or before {Say.Date(asOf)}, fewer than the {o.Window}-day window", inputs);
        var days = history.Days;
        int sign = Math.Sign(reading.WindowSum), run = days.Count - 1;
        while (run > 0 && !double.IsNaN(days[run - 1].LongSum) && Math.Sign(days[run - 1].LongSum) == sign) run--;
        var latest = reading.Latest;
        var streak = reading.CurrentStreak;
        string streakText = streak.Direction == FlowDirection.Flat ? "no net flow" : $"{streak.Days} {(streak.Direction == FlowDirection.Inflow ? "inflow" : "outflow")} day(s) in a row";
        string sentence = $"{o.Table}: {Say.Signed(reading.WindowSum)} US$ m net over the last {o.Window} flow days " +
                          $"({Say.Date(days[^o.Window].Date)} to {Say.Date(latest.Date)}); latest day {Say.Signed(latest.Total)}, {streakText}; " +
                          $"{Say.Signed(latest.Cumulative)} since launch.";
        var fields = new Dictionary<string, double>
        {
            ["latest"] = latest.Total,
            ["sum_5d"] = latest.ShortSum,
            ["streak"] = latest.Streak,
            ["cumulative"] = latest.Cumulative,
            ["partial"] = Say.Flag(latest.Partial),
        };
        string label = sign > 0 ? "inflow" : sign < 0 ? "outflow" : "flat";
        return new SignalReading(true, reading.WindowSum, label, days[run].Date, sentence, days[^o.Window].Date, latest.Date, inputs, fields, "US$ m");
    }
}
