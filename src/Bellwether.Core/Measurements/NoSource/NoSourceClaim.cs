using Bellwether.Core.Claims;

namespace Bellwether.Core.Measurements.NoSource;

/// <summary>
/// A claim no data at hand can check (small-cap ETF flows, an analyst's earnings forecast): one reading, not
/// measurable, naming the data it would need (<see cref="NoSourceMeasurement.Needs"/>, required here). Nothing is
/// guessed.
/// </summary>
public sealed class NoSourceClaim : IClaimKind
{
    public string Name => "no_source";

    public string Description => "Not checkable: names the data the claim would need";

    public IReadOnlyList<MeasurementParameter> Parameters { get; } = [NoSourceMeasurement.Needs];

    public void Validate(ClaimDefinition claim) => _ = claim.Required(NoSourceMeasurement.Needs);

    public IReadOnlyList<ClaimReading> Read(ClaimDefinition claim, ClaimData data)
    {
        var needs = claim.Required(NoSourceMeasurement.Needs);
        return
        [
            ClaimReading.NotMeasurable("no source", $"Would need: {needs}", "",
                $"no source: the data at hand has no {needs}", data.Provenance([])),
        ];
    }
}
