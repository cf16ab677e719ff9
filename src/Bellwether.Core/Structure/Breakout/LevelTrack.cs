namespace Bellwether.Core.Structure.Breakout;

/// <summary>The breakout history of one level.</summary>
/// <param name="Level">The level.</param>
/// <param name="State">The state on the last bar evaluated (<see cref="BreakoutState.Below"/> with a null
/// <paramref name="Since"/> when no bar was).</param>
/// <param name="Since">When that state began.</param>
/// <param name="Events">The dated events, in order.</param>
public sealed record LevelTrack(double Level, BreakoutState State, DateOnly? Since,
    IReadOnlyList<BreakoutEvent> Events);
