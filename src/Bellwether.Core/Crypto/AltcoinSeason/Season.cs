namespace Bellwether.Core.Crypto.AltcoinSeason;

/// <summary>The band an Altcoin Season Index value falls in.</summary>
public enum Season
{
    /// <summary>The index is at or below the Bitcoin-season threshold (25 by default).</summary>
    BitcoinSeason,
    /// <summary>Between the two thresholds.</summary>
    Neutral,
    /// <summary>The index is at or above the altcoin-season threshold (75 by default).</summary>
    AltcoinSeason,
    /// <summary>No index that day (see <see cref="IndexStatus"/>).</summary>
    Undefined,
}

/// <summary>Whether an index value could be computed, and if not, why.</summary>
public enum IndexStatus
{
    /// <summary>Computed.</summary>
    Ok,
    /// <summary>No ranking list has a ranking on or before the date.</summary>
    NoRanking,
    /// <summary>The benchmark (Bitcoin) lacks a close at the date or at the start of the window.</summary>
    NoBenchmarkCloses,
    /// <summary>No ranked altcoin has closes at both ends of the window.</summary>
    NoEligibleCoins,
}
