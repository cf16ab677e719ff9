namespace Bellwether.Core.Structure.Breakout;

/// <summary>Where price stands against one resistance level.</summary>
public enum BreakoutState
{
    /// <summary>No breakout under way and the close is more than the approach band below the level.</summary>
    Below,
    /// <summary>No breakout under way and the close is within the approach band below the level.</summary>
    Approaching,
    /// <summary>No breakout under way and the high reached the level (within the test band), but no close cleared it by the buffer.</summary>
    Testing,
    /// <summary>A close cleared the level by the buffer; not yet confirmed.</summary>
    Breakout,
    /// <summary>The breakout was confirmed by consecutive closes or a month-end close above the level.</summary>
    Confirmed,
    /// <summary>After confirmation, price came back to the level and the close held above it.</summary>
    Retest,
    /// <summary>A close fell back through the level by the fail band within the fail window; stays until the next breakout.</summary>
    Failed,
}
