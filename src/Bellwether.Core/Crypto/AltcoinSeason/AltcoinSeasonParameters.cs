namespace Bellwether.Core.Crypto.AltcoinSeason;

/// <summary>The window and size of an Altcoin Season Index evaluation.</summary>
/// <param name="WindowDays">N, in calendar days: 90 is the "season" index, 30 the "month" and 365 the "year" variant.</param>
/// <param name="TopCount">K, the number of eligible altcoins to count: 50 as blockchaincenter.net publishes it, 100 as CoinMarketCap does.</param>
/// <param name="AltcoinSeasonThreshold">An index at or above this is Altcoin Season (75).</param>
/// <param name="BitcoinSeasonThreshold">An index at or below this is Bitcoin Season (25).</param>
/// <param name="MinCoverage">The share of K that must be eligible for status ok (0.8); below it the reading is partial.</param>
/// <param name="MaxRankingAgeDays">The oldest ranking, in days before t, that gives status ok (35: a monthly list
/// and a few days' lateness); older gives stale_ranking.</param>
public sealed record AltcoinSeasonParameters(
    int WindowDays = 90, int TopCount = 50, double AltcoinSeasonThreshold = 75, double BitcoinSeasonThreshold = 25,
    double MinCoverage = AltcoinSeasonParameters.DefaultMinCoverage, int MaxRankingAgeDays = AltcoinSeasonParameters.DefaultMaxRankingAgeDays)
{
    /// <summary>The default <see cref="MinCoverage"/>.</summary>
    public const double DefaultMinCoverage = 0.8;

    /// <summary>The default <see cref="MaxRankingAgeDays"/>.</summary>
    public const int DefaultMaxRankingAgeDays = 35;

    /// <summary>Throws when a parameter makes no sense.</summary>
    /// <exception cref="ArgumentOutOfRangeException">N or K below 1, or thresholds out of order or outside 0–100.</exception>
    public void Validate()
    {
        if (WindowDays < 1) throw new ArgumentOutOfRangeException(nameof(WindowDays), WindowDays, "window must be at least 1 day");
        if (TopCount < 1) throw new ArgumentOutOfRangeException(nameof(TopCount), TopCount, "top count must be at least 1");
        if (!(BitcoinSeasonThreshold >= 0 && BitcoinSeasonThreshold < AltcoinSeasonThreshold && AltcoinSeasonThreshold <= 100))
            throw new ArgumentOutOfRangeException(nameof(AltcoinSeasonThreshold), "thresholds must satisfy 0 <= bitcoin < altcoin <= 100");
        if (!(MinCoverage is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(MinCoverage), MinCoverage, "minimum coverage must lie in 0–1");
        if (MaxRankingAgeDays < 0) throw new ArgumentOutOfRangeException(nameof(MaxRankingAgeDays), MaxRankingAgeDays, "maximum ranking age must be at least 0 days");
    }

    /// <summary>
    /// The status of a computed index with <paramref name="eligible"/> coins on a ranking <paramref name="rankingAgeDays"/>
    /// old: stale_ranking first, then partial, else ok.
    /// </summary>
    public IndexStatus StatusOf(int eligible, int rankingAgeDays) =>
        rankingAgeDays > MaxRankingAgeDays ? IndexStatus.StaleRanking
        : eligible < MinCoverage * TopCount ? IndexStatus.Partial
        : IndexStatus.Ok;

    /// <summary>The season an index value falls in (NaN: <see cref="Season.Undefined"/>).</summary>
    public Season SeasonOf(double index) =>
        double.IsNaN(index) ? Season.Undefined
        : index >= AltcoinSeasonThreshold ? Season.AltcoinSeason
        : index <= BitcoinSeasonThreshold ? Season.BitcoinSeason
        : Season.Neutral;
}
