using Bellwether.Core.Measurements;
using Bellwether.Core.Series;

namespace Bellwether.Core.Statistics.FedPolicy;

/// <summary>
/// A policy-rate series prepared for <see cref="FedFundsPath"/>: its finite observations and each one's baseline (the
/// median of the <c>BaselineObservations</c> observations before it), computed once. The baseline of an observation
/// reads only earlier observations, so a scan over any span of observations finds the same moves as the scan of
/// those observations alone, without sorting a window per day.
/// </summary>
public sealed class FedRateHistory
{
    private readonly FedPathParameters _p;
    private readonly DateOnly[] _dates;
    private readonly double[] _values;
    /// <summary>The baseline of observation t (NaN for the first <c>BaselineObservations</c>).</summary>
    private readonly double[] _baselines;

    /// <exception cref="NotMeasurableException">The series is not in percent.</exception>
    internal FedRateHistory(DailySeries rate, FedPathParameters parameters)
    {
        if (!string.Equals(rate.Instrument.QuoteUnit, "percent", StringComparison.OrdinalIgnoreCase))
            throw new NotMeasurableException($"{rate.Instrument.Id}: unit '{rate.Instrument.QuoteUnit}' is not 'percent'; the fed funds path needs a rate in percent");
        _p = parameters;
        var dates = new List<DateOnly>(rate.Count);
        var values = new List<double>(rate.Count);
        for (int i = 0; i < rate.Count; i++)
            if (!double.IsNaN(rate.Close[i])) { dates.Add(rate.Dates[i]); values.Add(rate.Close[i]); }
        (_dates, _values) = ([.. dates], [.. values]);
        int kb = parameters.BaselineObservations;
        _baselines = new double[_values.Length];
        var window = new double[kb];
        for (int t = 0; t < _values.Length; t++)
        {
            if (t < kb) { _baselines[t] = double.NaN; continue; }
            Array.Copy(_values, t - kb, window, 0, kb);
            _baselines[t] = Median(window);
        }
    }

    /// <summary>Every confirmed move, oldest first.</summary>
    public List<RateChange> Changes() => Scan(0, _values.Length, out _);

    /// <summary>
    /// The path as of <paramref name="asOf"/> from the observations dated from <paramref name="from"/> (null: the first)
    /// to <paramref name="asOf"/>: the same as <see cref="FedFundsPath.AsOf"/> on the series cut to those dates; null when
    /// there is no observation in them. With <paramref name="through"/>, observations after it are not read either
    /// (those not yet published as of <paramref name="asOf"/>), while the 6- and 12-month windows still end at <paramref name="asOf"/>.
    /// </summary>
    public FedPathReading? AsOf(DateOnly? from, DateOnly asOf, DateOnly? through = null)
    {
        int lo = from is { } f ? Bound(f, 0) : 0;
        int hi = Bound(through is { } t && t < asOf ? t : asOf, 1);
        var changes = Scan(lo, hi, out var pending);
        if (hi <= lo) return null;
        var sixMonths = asOf.AddMonths(-6);
        var twelveMonths = asOf.AddMonths(-12);
        var recent6 = changes.Where(c => c.Date > sixMonths).ToList();
        var recent12 = changes.Where(c => c.Date > twelveMonths).ToList();
        var regime = recent6.Count == 0 ? FedRegime.OnHold : recent6[^1].IsCut ? FedRegime.Easing : FedRegime.Tightening;
        var lastChange = changes.Count > 0 ? changes[^1] : null;
        return new FedPathReading(asOf, _dates[hi - 1], _values[hi - 1], lastChange,
            lastChange is null ? null : asOf.DayNumber - lastChange.Date.DayNumber,
            recent6.Count(c => c.IsCut), recent6.Count(c => !c.IsCut), recent12.Count(c => c.IsCut), recent12.Count(c => !c.IsCut),
            recent12.Sum(c => c.Size), regime, pending, recent12);
    }

    /// <summary>The moves among observations <paramref name="lo"/> to <paramref name="hi"/> − 1, and a move still unconfirmed at the end.</summary>
    private List<RateChange> Scan(int lo, int hi, out PendingRateChange? pending)
    {
        var changes = new List<RateChange>();
        pending = null;
        int kb = _p.BaselineObservations, ka = _p.ConfirmObservations;
        var values = _values;
        for (int t = lo + kb; t < hi; t++)
        {
            double before = _baselines[t];
            int side = Math.Sign(values[t] - before);
            if (side == 0 || side * (values[t] - before) < _p.Threshold || side * (values[t - 1] - before) >= _p.Threshold) continue;
            int held = 1;
            while (held < ka && t + held < hi && side * (values[t + held] - before) >= _p.Threshold) held++;
            if (held == ka)
            {
                changes.Add(new RateChange(_dates[t], before, Median(values[t..(t + ka)]), _dates[t + ka - 1]));
                t += ka - 1; // resume past the confirming window
            }
            else if (t + held == hi)
            {
                pending = new PendingRateChange(_dates[t], held, before, values[hi - 1]);
                break;
            }
        }
        return changes;
    }

    /// <summary>The first observation dated on or after (<paramref name="above"/> 0) or after (1) <paramref name="date"/>.</summary>
    private int Bound(DateOnly date, int above)
    {
        int lo = 0, hi = _dates.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_dates[mid].CompareTo(date) < above) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>The median of <paramref name="window"/> (sorted in place).</summary>
    private static double Median(double[] window)
    {
        Array.Sort(window);
        int m = window.Length / 2;
        return window.Length % 2 == 1 ? window[m] : (window[m - 1] + window[m]) / 2;
    }
}
