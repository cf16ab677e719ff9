namespace Bellwether.Data.Import;

/// <summary>How an import treats bad rows.</summary>
/// <param name="SkipBad">Skip bad rows (counted and listed in the report) instead of failing on the first one.</param>
/// <param name="Format">Force an importer by name instead of detecting it from path and header.</param>
public sealed record ImportOptions(bool SkipBad = false, string? Format = null)
{
    /// <summary>The earliest date a row may carry: older dates are typing errors (year 0001), not market
    /// data.</summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);

    /// <summary>
    /// The import's clock (the caller's; the system clock unless set): a row dated after its UTC day plus one day
    /// (a day ahead of UTC covers the markets east of it) is bad input.
    /// </summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The latest date a row may carry by <see cref="Clock"/>.</summary>
    public DateOnly LatestDate() => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime).AddDays(1);
}
