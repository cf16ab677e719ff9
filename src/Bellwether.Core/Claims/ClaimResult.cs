namespace Bellwether.Core.Claims;

/// <summary>A checked claim.</summary>
/// <param name="Claim">The claim as defined.</param>
/// <param name="Verdict">Over its measurable readings (see <see cref="ClaimVerdict"/>).</param>
/// <param name="Summary">One sentence with the numbers behind the verdict.</param>
/// <param name="Readings">Every reading, each with <see cref="ClaimReading.Within"/> set.</param>
public sealed record ClaimResult(ClaimDefinition Claim, ClaimVerdict Verdict, string Summary,
    IReadOnlyList<ClaimReading> Readings)
{
    /// <summary>The unit of the claim's readings (a claim's readings share one), empty when it has none.</summary>
    public string Unit => Readings.Select(r => r.Unit).FirstOrDefault(u => u.Length > 0) ?? "";

    /// <summary>What the claim states, in the unit of its readings: <c>+380.0% ± 40.0%</c>, not <c>3.8 ±
    /// 0.4</c>.</summary>
    public string Target => ClaimChecker.DescribeTarget(Claim.Target, Unit);
}
