namespace Bellwether.Core.Board;

/// <summary>Where a signal leaves the thesis.</summary>
public enum SignalState
{
    /// <summary>The reading is what the thesis expects.</summary>
    Supports,
    /// <summary>Measured, but neither supporting nor contradicting.</summary>
    Neutral,
    /// <summary>The reading contradicts the thesis (including the article's own caveats, where data shows
    /// them).</summary>
    Against,
    /// <summary>No data, too little data, or no source exists: nothing is guessed.</summary>
    NotMeasurable,
}
