namespace Bellwether.Core.Structure.Breakout;

/// <summary>One dated step of a breakout of one level.</summary>
/// <param name="Date">The bar on which it happened.</param>
/// <param name="Type">What happened.</param>
/// <param name="Level">The level's price.</param>
/// <param name="Close">The close of that bar.</param>
/// <param name="Kind">Where the level comes from.</param>
/// <param name="LevelDate">The date that defines the level: the multi-year high's bar, or the zone's highest
/// pivot.</param>
public sealed record BreakoutEvent(DateOnly Date, BreakoutEventType Type, double Level, double Close, LevelKind Kind,
    DateOnly LevelDate);
