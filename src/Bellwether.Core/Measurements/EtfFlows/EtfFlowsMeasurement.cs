using Bellwether.Core.Board;
using Bellwether.Core.Signals;
using Bellwether.Core.Statistics.EtfFlows;

namespace Bellwether.Core.Measurements.EtfFlows;

/// <summary>
/// <c>etf_flows</c>: the net flows of a family of ETFs over the last <c>window</c> flow days on or before a date
/// (<see cref="EtfFlowStatistics.Build"/>, <see cref="EtfFlowStatistics.Read"/>), in US$ millions, with the first day
/// of the current run of window sums of the same sign.
/// </summary>
public sealed class EtfFlowsMeasurement : Measurement<EtfFlowsOf, EtfFlowsReading>
{
    public static readonly MeasurementParameter Table = new("table", "ETH_SPOT_ETF_FLOWS", "flow table id");
    public static readonly MeasurementParameter Window = new("window", "20",
        "flow days in the net-flow sum (20: about a trading month)");

    public override string Name => "etf_flows";
    public override IReadOnlyList<MeasurementParameter> Parameters { get; } = [Table, Window];

    public override EtfFlowsOf Parse(IParameterValues values)
    {
        int window = values.Integer(Window);
        if (window < 1) throw values.Problem("parameter 'window' must be at least 1", Window.Name);
        return values.Build(() => new EtfFlowsOf(values.Text(Table), window));
    }

    public override Measured<EtfFlowsReading> Measure(EtfFlowsOf o, IMarketData data, DateOnly asOf)
    {
        if (data.Flows(o.Table) is not { } table)
            return Measured.NotMeasurable<EtfFlowsReading>($"no flow table {o.Table}", [SignalInput.Missing(o.Table)]);
        // The long window is the measurement's window, so every flow day carries the rolling sum the run reads.
        var history = FlowDays.AsOf(data, table, asOf, o.Flows);
        var reading = EtfFlowStatistics.Read(history, o.Window);
        var inputs = new List<SignalInput>
        {
            SignalInput.Of(o.Table, table.Instrument.Calendar, reading?.Latest.Date, asOf),
        };
        if (reading is null)
            return Measured.NotMeasurable<EtfFlowsReading>(
                $"{o.Table} has no flow day on or before {Say.Date(asOf)}", inputs);
        var days = history.Days;
        if (double.IsNaN(reading.WindowSum))
            return Measured.NotMeasurable<EtfFlowsReading>($"{o.Table} has {days.Count} flow day(s) on or before " +
                $"{Say.Date(asOf)}, fewer than the {o.Window}-day window", inputs);
        int sign = Math.Sign(reading.WindowSum), run = days.Count - 1;
        while (run > 0 && !double.IsNaN(days[run - 1].LongSum) && Math.Sign(days[run - 1].LongSum) == sign) run--;
        return Measured.Of(new EtfFlowsReading(reading, days[^o.Window].Date, days[run].Date), inputs);
    }
}

/// <summary>An ETF family's flows over a window on or before a date.</summary>
/// <param name="Flows">The window's net sum, the latest day and its streak (US$ m).</param>
/// <param name="WindowStart">The first flow day of the window.</param>
/// <param name="SignSince">The first day of the current run of window sums of the same sign.</param>
public sealed record EtfFlowsReading(EtfFlowReading Flows, DateOnly WindowStart, DateOnly SignSince);
