using Bellwether.Core.Universe;

namespace Bellwether.Core.Crypto.AltcoinSeason;

/// <summary>The Altcoin Season Index at one date, with the coins behind it.</summary>
/// <param name="Date">The day t.</param>
/// <param name="Parameters">N, K and the thresholds used.</param>
/// <param name="Index">100 × outperformers / eligible; NaN unless <paramref name="Status"/> carries a value.</param>
/// <param name="Season">The band of <paramref name="Index"/>.</param>
/// <param name="Status">Whether the index was defined and how much it rests on.</param>
/// <param name="Eligible">The eligible coins, in rank order (at most K).</param>
/// <param name="Skipped">Ranked coins left out above the last eligible one (or the whole ranking when fewer than K
/// are eligible), in rank order, each with its reason.</param>
/// <param name="BenchmarkReturn">The benchmark's N-day return, NaN when it lacks a close.</param>
/// <param name="Ranking">The ranking in force (list and date), or null.</param>
public sealed record AltcoinSeasonReading(
    DateOnly Date, AltcoinSeasonParameters Parameters, double Index, Season Season, IndexStatus Status,
    IReadOnlyList<CoinReturn> Eligible, IReadOnlyList<SkippedCoin> Skipped, double BenchmarkReturn,
    RankingSnapshot? Ranking)
{
    /// <summary>The number of eligible coins.</summary>
    public int EligibleCount => Eligible.Count;

    /// <summary>The eligible coins that beat the benchmark, best return first (ties in rank order).</summary>
    public IReadOnlyList<CoinReturn> Outperformers =>
        Eligible.Where(c => c.BeatsBenchmark).OrderByDescending(c => c.Return).ThenBy(c => c.Rank).ToList();

    /// <summary>True when fewer than K coins were eligible: the ranking ran out of coins with closes.</summary>
    public bool ShortOfTop => Status.IsDefined() && Eligible.Count < Parameters.TopCount;

    /// <summary>Eligible coins as a share of K (0–1).</summary>
    public double Coverage => (double)Eligible.Count / Parameters.TopCount;

    /// <summary>Days from the ranking in force to the date; null without a ranking.</summary>
    public int? RankingAgeDays => Ranking is null ? null : Date.DayNumber - Ranking.Date.DayNumber;
}
