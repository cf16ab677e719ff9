namespace Bellwether.Core.Study.SignalValue;

/// <summary>What counts as a signal, a season, and a hit.</summary>
/// <param name="Threshold">A signal entry is a day readiness reaches this (0–100) from below (60).</param>
/// <param name="WithinDays">N: an entry is a hit when the index reaches the season threshold within this many days after it (90).</param>
/// <param name="SeasonThreshold">Altcoin Season: the index at or above this (75).</param>
/// <param name="RandomTrials">Sets of random entry dates drawn for the comparison (1,000).</param>
/// <param name="Seed">Seed of the random entries.</param>
public sealed record SignalValueParameters(double Threshold = 60, int WithinDays = 90, double SeasonThreshold = 75, int RandomTrials = 1000, ulong Seed = 20251215)
{
    /// <exception cref="ArgumentOutOfRangeException">A threshold outside 0–100, N or trials below 1.</exception>
    public SignalValueParameters Validate()
    {
        if (!(Threshold >= 0 && Threshold <= 100)) throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "must be in 0–100");
        if (!(SeasonThreshold >= 0 && SeasonThreshold <= 100)) throw new ArgumentOutOfRangeException(nameof(SeasonThreshold), SeasonThreshold, "must be in 0–100");
        ArgumentOutOfRangeException.ThrowIfLessThan(WithinDays, 1, nameof(WithinDays));
        ArgumentOutOfRangeException.ThrowIfLessThan(RandomTrials, 1, nameof(RandomTrials));
        return this;
    }
}
