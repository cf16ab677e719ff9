namespace Bellwether.Core.Study.EventStudy;

/// <summary>How the event study measures and tests; checked when built.</summary>
/// <param name="Horizons">Forward horizons in calendar days (30, 90, 180, 365).</param>
/// <param name="Resamples">Bootstrap resamples per horizon and asset (10,000).</param>
/// <param name="Seed">Seed of the bootstrap; the same seed gives the same intervals and p-values.</param>
/// <param name="Confidence">Coverage of the intervals (0.95).</param>
/// <param name="MinIndependentEvents">Below this many non-overlapping events a summary carries a warning (10).</param>
/// <param name="MeanBlockLength">Mean bootstrap block length in days; null (default): the horizon itself, see
/// <see cref="BlockLength"/>.</param>
public sealed record EventStudyParameters(
    IReadOnlyList<int> Horizons, int Resamples = 10_000, ulong Seed = 20251215, double Confidence = 0.95,
    int MinIndependentEvents = 10, double? MeanBlockLength = null)
{
    /// <summary>The most resamples a study may ask for: 10 times the default (memory and time grow with it).</summary>
    public const int MaxResamples = 100_000;

    /// <summary>30, 90, 180 and 365 days, 10,000 resamples.</summary>
    public static EventStudyParameters Default { get; } = new([30, 90, 180, 365]);

    /// <summary>
    /// The mean block length at horizon <paramref name="days"/> over <paramref name="length"/> days of data: the
    /// horizon (two h-day forward returns share days, and so are dependent, exactly when they start less than h days
    /// apart), at most a quarter of the data so a resample holds several blocks, at least 1.
    /// </summary>
    public double BlockLength(int days, int length) => MeanBlockLength ?? Math.Max(1, Math.Min(days, length / 4.0));

    /// <summary>A copy of the horizons, so the caller's list cannot change them later.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No horizon, or one below 1 day.</exception>
    public IReadOnlyList<int> Horizons { get; init => field = CheckHorizons(value); } = CheckHorizons(Horizons);

    /// <exception cref="ArgumentOutOfRangeException">Below 1 or above <see cref="MaxResamples"/>.</exception>
    public int Resamples { get; init => field = CheckResamples(value); } = CheckResamples(Resamples);

    /// <exception cref="ArgumentOutOfRangeException">Not in (0, 1).</exception>
    public double Confidence { get; init => field = CheckConfidence(value); } = CheckConfidence(Confidence);

    /// <exception cref="ArgumentOutOfRangeException">Below 1.</exception>
    public int MinIndependentEvents { get; init => field = Require.AtLeast(value, 1, nameof(MinIndependentEvents)); }
        = Require.AtLeast(MinIndependentEvents, 1, nameof(MinIndependentEvents));

    /// <exception cref="ArgumentOutOfRangeException">Below 1.</exception>
    public double? MeanBlockLength
    {
        get; init =>
        field = CheckBlockLength(value);
    } = CheckBlockLength(MeanBlockLength);

    private static IReadOnlyList<int> CheckHorizons(IReadOnlyList<int> horizons)
    {
        ArgumentNullException.ThrowIfNull(horizons);
        if (horizons.Count == 0) throw new ArgumentOutOfRangeException(nameof(horizons), "at least one horizon");
        foreach (int h in horizons) ArgumentOutOfRangeException.ThrowIfLessThan(h, 1, nameof(horizons));
        return [.. horizons];
    }

    private static int CheckResamples(int resamples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1, nameof(resamples));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(resamples, MaxResamples, nameof(resamples));
        return resamples;
    }

    private static double CheckConfidence(double confidence) => confidence is > 0 and < 1 ? confidence
        : throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "must be in (0, 1)");

    private static double? CheckBlockLength(double? length) => length is null or >= 1 ? length
        : throw new ArgumentOutOfRangeException(nameof(length), length, "must be at least 1");
}
