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

/// <summary>
/// Whether an index value could be computed, and how much it rests on: <see cref="Ok"/>, <see cref="Partial"/> and
/// <see cref="StaleRanking"/> carry a value; the others do not.
/// </summary>
public enum IndexStatus
{
    /// <summary>Computed from at least the minimum share of K coins on a ranking no older than the limit.</summary>
    Ok,
    /// <summary>Computed, but from fewer eligible coins than the minimum share of K
    /// (<see cref="AltcoinSeasonParameters.MinCoverage"/>).</summary>
    Partial,
    /// <summary>Computed, but the ranking in force is older than
    /// <see cref="AltcoinSeasonParameters.MaxRankingAgeDays"/>.</summary>
    StaleRanking,
    /// <summary>No ranking list has a ranking on or before the date.</summary>
    NoRanking,
    /// <summary>The benchmark (Bitcoin) lacks a close at the date or at the start of the window.</summary>
    NoBenchmarkCloses,
    /// <summary>No ranked altcoin has closes at both ends of the window.</summary>
    NoEligibleCoins,
}

/// <summary>Helpers on <see cref="IndexStatus"/>.</summary>
public static class IndexStatusExtensions
{
    /// <summary>True when the status carries an index value (ok, partial or on a stale ranking).</summary>
    public static bool IsDefined(this IndexStatus status) => status is IndexStatus.Ok or IndexStatus.Partial
        or IndexStatus.StaleRanking;
}
