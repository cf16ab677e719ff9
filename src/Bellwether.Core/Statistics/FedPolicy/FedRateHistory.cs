using Bellwether.Core.Instruments;
using Bellwether.Core.Measurements;
using Bellwether.Core.Series;

namespace Bellwether.Core.Statistics.FedPolicy;

/// <summary>
/// A policy-rate series prepared for <see cref="FedFundsPath"/>: its finite observations and each one's baseline (the
/// median of the <c>BaselineObservations</c> observations before it), computed once. The baseline of an observation
/// reads only earlier observations, so a scan over any span of observations finds the same moves as the scan of
/// those observations alone, without sorting a window per day. A stream appends observations one at a time
/// (<see cref="Append"/>), keeps the moves of the whole scan current (<see cref="Moves"/>) and forgets observations
/// older than any span it will read (<see cref="Forget"/>).
/// </summary>
public sealed class FedRateHistory
{
    private readonly FedPathParameters _p;
    private readonly List<DateOnly> _dates = [];
    private readonly List<double> _values = [];
    /// <summary>The baseline of observation t (NaN for the first <c>BaselineObservations</c>).</summary>
    private readonly List<double> _baselines = [];
    private readonly List<RateChange> _moves = [];
    /// <summary>Observations forgotten from the front, and the next observation the whole scan examines.</summary>
    private int _forgotten, _scanAt;

    /// <exception cref="NotMeasurableException">The series is not in percent.</exception>
    internal FedRateHistory(DailySeries rate, FedPathParameters parameters) : this(rate.Instrument, parameters)
    {
        for (int i = 0; i < rate.Count; i++) Add(rate.Dates[i], rate.Close[i], scan: false);
    }

    /// <summary>An empty history of <paramref name="rate"/>'s observations, to <see cref="Append"/> to.</summary>
    /// <exception cref="NotMeasurableException">The series is not in percent.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Invalid parameters.</exception>
    internal FedRateHistory(Instrument rate, FedPathParameters parameters) : this(parameters)
    {
        if (!string.Equals(rate.QuoteUnit, "percent", StringComparison.OrdinalIgnoreCase))
            throw new NotMeasurableException(
                $"{rate.Id}: unit '{rate.QuoteUnit}' is not 'percent'; the fed funds path needs a rate in percent");
    }

    private FedRateHistory(FedPathParameters parameters) => _p = parameters;

    /// <summary>Every confirmed move, oldest first.</summary>
    public List<RateChange> Changes() => Scan(0, _values.Count, out _);

    /// <summary>The moves confirmed by the observations appended so far, kept by <see cref="Append"/>: the same as
    /// <see cref="Changes"/> on a history never forgotten.</summary>
    internal IReadOnlyList<RateChange> Moves => _moves;

    /// <summary>The date of the latest observation, or null.</summary>
    internal DateOnly? Last => _dates.Count > 0 ? _dates[^1] : null;

    /// <summary>Adds an observation dated after every earlier one (a NaN is left out, as in a series).</summary>
    internal void Append(DateOnly date, double value) => Add(date, value, scan: true);

    private void Add(DateOnly date, double value, bool scan)
    {
        if (double.IsNaN(value)) return;
        _dates.Add(date);
        _values.Add(value);
        int kb = _p.BaselineObservations, t = _values.Count - 1;
        if (t + _forgotten < kb) _baselines.Add(double.NaN);
        else
        {
            var window = new double[kb];
            _values.CopyTo(t - kb, window, 0, kb);
            _baselines.Add(Median(window));
        }
        if (!scan) return;
        // The whole scan, resumed: a candidate is decided once its confirming window is in or it fails.
        int hi = _values.Count;
        for (int at = Math.Max(_scanAt, kb - _forgotten); at < hi; at = _scanAt)
        {
            var move = Examine(at, hi, out bool pending);
            if (pending) break;
            _scanAt = move is null ? at + 1 : at + _p.ConfirmObservations;
            if (move is not null) _moves.Add(move);
        }
    }

