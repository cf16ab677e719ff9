namespace Bellwether.Core.Crypto.AltcoinSeason;

/// <summary>One day of the index history.</summary>
/// <param name="Date">The day t.</param>
/// <param name="Index">100 × outperformers / eligible, NaN when <paramref name="Status"/> says it is undefined.</param>
/// <param name="Eligible">Coins counted (at most K); 0 when undefined.</param>
/// <param name="Outperformers">Eligible coins whose N-day return beat the benchmark's.</param>
/// <param name="Status">Whether the index was defined, and whether it rests on enough (see
/// <see cref="IndexStatus"/>).</param>
/// <param name="RankingAgeDays">Days from the ranking in force to t; -1 without a ranking.</param>
public readonly record struct AltcoinSeasonPoint(
    DateOnly Date, double Index, int Eligible, int Outperformers, IndexStatus Status, int RankingAgeDays = -1)
{
    /// <summary>True when the index is a number (ok, partial or on a stale ranking).</summary>
    public bool IsDefined => Status.IsDefined();
}
