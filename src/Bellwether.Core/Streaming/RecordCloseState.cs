using Bellwether.Core.Board;
using Bellwether.Core.Calendars;
using Bellwether.Core.Measurements;
using Bellwether.Core.Measurements.RecordClose;
using Bellwether.Core.Structure.RecordCloses;

namespace Bellwether.Core.Streaming;

/// <summary>
/// <c>record_close</c> incrementally: <see cref="PeriodCloses.AsOf"/>'s periods one bar at a time. A finite bar in the
/// running period moves its close; one in a new period finishes the last and judges the new one against the earliest
/// highest close of the window (kept, rescanned only when the window drops it, as the batch does). The report as of a
/// day copies the finished periods and the running one (the signal reads the run of records back). O(1) amortised
/// per bar, O(P) per day for P periods of history (about 460 months for the Russell 2000); memory O(P).
/// </summary>
internal sealed class RecordCloseState(RecordCloseOf parameters) : IMeasurementState<RecordCloseReading>
{
    private readonly List<PeriodClose> _periods = [];
    private int _consumed, _windowStart, _best = -1;
    private DateOnly? _firstRow, _lastRow, _lastFinite;

    public Measured<RecordCloseReading> Advance(StreamMarketData data, DateOnly day)
    {
        var id = parameters.Instrument;
        var buffer = data.Series(id);
        if (buffer is null || buffer.ClosesOnly) return Measured.Missing<RecordCloseReading>([SignalInput.Missing(id)],
            day);
        for (int end = buffer.CountArrivedBy(day); _consumed < end; _consumed++) Take(buffer[_consumed],
            buffer.Instrument.Calendar);
        List<SignalInput> inputs = [SignalInput.Of(buffer.Instrument.Id, buffer.Instrument.Calendar, _lastFinite, day)];
        if (_lastFinite is null) return Measured.Missing<RecordCloseReading>(inputs, day);
        var closes = new PeriodClose[_periods.Count];
        for (int k = 0; k < closes.Length; k++)
        {
            // Finished periods are final by the data's last row (as the batch's whole-history build sees them); the
            // running one by the day.
            var p = _periods[k];
            bool provisional = p.LastSession is { } s && s > (k == closes.Length - 1 ? day : _lastRow!.Value);
            closes[k] = p.Provisional == provisional ? p : p with { Provisional = provisional };
        }
        return Measured.Of(new RecordCloseReading(buffer.Instrument.Id,
            new RecordCloseReport(parameters.Closes.Period, day, closes)), inputs);
    }

    private void Take(Series.DailyBar bar, CalendarKind calendarKind)
    {
        _firstRow ??= bar.Date;
        _lastRow = bar.Date;
        if (double.IsNaN(bar.Close)) return;
        _lastFinite = bar.Date;
        bool month = parameters.Closes.Period == ClosePeriod.Month;
        var start = month ? PeriodEnds.MonthStart(bar.Date) : PeriodEnds.WeekStart(bar.Date);
        int k = _periods.Count;
        if (k > 0 && _periods[^1].PeriodStart == start)
        {
            var running = _periods[^1];
            _periods[^1] = running with
            {
                Date = bar.Date,
                Close = bar.Close,
                IsRecord = running.PriorRecordDate is not null && bar.Close > running.PriorRecord,
            };
            return;
        }
        if (parameters.Closes.RecordYears is { } years)
            while (_windowStart < k && _periods[_windowStart].PeriodStart < start.AddYears(-years)) _windowStart++;
        if (_best < _windowStart)
        {
            _best = -1;
            for (int j = _windowStart; j < k; j++)
                if (_best < 0 || _periods[j].Close > _periods[_best].Close) _best = j;
        }
        else if (_periods[k - 1].Close > _periods[_best].Close) _best = k - 1;
        double prior = _best < 0 ? double.NaN : _periods[_best].Close;
        var calendar = TradingCalendar.For(calendarKind, _firstRow.Value);
        var lastSession = month ? calendar.LastSessionOfMonth(bar.Date) : calendar.LastSessionOfWeek(bar.Date);
        _periods.Add(new PeriodClose(start, bar.Date, bar.Close, false, lastSession, _best >= 0 && bar.Close > prior,
            prior, _best < 0 ? null : _periods[_best].Date));
    }

    public void Declare(FeedInputs inputs) => inputs.Series.Add(parameters.Instrument);

    public void Write(BinaryWriter w)
    {
        w.Write(_consumed); w.Write(_windowStart); w.Write(_best);
        Snapshots.Write(w, _firstRow); Snapshots.Write(w, _lastRow); Snapshots.Write(w, _lastFinite);
        w.Write(_periods.Count);
        foreach (var p in _periods)
        {
            Snapshots.Write(w, p.PeriodStart); Snapshots.Write(w, p.Date); w.Write(p.Close); Snapshots.Write(w,
                p.LastSession);
            w.Write(p.IsRecord); w.Write(p.PriorRecord); Snapshots.Write(w, p.PriorRecordDate);
        }
    }

    public void Read(BinaryReader r)
    {
        (_consumed, _windowStart, _best) = (r.ReadInt32(), r.ReadInt32(), r.ReadInt32());
        (_firstRow, _lastRow, _lastFinite) = (Snapshots.ReadDate(r), Snapshots.ReadDate(r), Snapshots.ReadDate(r));
        _periods.Clear();
        for (int n = r.ReadInt32(), i = 0; i < n; i++)
            _periods.Add(new PeriodClose(Snapshots.ReadDate(r)!.Value, Snapshots.ReadDate(r)!.Value, r.ReadDouble(),
                false, Snapshots.ReadDate(r), r.ReadBoolean(), r.ReadDouble(), Snapshots.ReadDate(r)));
    }
}
