namespace Bellwether.Core.Structure.Breakout;

/// <summary>One resistance level and where price stands against it as of a date.</summary>
/// <param name="Kind">Where the level comes from.</param>
/// <param name="Price">The level (a zone's top).</param>
/// <param name="Bottom">A zone's lowest pivot; the price itself for other levels.</param>
/// <param name="Touches">Pivot highs within the zone tolerance of the level, from its first touch to the as-of date (a
/// zone: its pivots).</param>
/// <param name="FirstTouch">The multi-year high's bar, or the zone's earliest pivot.</param>
/// <param name="LastTouch">The latest touching pivot (the first touch when there is none since).</param>
/// <param name="AgeDays">Calendar days from the first touch to the as-of bar.</param>
/// <param name="State">The state of the breakout machine on the as-of bar.</param>
/// <param name="Since">The date that state began.</param>
public sealed record LevelStatus(LevelKind Kind, double Price, double Bottom, int Touches, DateOnly FirstTouch,
    DateOnly LastTouch, int AgeDays, BreakoutState State, DateOnly Since);
