namespace Bellwether.Core.Claims;

/// <summary>A checked claim.</summary>
/// <param name="Claim">The claim as defined.</param>
/// <param name="Verdict">Over its measurable readings (see <see cref="ClaimVerdict"/>).</param>
/// <param name="Summary">One sentence with the numbers behind the verdict.</param>
/// <param name="Readings">Every reading, each with <see cref="ClaimReading.Within"/> set.</param>
public sealed record ClaimResult(ClaimDefinition Claim, ClaimVerdict Verdict, string Summary, IReadOnlyList<ClaimReading> Readings);
