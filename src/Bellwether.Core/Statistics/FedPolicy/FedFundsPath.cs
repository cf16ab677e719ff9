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
    /// <exception cref="ArgumentException">The series is not in percent.</exception>
    public static List<RateChange> Changes(DailySeries rate, FedPathParameters? parameters = null) =>
        Scan(rate, parameters ?? FedPathParameters.Default, out _);

    /// <summary>The path as of <paramref name="asOf"/>, from observations dated on or before it; null when there are none.</summary>
    /// <exception cref="ArgumentException">The series is not in percent.</exception>
    public static FedPathReading? AsOf(DailySeries rate, DateOnly asOf, FedPathParameters? parameters = null)
    {
        var known = rate.AsOf(asOf);
        var changes = Scan(known, parameters ?? FedPathParameters.Default, out var pending);
        int last = known.Count - 1;
        while (last >= 0 && double.IsNaN(known.Close[last])) last--;
        if (last < 0) return null;
        var sixMonths = asOf.AddMonths(-6);
        var twelveMonths = asOf.AddMonths(-12);
        var recent6 = changes.Where(c => c.Date > sixMonths).ToList();
        var recent12 = changes.Where(c => c.Date > twelveMonths).ToList();
        var regime = recent6.Count == 0 ? FedRegime.OnHold : recent6[^1].IsCut ? FedRegime.Easing : FedRegime.Tightening;
        var lastChange = changes.Count > 0 ? changes[^1] : null;
        return new FedPathReading(asOf, known.Dates[last], known.Close[last], lastChange,
            lastChange is null ? null : asOf.DayNumber - lastChange.Date.DayNumber,
            recent6.Count(c => c.IsCut), recent6.Count(c => !c.IsCut), recent12.Count(c => c.IsCut), recent12.Count(c => !c.IsCut),
            recent12.Sum(c => c.Size), regime, pending, recent12);
    }

    private static List<RateChange> Scan(DailySeries rate, FedPathParameters p, out PendingRateChange? pending)
    {
        p.Validate();
        if (!string.Equals(rate.Instrument.QuoteUnit, "percent", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"{rate.Instrument.Id}: unit '{rate.Instrument.QuoteUnit}' is not 'percent'; the fed funds path needs a rate in percent");
        var dates = new List<DateOnly>(rate.Count);
        var values = new List<double>(rate.Count);
        for (int i = 0; i < rate.Count; i++)
            if (!double.IsNaN(rate.Close[i])) { dates.Add(rate.Dates[i]); values.Add(rate.Close[i]); }
        var changes = new List<RateChange>();
        pending = null;
        int kb = p.BaselineObservations, ka = p.ConfirmObservations, n = values.Count;
        var baseline = new double[kb];
        var confirm = new double[ka];
        for (int t = kb; t < n; t++)
        {
            values.CopyTo(t - kb, baseline, 0, kb);
            double before = Median(baseline);
            int side = Math.Sign(values[t] - before);
            if (side == 0 || side * (values[t] - before) < p.Threshold || side * (values[t - 1] - before) >= p.Threshold) continue;
            int held = 1;
            while (held < ka && t + held < n && side * (values[t + held] - before) >= p.Threshold) held++;
            if (held == ka)
            {
                values.CopyTo(t, confirm, 0, ka);
                changes.Add(new RateChange(dates[t], before, Median(confirm), dates[t + ka - 1]));
                t += ka - 1; // resume past the confirming window
            }
            else if (t + held == n)
            {
                pending = new PendingRateChange(dates[t], held, before, values[n - 1]);
                break;
            }
        }
        return changes;
    }

    private static double Median(double[] window)
    {
        Array.Sort(window);
        int m = window.Length / 2;
        return window.Length % 2 == 1 ? window[m] : (window[m - 1] + window[m]) / 2;
    }
}
