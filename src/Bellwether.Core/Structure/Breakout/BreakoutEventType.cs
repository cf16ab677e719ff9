namespace Bellwether.Core.Structure.Breakout;

/// <summary>A dated step of a breakout.</summary>
public enum BreakoutEventType
{
    /// <summary>The first close above level × (1 + buffer).</summary>
    Breakout,
    /// <summary>The breakout was confirmed.</summary>
    Confirmed,
    /// <summary>The first retest after confirmation whose close held.</summary>
    Retest,
    /// <summary>A close below level × (1 − fail band) within the fail window.</summary>
    Failed,
    /// <summary>A close below level × (1 − fail band) after the fail window: the breakout had held, and is now
    /// undone.</summary>
    Reversed,
}
