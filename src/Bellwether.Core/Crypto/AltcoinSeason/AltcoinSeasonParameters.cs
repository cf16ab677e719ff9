namespace Bellwether.Core.Crypto.AltcoinSeason;

/// <summary>The window and size of an Altcoin Season Index evaluation.</summary>
/// <param name="WindowDays">N, in calendar days: 90 is the "season" index, 30 the "month" and 365 the "year"
/// variant.</param>
/// <param name="TopCount">K, the number of eligible altcoins to count: 50 as blockchaincenter.net publishes it, 100 as
/// CoinMarketCap does.</param>
/// <param name="AltcoinSeasonThreshold">An index at or above this is Altcoin Season (75).</param>
/// <param name="BitcoinSeasonThreshold">An index at or below this is Bitcoin Season (25).</param>
/// <param name="MinCoverage">The share of K that must be eligible for status ok (0.8); below it the reading is
/// partial.</param>
/// <param name="MaxRankingAgeDays">The oldest ranking, in days before t, that gives status ok (35: a monthly list
/// and a few days' lateness); older gives stale_ranking.</param>
/// <remarks>Checked when built. The two season thresholds are checked against each other, so they are set only by the
/// constructor (a <c>with</c> cannot put them out of order).</remarks>
public sealed record AltcoinSeasonParameters(
    int WindowDays = 90, int TopCount = 50, double AltcoinSeasonThreshold = 75, double BitcoinSeasonThreshold = 25,
    double MinCoverage = AltcoinSeasonParameters.DefaultMinCoverage,
    int MaxRankingAgeDays = AltcoinSeasonParameters.DefaultMaxRankingAgeDays)
{
    /// <summary>The default <see cref="MinCoverage"/>.</summary>
    public const double DefaultMinCoverage = 0.8;

    /// <summary>The default <see cref="MaxRankingAgeDays"/>.</summary>
    public const int DefaultMaxRankingAgeDays = 35;

    /// <exception cref="ArgumentOutOfRangeException">Below 1 day.</exception>
    public int WindowDays { get; init => field = Require.AtLeast(value, 1, nameof(WindowDays)); }
        = Require.AtLeast(WindowDays, 1, nameof(WindowDays));

    /// <exception cref="ArgumentOutOfRangeException">Below 1.</exception>
    public int TopCount { get; init => field = Require.AtLeast(value, 1, nameof(TopCount)); }
        = Require.AtLeast(TopCount, 1, nameof(TopCount));

    /// <exception cref="ArgumentOutOfRangeException">Not 0 &lt;= bitcoin &lt; altcoin &lt;= 100.</exception>
    public double AltcoinSeasonThreshold { get; } =
        BitcoinSeasonThreshold >= 0 && BitcoinSeasonThreshold < AltcoinSeasonThreshold && AltcoinSeasonThreshold <= 100
            ? AltcoinSeasonThreshold
            : throw new ArgumentOutOfRangeException(nameof(AltcoinSeasonThreshold),
                "thresholds must satisfy 0 <= bitcoin < altcoin <= 100");

    public double BitcoinSeasonThreshold { get; } = BitcoinSeasonThreshold;

    /// <exception cref="ArgumentOutOfRangeException">Outside 0–1.</exception>
    public double MinCoverage { get; init => field = Require.Between(value, 0, 1, nameof(MinCoverage)); }
        = Require.Between(MinCoverage, 0, 1, nameof(MinCoverage));

    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public int MaxRankingAgeDays { get; init => field = Require.AtLeast(value, 0, nameof(MaxRankingAgeDays)); }
        = Require.AtLeast(MaxRankingAgeDays, 0, nameof(MaxRankingAgeDays));

    /// <summary>
    /// The status of a computed index with <paramref name="eligible"/> coins on a ranking
    /// <paramref name="rankingAgeDays"/> old: stale_ranking first, then partial, else ok.
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
