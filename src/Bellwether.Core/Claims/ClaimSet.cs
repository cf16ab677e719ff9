namespace Bellwether.Core.Claims;

/// <summary>The claims of one file.</summary>
/// <param name="Name">What the claims come from (an article's title).</param>
/// <param name="Source">Where it was published, for provenance (free text).</param>
/// <param name="Claims">The claims, in file order.</param>
public sealed record ClaimSet(string Name, string Source, IReadOnlyList<ClaimDefinition> Claims);
