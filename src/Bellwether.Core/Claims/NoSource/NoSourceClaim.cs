using Bellwether.Core.Measurements;

namespace Bellwether.Core.Claims.NoSource;

/// <summary>
/// A claim no data at hand can check (small-cap ETF flows, an analyst's earnings forecast): one reading, not
/// measurable, naming the data it would need. Nothing is guessed.
/// </summary>
public sealed class NoSourceClaim : IClaimKind
{
    public string Name => "no_source";

    public string Description => "Not checkable: names the data the claim would need";

    public IReadOnlyList<MeasurementParameter> Parameters { get; } = ClaimParameters.Named("needs");

    public void Validate(ClaimDefinition claim) => _ = claim.Required("needs");

    public IReadOnlyList<ClaimReading> Read(ClaimDefinition claim, ClaimData data) =>
    [
        ClaimReading.NotMeasurable("no source", $"Would need: {claim.Required("needs")}", "", $"no source: the data at hand has no {claim.Required("needs")}", data.Provenance([])),
    ];
}
