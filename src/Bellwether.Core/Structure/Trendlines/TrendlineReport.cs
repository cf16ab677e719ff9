namespace Bellwether.Core.Structure.Trendlines;

/// <summary>The trendlines of one side as of a date.</summary>
/// <param name="Side">Resistance or support.</param>
/// <param name="AsOf">The last bar on or before the requested date (null: no bar).</param>
/// <param name="Dominant">The longest-lasting line (ties: more touches, then the later start), or null when none
/// qualifies.</param>
/// <param name="Lines">The successive trends in the lookback, each starting after the previous one broke.</param>
public sealed record TrendlineReport(TrendlineSide Side, DateOnly? AsOf, Trendline? Dominant,
    IReadOnlyList<Trendline> Lines);
