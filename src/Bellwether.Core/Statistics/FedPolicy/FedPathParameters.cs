namespace Bellwether.Core.Statistics.FedPolicy;

/// <summary>
/// How a policy move is told apart from the day-to-day noise of the effective fed funds rate (DFF). Checked when
/// built (and by <c>with</c>).
/// </summary>
/// <param name="Threshold">
/// The smallest level shift, in percentage points, that counts as a move. 0.15 sits between the largest
/// non-policy drift of the effective rate since the Fed moved to a target range in December 2008 (about 0.125 pp,
/// when it sank inside the new 0–0.25% range in March 2020) and the smallest policy move as it shows in the
/// effective rate (0.20 pp in June 2018, when the interest on excess reserves rose by only 0.20).
/// </param>
/// <param name="ConfirmObservations">
/// Observations the new level must hold, every one of them at least <paramref name="Threshold"/> away from the
/// old level on the same side. DFF repeats Friday's value over the weekend, so 5 observations rule out one-day
/// month-end and quarter-end spikes even when they fall on a Friday before a holiday. A move is known only once
/// confirmed: as of a date, a move in the last <c>ConfirmObservations − 1</c> days is reported as pending.
/// </param>
/// <param name="BaselineObservations">
/// Observations before the candidate day whose median is the old level: long enough that a spike of a few days
/// just before a move (September 2019) does not distort the measured size.
/// </param>
public sealed record FedPathParameters(double Threshold = 0.15, int ConfirmObservations = 5,
    int BaselineObservations = 10)
{
    /// <summary>The defaults.</summary>
    public static FedPathParameters Default { get; } = new();

    /// <exception cref="ArgumentOutOfRangeException">Not positive.</exception>
    public double Threshold { get; init => field = Require.Positive(value, nameof(Threshold)); }
        = Require.Positive(Threshold, nameof(Threshold));

    /// <exception cref="ArgumentOutOfRangeException">Below 1.</exception>
    public int ConfirmObservations { get; init => field = Require.AtLeast(value, 1, nameof(ConfirmObservations)); }
        = Require.AtLeast(ConfirmObservations, 1, nameof(ConfirmObservations));

    /// <exception cref="ArgumentOutOfRangeException">Below 1.</exception>
    public int BaselineObservations { get; init => field = Require.AtLeast(value, 1, nameof(BaselineObservations)); }
        = Require.AtLeast(BaselineObservations, 1, nameof(BaselineObservations));
}
