namespace Bellwether.Data.Import;

/// <summary>How an import treats bad rows.</summary>
/// <param name="SkipBad">Skip bad rows (counted and listed in the report) instead of failing on the first one.</param>
/// <param name="Format">Force an importer by name instead of detecting it from path and header.</param>
public sealed record ImportOptions(bool SkipBad = false, string? Format = null);
