namespace Bellwether.Core.Crypto.AltcoinSeason;

/// <summary>One day of the index history.</summary>
/// <param name="Date">The day t.</param>
/// <param name="Index">100 × outperformers / eligible, NaN when <paramref name="Status"/> is not Ok.</param>
/// <param name="Eligible">Coins counted (at most K); 0 when undefined.</param>
/// <param name="Outperformers">Eligible coins whose N-day return beat the benchmark's.</param>
/// <param name="Status">Whether the index was defined.</param>
public readonly record struct AltcoinSeasonPoint(DateOnly Date, double Index, int Eligible, int Outperformers, IndexStatus Status);
