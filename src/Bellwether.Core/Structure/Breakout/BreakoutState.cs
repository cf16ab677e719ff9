namespace Bellwether.Core.Structure.Breakout;

/// <summary>Where price stands against one resistance level.</summary>
public enum BreakoutState
{
    /// <summary>No breakout under way and the close is more than the approach band below the level.</summary>
    Below,
    /// <summary>No breakout under way and the close is within the approach band below the level.</summary>
    Approaching,
    /// <summary>No breakout under way and the high reached the level (within the test band), but no close cleared it by
    /// the buffer.</summary>
    Testing,
    /// <summary>A close cleared the level by the buffer; not yet confirmed.</summary>
    Breakout,
    /// <summary>The breakout was confirmed by consecutive closes or a month-end close above the level.</summary>
    Confirmed,
    /// <summary>After confirmation, price came back to the level and the close held above it; lasts while bars reach
    /// back into the retest band.</summary>
    Retest,
    /// <summary>After a retest, price left the retest band upward: a bar's low above it (back to <see cref="Retest"/>
    /// when a later bar reaches the band again).</summary>
    Above,
    /// <summary>A close fell back through the level by the fail band within the fail window; stays until the next
    /// breakout.</summary>
    Failed,
    /// <summary>A close cleared a recent top that held less than the minimum time of long-term resistance: a new
    /// multi-year high, not a breakout above resistance. Lasts until the move fails or reverses.</summary>
    NewHigh,
    /// <summary>As <see cref="NewHigh"/>, where the cleared top was the highest of the whole stored history: a fresh
    /// all-time high.</summary>
    AllTimeHigh,
}
