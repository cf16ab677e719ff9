using Bellwether.Core.Universe;

namespace Bellwether.Core.Crypto.AltcoinSeason;

/// <summary>Which coins the index draws from and how ranking symbols map to daily series.</summary>
/// <param name="Benchmark">The coin the others are measured against, and left out of the ranking: <c>BTC</c>.</param>
/// <param name="RankingPriority">Ranking lists in order (null:
/// <see cref="RankingTimeline.DefaultPrecedence"/>).</param>
/// <param name="Combination">How the lists combine into the ranking in force (default: the latest ranking of any
/// list).</param>
/// <param name="Exclude">Extra symbols to leave out, on top of the coin lists' stablecoin and wrapped flags.</param>
/// <param name="Include">Symbols to keep even though a coin list flags them.</param>
/// <param name="Aliases">Per ranking symbol, further series to try (in order) after its own series and its scaled
/// contracts, e.g. <c>POL → [MATIC]</c>. Each candidate must supply both closes itself.</param>
public sealed record AltcoinUniverseOptions(
    string Benchmark = "BTC",
    IReadOnlyList<string>? RankingPriority = null,
    RankingCombination Combination = RankingCombination.Latest,
    IReadOnlyCollection<string>? Exclude = null,
    IReadOnlyCollection<string>? Include = null,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Aliases = null)
{
    /// <summary>The defaults: benchmark BTC, the latest ranking of any list, the coin lists' flags, no
    /// aliases.</summary>
    public static AltcoinUniverseOptions Default { get; } = new();
}
