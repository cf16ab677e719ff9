namespace Bellwether.Core.Study.EventStudy;

/// <summary>How the event study measures and tests.</summary>
/// <param name="Horizons">Forward horizons in calendar days (30, 90, 180, 365).</param>
/// <param name="Resamples">Bootstrap resamples per horizon and asset (10,000).</param>
/// <param name="Seed">Seed of the bootstrap; the same seed gives the same intervals and p-values.</param>
/// <param name="Confidence">Coverage of the intervals (0.95).</param>
/// <param name="MinIndependentEvents">Below this many non-overlapping events a summary carries a warning (10).</param>
/// <param name="MeanBlockLength">Mean bootstrap block length in days; null (default): the horizon itself, see <see cref="BlockLength"/>.</param>
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

    /// <exception cref="ArgumentOutOfRangeException">
    /// A horizon below 1, no horizon, or B (at most <see cref="MaxResamples"/>), confidence or threshold out of range.
    /// </exception>
    public EventStudyParameters Validate()
    {
        if (Horizons.Count == 0) throw new ArgumentOutOfRangeException(nameof(Horizons), "at least one horizon");
        foreach (int h in Horizons) ArgumentOutOfRangeException.ThrowIfLessThan(h, 1, nameof(Horizons));
        ArgumentOutOfRangeException.ThrowIfLessThan(Resamples, 1, nameof(Resamples));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Resamples, MaxResamples, nameof(Resamples));
        if (!(Confidence > 0 && Confidence < 1)) throw new ArgumentOutOfRangeException(nameof(Confidence), Confidence, "must be in (0, 1)");
        ArgumentOutOfRangeException.ThrowIfLessThan(MinIndependentEvents, 1, nameof(MinIndependentEvents));
        if (MeanBlockLength is { } l && !(l >= 1)) throw new ArgumentOutOfRangeException(nameof(MeanBlockLength), l, "must be at least 1");
        return this;
    }
}
