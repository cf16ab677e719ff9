using Bellwether.Core.Measurements;
using Bellwether.Core.Series;

namespace Bellwether.Core.Statistics.FedPolicy;

/// <summary>
/// Policy moves read from the effective fed funds rate (FRED <c>DFF</c>, percent, every day). The effective rate
/// moves a little every day and spikes at month and quarter ends; a move is a sustained step of the rate's level:
/// on day t, with <c>before</c> the median of the <c>BaselineObservations</c> observations before t, every one of
/// the <c>ConfirmObservations</c> observations from t on is at least <c>Threshold</c> away from <c>before</c> on the
/// same side, the observation before t is not, and the size is the median of those confirming observations minus
/// <c>before</c>. After a move the scan resumes past its confirming window. Missing (NaN) values are left out.
/// </summary>
/// <remarks>
/// Reliable from December 2008, when the Fed moved to a 25 bp target range that pins the effective rate; before
/// that the effective rate wandered tens of basis points around a point target, and some of that wandering is
/// reported as steps. The target itself (DFEDTARU/DFEDTARL) would be exact but is not among the inputs.
/// </remarks>
public static class FedFundsPath
{
    /// <summary>Every confirmed move in the series, oldest first.</summary>
    /// <exception cref="NotMeasurableException">The series is not in percent.</exception>
    public static List<RateChange> Changes(DailySeries rate, FedPathParameters? parameters = null) =>
        History(rate, parameters).Changes();

    /// <summary>The path as of <paramref name="asOf"/>, from observations dated on or before it; null when there are
    /// none.</summary>
    /// <exception cref="NotMeasurableException">The series is not in percent.</exception>
    public static FedPathReading? AsOf(DailySeries rate, DateOnly asOf, FedPathParameters? parameters = null) =>
        History(rate.AsOf(asOf), parameters).AsOf(null, asOf);

    /// <summary>
    /// The series prepared once for readings as of many dates (<see cref="FedRateHistory.AsOf"/>): its observations
    /// with each one's baseline, which depends on the observations before it only.
    /// </summary>
    /// <exception cref="NotMeasurableException">The series is not in percent.</exception>
    public static FedRateHistory History(DailySeries rate, FedPathParameters? parameters = null) =>
        new(rate, parameters ?? FedPathParameters.Default);
}
