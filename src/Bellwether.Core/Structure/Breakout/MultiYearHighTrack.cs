using System.Collections.Immutable;

namespace Bellwether.Core.Structure.Breakout;

/// <summary>The multi-year high tracked on one bar and the state of its breakout machine after that bar.</summary>
/// <param name="Level">The level's price.</param>
/// <param name="LevelDate">The bar that set it.</param>
/// <param name="State">The state after the bar.</param>
/// <param name="Since">The date that state began.</param>
public sealed record MultiYearHighTrackPoint(double Level, DateOnly LevelDate, BreakoutState State, DateOnly Since);

/// <summary>The multi-year-high track of a whole series (<see cref="BreakoutAnalysis.Track"/>).</summary>
/// <param name="Dates">The series' dates.</param>
/// <param name="Points">Per bar, the tracked level and its state (null: no level tracked, e.g. before the lookback is
/// covered).</param>
/// <param name="Events">Every event of the track, in date order; those dated on or before a bar are the ones known on
/// it.</param>
public sealed record MultiYearHighTrack(ImmutableArray<DateOnly> Dates, IReadOnlyList<MultiYearHighTrackPoint?> Points,
    IReadOnlyList<BreakoutEvent> Events)
{
    /// <summary>The index of the last bar on or before <paramref name="date"/>, or -1.</summary>
    public int IndexOnOrBefore(DateOnly date)
    {
        int i = Dates.AsSpan().BinarySearch(date);
        return i >= 0 ? i : ~i - 1;
    }
}
