using Bellwether.Core.Measurements;
using Bellwether.Core.Statistics.EtfFlows;
using static Bellwether.Core.Claims.ReadingText;
using Rotation = Bellwether.Core.Statistics.EtfFlows.FlowRotation;

namespace Bellwether.Core.Claims.FlowRotation;

/// <summary>
/// "ETH ETFs took money while BTC ETFs lost it": net flows of two fund families over the last N flow days both share
/// up to the claim date (<see cref="Rotation"/>), for 5, 10 and 20 flow days (one, two and four trading weeks).
/// Value: the "into" family's net flow (US$ millions); state: <c>rotation</c> (into &gt; 0 and out of &lt; 0),
/// <c>reverse</c>, <c>both_inflow</c>, <c>both_outflow</c> or <c>flat</c>.
/// </summary>
public sealed class FlowRotationClaim : IClaimKind
{
    public string Name => "flow_rotation";

    public string Description => "Net flows of two ETF families over the last 5/10/20 shared flow days: rotation or not";

    public IReadOnlyList<MeasurementParameter> Parameters { get; } =
        ClaimParameters.Named("into", "out_of", "windows_days");

    public void Validate(ClaimDefinition claim) => _ = Options(claim);

    private static (string Into, string OutOf, int[] Windows) Options(ClaimDefinition c) =>
        (c.Required("into"), c.Required("out_of"), c.Integers("windows_days", 1, 5, 10, 20));

    public IReadOnlyList<ClaimReading> Read(ClaimDefinition claim, ClaimData data)
    {
        var (intoId, outId, windows) = Options(claim);
        var into = data.AsOfClaim.Flows(intoId);
        var outOf = data.AsOfClaim.Flows(outId);
        var readings = new List<ClaimReading>();
        var intoHistory = into is null ? null : EtfFlowStatistics.Build(into, data.ClaimDate);
        var outHistory = outOf is null ? null : EtfFlowStatistics.Build(outOf, data.ClaimDate);
        foreach (int w in windows)
        {
            string label = $"last {w} flow days";
            string definition = $"Net flows of {intoId} and {outId} summed over the last {w} flow days both have on or before {Day(data.ClaimDate)} " +
                                "(a day's flow is the sum of the launched funds that reported)";
            var reading = intoHistory is null || outHistory is null ? null : Rotation.Compute(intoHistory, outHistory, w);
            if (reading is null || reading.Window.Days < w)
            {
                string why = into is null || outOf is null ? $"no flow table '{(into is null ? intoId : outId)}' in the data"
                    : $"fewer than {w} shared flow days on or before {Day(data.ClaimDate)}";
                readings.Add(ClaimReading.NotMeasurable(label, definition, "USD millions", why, data.Provenance([intoId, outId])));
                continue;
            }
            var span = reading.Window;
            readings.Add(new ClaimReading(label, definition, true, span.IntoSum, "USD millions", Snake(span.Kind),
                "rotation: the first family's net flow above zero while the second's is below zero",
                $"{intoId} {Signed(span.IntoSum)}M, {outId} {Signed(span.OutOfSum)}M from {Day(span.From)} to {Day(span.To)}; {reading.RotationDays} of {span.Days} days were rotation days",
                data.Provenance([intoId, outId], span.From, span.To, [into!.Source, outOf!.Source]),
                Figures(("into_sum", span.IntoSum), ("out_of_sum", span.OutOfSum), ("rotated", span.Rotated), ("rotation_days", reading.RotationDays), ("days", span.Days)),
                Dates(("from", span.From), ("to", span.To))));
        }
        return readings;
    }

    private static string Signed(double v) => (v >= 0 ? "+" : "") + Number(v, 1);
}
