namespace Bellwether.Core.Structure.Breakout;

/// <summary>Where a resistance level comes from.</summary>
public enum LevelKind
{
    /// <summary>The highest close (or high) over a multi-year lookback, excluding the most recent bars.</summary>
    MultiYearHigh,
    /// <summary>A zone of clustered pivot highs.</summary>
    Zone,
    /// <summary>A level the caller chose.</summary>
    Manual,
}
