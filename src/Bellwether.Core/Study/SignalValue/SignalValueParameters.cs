namespace Bellwether.Core.Study.SignalValue;

/// <summary>What counts as a signal, a season, and a hit; checked when built.</summary>
/// <param name="Threshold">A signal entry is a day readiness reaches this (0–100) from below (60).</param>
/// <param name="WithinDays">N: an entry is a hit when the index reaches the season threshold within this many days
/// after it (90).</param>
/// <param name="SeasonThreshold">Altcoin Season: the index at or above this (75).</param>
/// <param name="RandomTrials">Sets of random entry dates drawn for the comparison (1,000).</param>
/// <param name="Seed">Seed of the random entries.</param>
public sealed record SignalValueParameters(double Threshold = 60, int WithinDays = 90, double SeasonThreshold = 75,
    int RandomTrials = 1000, ulong Seed = 20251215)
{
    /// <exception cref="ArgumentOutOfRangeException">Outside 0–100.</exception>
    public double Threshold { get; init => field = Require.Between(value, 0, 100, nameof(Threshold)); }
        = Require.Between(Threshold, 0, 100, nameof(Threshold));

    /// <exception cref="ArgumentOutOfRangeException">Below 1.</exception>
    public int WithinDays { get; init => field = Require.AtLeast(value, 1, nameof(WithinDays)); }
        = Require.AtLeast(WithinDays, 1, nameof(WithinDays));

    /// <exception cref="ArgumentOutOfRangeException">Outside 0–100.</exception>
    public double SeasonThreshold { get; init => field = Require.Between(value, 0, 100, nameof(SeasonThreshold)); }
        = Require.Between(SeasonThreshold, 0, 100, nameof(SeasonThreshold));

    /// <exception cref="ArgumentOutOfRangeException">Below 1.</exception>
    public int RandomTrials { get; init => field = Require.AtLeast(value, 1, nameof(RandomTrials)); }
        = Require.AtLeast(RandomTrials, 1, nameof(RandomTrials));
}
