using Bellwether.Core.Board;
using Bellwether.Core.Statistics.Drawdown;

namespace Bellwether.Core.Measurements.Drawdown;

/// <summary>
/// The <see cref="DrawdownMeasurement"/> as a signal. Value: the drawdown in percent (−30.7 = 30.7% below the peak),
/// the unit the thesis's rules test. Label: <c>at_peak</c> or <c>below_peak</c>, since the peak.
/// </summary>
public sealed class DrawdownSignal() : MeasurementSignal<DrawdownParameters, DrawdownReading>(new DrawdownMeasurement())
{
    public override string Description =>
        "Drawdown from the running peak (%), with the peak, its date and the deepest fall";
    public override IReadOnlyList<string> Labels { get; } = ["at_peak", "below_peak"];
    public override IReadOnlyList<string> Fields { get; } = ["peak", "close", "days_since_peak", "max_drawdown"];

    protected override SignalReading Reading(DrawdownParameters parameters, DrawdownReading r,
        IReadOnlyList<SignalInput> inputs, IMarketData data)
    {
        var p = r.Latest;
        var fields = new Dictionary<string, double>
        {
            ["peak"] = p.Peak,
            ["close"] = p.Close,
            ["days_since_peak"] = r.DaysSincePeak,
            ["max_drawdown"] = r.MaxDrawdown * 100,
        };
        return new SignalReading(true, p.Drawdown * 100, p.Drawdown == 0 ? "at_peak" : "below_peak", p.PeakDate,
            DrawdownMeasurement.Explain(r), r.From, p.Date, inputs, fields, "%");
    }
}
