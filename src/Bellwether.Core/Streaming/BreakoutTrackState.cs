using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Measurements.Breakout;
using Bellwether.Core.Signals;
using Bellwether.Core.Structure.Breakout;

namespace Bellwether.Core.Streaming;

/// <summary>
/// <c>breakout</c> incrementally: the multi-year-high track (<see cref="MultiYearHighTracker"/>: the prior multi-year
/// high by two monotone queues over the lookback, and the tracked level's breakout state machine) fed one bar at a
/// time, with the events of the tracked level (a level, once left, never comes back: a later top or the lookback
/// replaced it). O(1) amortised per bar and per day; memory O(bars in the lookback), about 1,260 for five years of an
/// equity.
/// </summary>
internal sealed class BreakoutTrackState(BreakoutOf options) : IMeasurementState<BreakoutReading>
{
    private readonly MultiYearHighTracker _tracker = new(options.Analysis.MultiYearHigh, options.Analysis.Rules);
    private readonly List<BreakoutEvent> _events = [];
    private int _consumed;
    private DateOnly? _first, _lastFinite;
    private double _lastClose;

    public Measured<BreakoutReading> Advance(StreamMarketData data, DateOnly day)
    {
        var id = options.Instrument;
        if (data.Series(id) is not { ClosesOnly: false } buffer)
            return Measured.Missing<BreakoutReading>([SignalInput.Missing(id)], day);
        for (int end = buffer.CountArrivedBy(day); _consumed < end; _consumed++)
        {
            var bar = buffer[_consumed];
            _first ??= bar.Date;
            if (!double.IsNaN(bar.Close)) (_lastFinite, _lastClose) = (bar.Date, bar.Close);
            var before = _tracker.Tracked;
            _tracker.Step(buffer.Instrument.Calendar, bar.Date, bar.Close, bar.High, bar.Low, _events);
            if (_tracker.Tracked != before) _events.RemoveAll(e => e.LevelDate != _tracker.Tracked?.LevelDate);
        }
        List<SignalInput> inputs = [SignalInput.Of(buffer.Instrument.Id, buffer.Instrument.Calendar, _lastFinite, day)];
        if (_lastFinite is null) return Measured.Missing<BreakoutReading>(inputs, day);
        if (_tracker.Tracked is not { } t)
            return Measured.NotMeasurable<BreakoutReading>($"{buffer.Instrument.Id} has no prior " +
                $"{options.Analysis.MultiYearHigh.LookbackYears}-year high as of {Say.Date(day)} (the data must " +
                "cover the " +
                "whole lookback)", inputs);
        var point = new MultiYearHighTrackPoint(t.Level, t.LevelDate, t.State, t.Since);
        return Measured.Of(new BreakoutReading(buffer.Instrument.Id, _lastFinite.Value, _lastClose, point, [.. _events],
            _first!.Value), inputs);
    }

    public void Declare(FeedInputs inputs) => inputs.Series.Add(options.Instrument);

    public void Write(BinaryWriter w)
    {
        _tracker.Write(w);
        w.Write(_events.Count);
        foreach (var e in _events)
        {
            Snapshots.Write(w, e.Date); w.Write((int)e.Type); w.Write(e.Level); w.Write(e.Close); w.Write((int)e.Kind);
            Snapshots.Write(w, e.LevelDate);
        }
        w.Write(_consumed);
        Snapshots.Write(w, _first); Snapshots.Write(w, _lastFinite);
        w.Write(_lastClose);
    }

    public void Read(BinaryReader r)
    {
        _tracker.Read(r);
        _events.Clear();
        for (int n = r.ReadInt32(), i = 0; i < n; i++)
            _events.Add(new BreakoutEvent(Snapshots.ReadDate(r)!.Value, (BreakoutEventType)r.ReadInt32(),
                r.ReadDouble(), r.ReadDouble(), (LevelKind)r.ReadInt32(), Snapshots.ReadDate(r)!.Value));
        _consumed = r.ReadInt32();
        (_first, _lastFinite) = (Snapshots.ReadDate(r), Snapshots.ReadDate(r));
        _lastClose = r.ReadDouble();
    }
}
