using Bellwether.Core.Board;
using Bellwether.Core.Statistics.Drawdown;

namespace Bellwether.Core.Measurements.Drawdown;

/// <summary>
/// The <see cref="DrawdownMeasurement"/> as a signal. Value: the drawdown as a fraction (−0.307 = 30.7% below the
/// peak; shown as −30.7% by the formatting table), as in the claim; a thesis rule writes it <c>-20%</c> or <c>-0.2</c>.
/// Percent until units version 2 (docs/thesis.md, "Units"): a rule threshold outside −1..0 is refused, not misread.
/// Label: <c>at_peak</c> or <c>below_peak</c>, since the peak.
/// </summary>
public sealed class DrawdownSignal() : MeasurementSignal<DrawdownParameters, DrawdownReading>(new DrawdownMeasurement())
{
    public override string Description =>
        "Drawdown from the running peak (a fraction, shown in %), with the peak, its date and the deepest fall";
    public override IReadOnlyList<string> Labels { get; } = ["at_peak", "below_peak"];
    public override IReadOnlyList<string> Fields { get; } = ["peak", "close", "days_since_peak", "max_drawdown"];

    /// <summary>A drawdown is a fraction from −1 to 0: a threshold outside that was written in the percent of units
    /// version 1.</summary>
    public override IReadOnlyDictionary<string, ValueRange> Ranges { get; } = new Dictionary<string, ValueRange>
    {
        ["value"] = Fraction,
        ["max_drawdown"] = Fraction,
    };

    public override IReadOnlyDictionary<string, string> FieldUnits { get; } =
        new Dictionary<string, string> { ["max_drawdown"] = "fraction" };

    private static readonly ValueRange Fraction = new(-1, 0,
        "a drawdown is a fraction from -1 to 0 since units version 2 (-0.2 = 20% below the peak): write -20% or -0.2");

    protected override SignalReading Reading(DrawdownParameters parameters, DrawdownReading r,
        IReadOnlyList<SignalInput> inputs, IMarketData data, bool explain)
    {
        var p = r.Latest;
        var fields = new Dictionary<string, double>
        {
            ["peak"] = p.Peak,
            ["close"] = p.Close,
            ["days_since_peak"] = r.DaysSincePeak,
            ["max_drawdown"] = r.MaxDrawdown,
        };
        return new SignalReading(true, p.Drawdown, p.Drawdown == 0 ? "at_peak" : "below_peak", p.PeakDate,
            explain ? DrawdownMeasurement.Explain(r) : "", r.From, p.Date, inputs, fields, "fraction");
    }
}