    /// <summary>Forgets the observations dated before <paramref name="date"/>, keeping the baseline's observations and
    /// what the whole scan has yet to examine; <see cref="AsOf"/> must not be asked from before it afterwards. They go
    /// once they are at least as many as those kept (AsOf skips them meanwhile), so a daily call moves each observation
    /// once: O(1) amortised.</summary>
    internal void Forget(DateOnly date)
    {
        int n = 0;
        while (n < _dates.Count && _dates[n] < date) n++;
        n = Math.Min(n, Math.Min(_values.Count - _p.BaselineObservations, _scanAt - 1));
        if (n <= 0 || n < _dates.Count - n) return;
        _dates.RemoveRange(0, n); _values.RemoveRange(0, n); _baselines.RemoveRange(0, n);
        (_forgotten, _scanAt) = (_forgotten + n, _scanAt - n);
    }

    /// <summary>
    /// The path as of <paramref name="asOf"/> from the observations dated from <paramref name="from"/> (null: the
    /// first) to <paramref name="asOf"/>: the same as <see cref="FedFundsPath.AsOf"/> on the series cut to those dates;
    /// null when there is no observation in them. With <paramref name="through"/>, observations after it are not read
    /// either (those not yet published as of <paramref name="asOf"/>), while the 6- and 12-month windows still end at
    /// <paramref name="asOf"/>.
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
        var regime = recent6.Count == 0 ? FedRegime.OnHold : recent6[^1].IsCut ? FedRegime.Easing
            : FedRegime.Tightening;
        var lastChange = changes.Count > 0 ? changes[^1] : null;
        return new FedPathReading(asOf, _dates[hi - 1], _values[hi - 1], lastChange,
            lastChange is null ? null : asOf.DayNumber - lastChange.Date.DayNumber,
            recent6.Count(c => c.IsCut), recent6.Count(c => !c.IsCut), recent12.Count(c => c.IsCut),
            recent12.Count(c => !c.IsCut), recent12.Sum(c => c.Size), regime, pending, recent12);
    }

    /// <summary>
    /// The moves among observations <paramref name="lo"/> to <paramref name="hi"/> − 1, and a move still unconfirmed at
    /// the end. Where the scan reaches an observation the whole scan of an appended history examined (read to the
    /// last observation), it goes on exactly as that one went, so its moves are taken from there: a stream's daily
    /// reading of 14 months costs the steps before it meets the whole scan (one, unless it starts inside a move's
    /// confirmation) and the moves in the span, not a step per observation.
    /// </summary>
    private List<RateChange> Scan(int lo, int hi, out PendingRateChange? pending)
    {
        var changes = new List<RateChange>();
        pending = null;
        for (int t = lo + _p.BaselineObservations; t < hi; t++)
        {
            if (hi == _values.Count && WholeScanExamined(t))
            {
                for (int k = FirstMoveFrom(_dates[t]); k < _moves.Count; k++) changes.Add(_moves[k]);
                if (_scanAt < hi) pending = Pending(_scanAt, hi);
                break;
            }
            var move = Examine(t, hi, out bool open);
            if (move is not null)
            {
                changes.Add(move);
                t += _p.ConfirmObservations - 1; // resume past the confirming window
            }
            else if (open)
            {
                pending = Pending(t, hi);
                break;
            }
        }
        return changes;
    }

    private PendingRateChange Pending(int t, int hi) => new(_dates[t], Held(t, hi), _baselines[t], _values[hi - 1]);

    /// <summary>
    /// True when the whole scan (<see cref="Append"/>) examined observation <paramref name="t"/>: it has decided every
    /// observation up to <paramref name="t"/> (where, if not confirmed, a move is pending) and did not skip
    /// <paramref name="t"/> inside a move's confirmation. A scan that examines <paramref name="t"/> with every
    /// observation read then makes the whole scan's steps: each step depends on the observation and those after it.
    /// </summary>
    private bool WholeScanExamined(int t)
    {
        if (t > _scanAt) return false;
        int k = FirstMoveFrom(_dates[t]) - 1;
        if (k < 0) return true;
        // Inside the confirmation of the last move before t? A move forgotten with its start is decided only when its
        // confirmation ended before the first observation kept could be t.
        var start = _moves[k].Date;
        int ka = _p.ConfirmObservations;
        return start >= _dates[0] ? t >= Bound(start, 0) + ka : t >= ka - 1;
    }

    /// <summary>The first of the whole scan's moves dated on or after <paramref name="date"/>.</summary>
    private int FirstMoveFrom(DateOnly date)
    {
        int lo = 0, hi = _moves.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_moves[mid].Date < date) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// Whether a move starts at observation <paramref name="t"/> among those before <paramref name="hi"/>: the move
    /// when confirmed; <paramref name="open"/> when every observation to the end holds the new level but fewer than
    /// needed to confirm it.
    /// </summary>
    private RateChange? Examine(int t, int hi, out bool open)
    {
        open = false;
        double before = _baselines[t];
        int side = Math.Sign(_values[t] - before);
        if (side == 0 || side * (_values[t] - before) < _p.Threshold || side
            * (_values[t - 1] - before) >= _p.Threshold)
            return null;
        int held = Held(t, hi), ka = _p.ConfirmObservations;
        if (held == ka)
            return new RateChange(_dates[t], before, Median([.. _values.GetRange(t, ka)]), _dates[t + ka - 1]);
        open = t + held == hi;
        return null;
    }

    /// <summary>Observations from <paramref name="t"/> on (at most the confirmation's) that hold its side of the
    /// baseline.</summary>
    private int Held(int t, int hi)
    {
        double before = _baselines[t];
        int side = Math.Sign(_values[t] - before), held = 1;
        while (held < _p.ConfirmObservations && t + held < hi && side * (_values[t + held] - before) >= _p.Threshold)
            held++;
        return held;
    }

    /// <summary>The first observation dated on or after (<paramref name="above"/> 0) or after (1)
    /// <paramref name="date"/>.</summary>
    private int Bound(DateOnly date, int above)
    {
        int lo = 0, hi = _dates.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_dates[mid].CompareTo(date) < above) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Writes the observations kept, their baselines, the moves and the scan's position.</summary>
    internal void Write(BinaryWriter w)
    {
        w.Write(_forgotten); w.Write(_scanAt); w.Write(_dates.Count);
        for (int i = 0; i < _dates.Count; i++)
        {
            w.Write(_dates[i].DayNumber); w.Write(_values[i]); w.Write(_baselines[i]);
        }
        w.Write(_moves.Count);
        foreach (var m in _moves)
        {
            w.Write(m.Date.DayNumber); w.Write(m.Before); w.Write(m.After); w.Write(m.ConfirmedOn.DayNumber);
        }
    }

    /// <summary>The history <see cref="Write"/> wrote, with the same parameters (its unit was checked then).</summary>
    internal static FedRateHistory Read(BinaryReader r, FedPathParameters parameters)
    {
        var h = new FedRateHistory(parameters) { _forgotten = r.ReadInt32(), _scanAt = r.ReadInt32() };
        for (int n = r.ReadInt32(), i = 0; i < n; i++)
        {
            h._dates.Add(DateOnly.FromDayNumber(r.ReadInt32())); h._values.Add(r.ReadDouble());
            h._baselines.Add(r.ReadDouble());
        }
        for (int n = r.ReadInt32(), i = 0; i < n; i++)
            h._moves.Add(new RateChange(DateOnly.FromDayNumber(r.ReadInt32()), r.ReadDouble(), r.ReadDouble(),
                DateOnly.FromDayNumber(r.ReadInt32())));
        return h;
    }

    /// <summary>The median of <paramref name="window"/> (sorted in place).</summary>
    private static double Median(double[] window)
    {
        Array.Sort(window);
        int m = window.Length / 2;
        return window.Length % 2 == 1 ? window[m] : (window[m - 1] + window[m]) / 2;
    }
}
