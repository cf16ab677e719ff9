using Bellwether.Core.Board;
using Bellwether.Core.Charts;
using Bellwether.Core.Measurements.EtfFlows;
using Bellwether.Core.Signals;
using Bellwether.Core.Statistics.EtfFlows;
using Rotation = Bellwether.Core.Statistics.EtfFlows.FlowRotation;

namespace Bellwether.Core.Measurements.FlowRotation;

/// <summary>
/// <c>flow_rotation</c> (alias <c>etf_rotation</c>): the net flows of two ETF families over the last shared flow days
/// on or before a date (<see cref="Rotation.Compute"/>), in US$ millions: did one take money while the other lost it?
/// </summary>
public sealed class FlowRotationMeasurement : Measurement<FlowRotationParameters, RotationReading>
{
    public static readonly MeasurementParameter Into = new("into", "ETH_SPOT_ETF_FLOWS",
        "flow table money would rotate into");

    public static readonly MeasurementParameter OutOf = new("out_of", "BTC_SPOT_ETF_FLOWS",
        "flow table money would rotate out of");

    public static readonly MeasurementParameter Window = new("window", "20", "shared flow days in the window")
    {
        Aliases = ["windows_days"],
    };

    public override string Name => "flow_rotation";
    public override IReadOnlyList<string> Aliases { get; } = ["etf_rotation"];
    public override IReadOnlyList<MeasurementParameter> Parameters { get; } = [Into, OutOf, Window];

    public override FlowRotationParameters Parse(IParameterValues values) =>
        values.Build(() => new FlowRotationParameters(values.Text(Into), values.Text(OutOf), values.Integer(Window)));

    /// <summary>Both families' daily flows and rolling sums (<see cref="FlowRotationChart"/>).</summary>
    public override Chart? Chart(FlowRotationParameters o, ChartContext context) =>
        context.View.Flows(o.Into) is { Count: > 0 } into && context.View.Flows(o.OutOf) is { Count: > 0 } outOf
            ? FlowRotationChart.Draw(EtfFlowStatistics.Build(outOf, context.Date),
                EtfFlowStatistics.Build(into, context.Date), context.Date)
            : context.Missing("ETF flows", $"{o.Into} and {o.OutOf}");

    public override Measured<RotationReading> Measure(FlowRotationParameters p, IMarketData data, DateOnly asOf)
    {
        var tables = new[] { p.Into, p.OutOf }.Select(data.Flows).ToArray();
        if (tables[0] is null || tables[1] is null)
            return Measured.NotMeasurable<RotationReading>($"no flow table {(tables[0] is null ? p.Into : p.OutOf)}",
                [.. new[] { p.Into, p.OutOf }.Where((_, k) => tables[k] is null).Select(SignalInput.Missing)]);
        var histories = tables.Select(t => FlowDays.AsOf(data, t!, asOf, FlowParameters.Default)).ToArray();
        var inputs = histories.Select((h, k) => SignalInput.Of(h.Id, tables[k]!.Instrument.Calendar,
            h.Days.Count > 0 ? h.Days[^1].Date : null, asOf)).ToList();
        return Rotation.Compute(histories[0], histories[1], p.Window) is { } r ? Measured.Of(r, inputs)
            : Measured.NotMeasurable<RotationReading>(
                $"{p.Into} and {p.OutOf} share no flow day on or before {Say.Date(asOf)}", inputs);
    }
}
