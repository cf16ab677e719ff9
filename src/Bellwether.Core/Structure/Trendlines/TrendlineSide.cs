namespace Bellwether.Core.Structure.Trendlines;

/// <summary>Which trendline is sought.</summary>
public enum TrendlineSide
{
    /// <summary>A descending line over pivot highs that closes stay under; it breaks upward.</summary>
    Resistance,
    /// <summary>An ascending line under pivot lows that closes stay above; it breaks downward.</summary>
    Support,
}
