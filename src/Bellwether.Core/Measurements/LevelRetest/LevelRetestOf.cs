using Bellwether.Core.Statistics.Drawdown;

namespace Bellwether.Core.Measurements.LevelRetest;

/// <summary>One level-retest reading's parameters, checked when built.</summary>
/// <param name="Instrument">The series id.</param>
/// <param name="PeakFrom">The past period's first day.</param>
/// <param name="PeakTo">The past period's last day.</param>
/// <param name="WindowFrom">The first day of the window (after <paramref name="PeakTo"/>; it ends on the as-of date).
/// </param>
/// <param name="Basis">The peak by highest close or highest high.</param>
/// <param name="Band">A close within this fraction of the level, either side, is a retest: [0, 1).</param>
public sealed record LevelRetestOf(string Instrument, DateOnly PeakFrom, DateOnly PeakTo, DateOnly WindowFrom,
    DrawdownBasis Basis, double Band)
{
    /// <exception cref="ArgumentException">The instrument is empty, the dates are out of order, the basis is unknown
    /// or the band is not in [0, 1).</exception>
    public string Instrument { get; } = Require.Id(Instrument, nameof(Instrument));

    public DateOnly PeakTo { get; } = PeakFrom <= PeakTo ? PeakTo
        : throw new ArgumentException("'peak_from' is after 'peak_to'");

    public DateOnly WindowFrom { get; } = PeakTo < WindowFrom ? WindowFrom
        : throw new ArgumentException("'window_from' must come after 'peak_to'");

    public DrawdownBasis Basis { get; } = Enum.IsDefined(Basis) ? Basis
        : throw new ArgumentOutOfRangeException(nameof(Basis), Basis, "not a drawdown basis");

    public double Band { get; } = Band is >= 0 and < 1 ? Band : throw new ArgumentException("'band' must be in [0, 1)");
}
