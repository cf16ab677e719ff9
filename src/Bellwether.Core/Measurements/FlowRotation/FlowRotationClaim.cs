using Bellwether.Core.Claims;
using Bellwether.Core.Text;
using static Bellwether.Core.Claims.ReadingText;

namespace Bellwether.Core.Measurements.FlowRotation;

/// <summary>
/// "ETH ETFs took money while BTC ETFs lost it": net flows of two fund families over the last N flow days both share
/// up to the claim date (<see cref="FlowRotationMeasurement"/>), for 5, 10 and 20 flow days (one, two and four
/// trading weeks). Value: the "into" family's net flow minus the "out of" family's (US$ millions), as the
/// <c>flow_rotation</c> signal's value; state: <c>rotation</c> (into &gt; 0 and out
/// of &lt; 0), <c>reverse</c>, <c>both_inflow</c>, <c>both_outflow</c> or <c>flat</c>.
/// </summary>
public sealed class FlowRotationClaim : IClaimKind
{
    /// <summary>A claim reads one, two and four trading weeks unless it names its windows.</summary>
    private static readonly MeasurementParameter Windows =
        FlowRotationMeasurement.Window with { Default = "5, 10, 20" };

    private readonly FlowRotationMeasurement _measurement = new();

    public string Name => _measurement.Name;

    public IReadOnlyList<string> Aliases => _measurement.Aliases;

    public string Description =>
        "Net flows of two ETF families over the last 5/10/20 shared flow days: rotation or not";

    public IReadOnlyList<MeasurementParameter> Parameters { get; } =
        [FlowRotationMeasurement.Into, FlowRotationMeasurement.OutOf, Windows];

    public void Validate(ClaimDefinition claim) => _ = Options(claim);

    private static (string Into, string OutOf, int[] Windows) Options(ClaimDefinition c) =>
        (c.Required(FlowRotationMeasurement.Into), c.Required(FlowRotationMeasurement.OutOf), c.Integers(Windows, 1));

    public IReadOnlyList<ClaimReading> Read(ClaimDefinition claim, ClaimData data)
    {
        var (intoId, outId, windows) = Options(claim);
        var readings = new List<ClaimReading>();
        foreach (int w in windows)
        {
            string label = $"last {w} flow days";
            string definition =
                $"Net flows of {intoId} and {outId} summed over the last {w} flow days both have on or before " +
                $"{Day(data.ClaimDate)} " +
                                "(a day's flow is the sum of the launched funds that reported)";
            var parameters = new FlowRotationParameters(intoId, outId, w);
            var measured = _measurement.Measure(parameters, data.AsOfClaim, data.ClaimDate);
            if (measured.Result is not { } reading || reading.Window.Days < w)
            {
                string why = measured.Why ?? $"fewer than {w} shared flow days on or before {Day(data.ClaimDate)}";
                readings.Add(ClaimReading.NotMeasurable(label, definition, "US$ m", why,
                    data.Provenance([intoId, outId])));
                continue;
            }
            var span = reading.Window;
            readings.Add(new ClaimReading(label, definition, true, span.IntoSum - span.OutOfSum, "US$ m",
                Snake(span.Kind), "rotation: the first family's net flow above zero while the second's is below zero",
                $"{intoId} − {outId}: {intoId} {Signed(span.IntoSum)}, {outId} {Signed(span.OutOfSum)} US$ m from " +
                $"{Day(span.From)} to {Day(span.To)}; {reading.RotationDays} of {span.Days} days were rotation days",
                data.Provenance([intoId, outId], span.From, span.To,
                    [data.AsOfClaim.Flows(intoId)!.Source, data.AsOfClaim.Flows(outId)!.Source]),
                Figures(("into_sum", span.IntoSum), ("out_of_sum", span.OutOfSum), ("rotated", span.Rotated),
                    ("rotation_days", reading.RotationDays), ("days", span.Days)),
                Dates(("from", span.From), ("to", span.To))));
        }
        return readings;
    }

    private static string Signed(double v) => ValueText.Of(v, ValueKind.UsdMillions)[..^" US$ m".Length];
}
