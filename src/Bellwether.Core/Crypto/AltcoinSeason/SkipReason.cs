namespace Bellwether.Core.Crypto.AltcoinSeason;

/// <summary>Why a ranked coin is not among the index's eligible coins.</summary>
public enum SkipReason
{
    /// <summary>The benchmark itself (Bitcoin).</summary>
    Benchmark,
    /// <summary>Flagged as a stablecoin in a coin list.</summary>
    Stablecoin,
    /// <summary>Flagged as a wrapped, staked or asset-backed token in a coin list.</summary>
    WrappedOrBacked,
    /// <summary>Excluded by the caller's own exclusion list.</summary>
    ExcludedByOption,
    /// <summary>The symbol already appeared higher in the same ranking (a reused ticker); only the first
    /// counts.</summary>
    DuplicateSymbol,
    /// <summary>No daily series with a close on or before t under the symbol, its scaled contracts or its
    /// aliases.</summary>
    NoDailySeries,
    /// <summary>A series exists but has no close at the start of the window (t − N).</summary>
    MissingStartClose,
    /// <summary>A series exists but has no close at the date (t).</summary>
    MissingEndClose,
    /// <summary>A series exists but has a close at neither end of the window.</summary>
    MissingBothCloses,
}

/// <summary>A ranked coin left out, with the reason.</summary>
/// <param name="Symbol">The ranking's symbol.</param>
/// <param name="Rank">Its rank in the ranking in force (excluded coins keep their place in the numbering).</param>
/// <param name="Reason">Why it was left out.</param>
/// <param name="Detail">For missing closes: what each tried series had, as known at the date; otherwise null.</param>
public sealed record SkippedCoin(string Symbol, int Rank, SkipReason Reason, string? Detail);
