using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Measurements.Drawdown;
using Bellwether.Core.Signals;
using Bellwether.Core.Statistics.Drawdown;

namespace Bellwether.Core.Streaming;

/// <summary>
/// <c>drawdown</c> incrementally: the walk of <see cref="Drawdowns.History"/> one row at a time (running peak, the
/// deepest point so far, counts), giving the <see cref="DrawdownMeasurement"/>'s result. O(1) per bar, O(1) memory.
/// </summary>
internal sealed class DrawdownState(DrawdownParameters parameters) : IMeasurementState<DrawdownReading>
{
    private readonly DrawdownWalker _walk = new(parameters.Basis, parameters.Since);
    private int _consumed;
    private DateOnly? _firstRow, _lastFinite, _firstPoint;
    private int _points;
    private DrawdownPoint _latest, _trough;

    public Measured<DrawdownReading> Advance(StreamMarketData data, DateOnly day)
    {
        var id = parameters.Instrument;
        var buffer = data.Series(id);
        if (buffer is null || buffer.ClosesOnly) return Measured.Missing<DrawdownReading>([SignalInput.Missing(id)],
            day);
        for (int end = buffer.CountArrivedBy(day); _consumed < end; _consumed++) Walk(buffer[_consumed],
            buffer.Instrument.Id);
        List<SignalInput> inputs = [SignalInput.Of(buffer.Instrument.Id, buffer.Instrument.Calendar, _lastFinite, day)];
        if (_lastFinite is null) return Measured.Missing<DrawdownReading>(inputs, day);
        if (_walk.Bad is { } bad) return Measured.NotMeasurable<DrawdownReading>(bad, inputs);
        if (_points == 0)
            return Measured.NotMeasurable<DrawdownReading>(
                $"{buffer.Instrument.Id} has no close from {Say.Date(parameters.Since ?? _firstRow!.Value)} to " +
                $"{Say.Date(day)}", inputs);
        var p = _latest;
        return Measured.Of(new DrawdownReading(buffer.Instrument.Id, parameters.Basis, day, _firstPoint!.Value, p,
            p.Date.DayNumber - p.PeakDate.DayNumber, _trough.Drawdown, _trough.Date, _trough.PeakDate, _points,
            _walk.Missing, _walk.HighsFromClose), inputs);
    }

    /// <summary>One row of <see cref="Drawdowns"/>' walk, with the deepest point so far.</summary>
    private void Walk(Series.DailyBar bar, string id)
    {
        _firstRow ??= bar.Date;
        if (!double.IsNaN(bar.Close)) _lastFinite = bar.Date;
        if (!_walk.Step(bar, id, out var point)) return;
        _latest = point;
        if (_points == 0 || point.Drawdown < _trough.Drawdown) _trough = point;
        _firstPoint ??= bar.Date;
        _points++;
    }

    public void Declare(FeedInputs inputs) => inputs.Series.Add(parameters.Instrument);

    public void Write(BinaryWriter w)
    {
        w.Write(_consumed);
        Snapshots.Write(w, _firstRow); Snapshots.Write(w, _lastFinite); Snapshots.Write(w, _firstPoint);
        w.Write(_points);
        _walk.Write(w);
        Snapshots.Write(w, _latest); Snapshots.Write(w, _trough);
    }

    public void Read(BinaryReader r)
    {
        _consumed = r.ReadInt32();
        (_firstRow, _lastFinite, _firstPoint) = (Snapshots.ReadDate(r), Snapshots.ReadDate(r), Snapshots.ReadDate(r));
        _points = r.ReadInt32();
        _walk.Read(r);
        (_latest, _trough) = (Snapshots.ReadPoint(r), Snapshots.ReadPoint(r));
    }
}
