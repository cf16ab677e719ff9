namespace Bellwether.Core.Structure.Breakout;

/// <summary>The resistance levels standing on a date and the dated breakout events that led there.</summary>
/// <param name="AsOf">The last bar on or before the requested date (null: no bar).</param>
/// <param name="Levels">The multi-year high being tracked (if any) first, then the zones, highest first.</param>
/// <param name="Events">Every event of the multi-year-high track over the whole history, and of each zone since its
/// last touch, in date order.</param>
public sealed record BreakoutReport(DateOnly? AsOf, IReadOnlyList<LevelStatus> Levels,
    IReadOnlyList<BreakoutEvent> Events);
