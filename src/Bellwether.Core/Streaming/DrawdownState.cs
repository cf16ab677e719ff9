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
    private int _consumed;
    private DateOnly? _firstRow, _lastFinite, _firstPoint;
    private int _points, _missing, _highsFromClose;
    private double _peak = double.NegativeInfinity;
    private DateOnly _peakDate;
    private DrawdownPoint _latest, _trough;
    private string? _bad;

    public Measured<DrawdownReading> Advance(StreamMarketData data, DateOnly day)
    {
        var id = parameters.Instrument;
        var buffer = data.Series(id);
        if (buffer is null || buffer.ClosesOnly) return Measured.Missing<DrawdownReading>([SignalInput.Missing(id)], day);
        for (int end = buffer.CountArrivedBy(day); _consumed < end; _consumed++) Walk(buffer[_consumed], buffer.Instrument.Id);
        List<SignalInput> inputs = [SignalInput.Of(buffer.Instrument.Id, buffer.Instrument.Calendar, _lastFinite, day)];
        if (_lastFinite is null) return Measured.Missing<DrawdownReading>(inputs, day);
        if (_bad is not null) return Measured.NotMeasurable<DrawdownReading>(_bad, inputs);
        if (_points == 0)
            return Measured.NotMeasurable<DrawdownReading>(
                $"{buffer.Instrument.Id} has no close from {Say.Date(parameters.Since ?? _firstRow!.Value)} to {Say.Date(day)}", inputs);
        var p = _latest;
        return Measured.Of(new DrawdownReading(buffer.Instrument.Id, parameters.Basis, day, _firstPoint!.Value, p,
            p.Date.DayNumber - p.PeakDate.DayNumber, _trough.Drawdown, _trough.Date, _trough.PeakDate, _points, _missing,
            _highsFromClose), inputs);
    }

    /// <summary>One row of <see cref="Drawdowns"/>' walk (same order of tests, same messages).</summary>
    private void Walk(Series.DailyBar bar, string id)
    {
        _firstRow ??= bar.Date;
        if (!double.IsNaN(bar.Close)) _lastFinite = bar.Date;
        if (_bad is not null || (parameters.Since is { } since && bar.Date < since)) return;
        double close = bar.Close;
        if (double.IsNaN(close)) { _missing++; return; }
        if (close <= 0)
        {
            _bad = $"{id}: close {close} on {bar.Date} is not a price; import with --skip-bad to leave such rows out";
            return;
        }
        double candidate = close;
        if (parameters.Basis == DrawdownBasis.High)
        {
            if (bar.High <= 0)
            {
                _bad = $"{id}: high {bar.High} on {bar.Date} is not a price";
                return;
            }
            if (bar.High >= close) candidate = bar.High;
            else _highsFromClose++; // NaN compares false: a missing high counts here too
        }
        if (candidate >= _peak) { _peak = candidate; _peakDate = bar.Date; }
        _latest = new DrawdownPoint(bar.Date, close, _peak, _peakDate, close / _peak - 1);
        if (_points == 0 || _latest.Drawdown < _trough.Drawdown) _trough = _latest;
        _firstPoint ??= bar.Date;
        _points++;
    }

    public void Write(BinaryWriter w)
    {
        w.Write(_consumed);
        Snapshots.Write(w, _firstRow); Snapshots.Write(w, _lastFinite); Snapshots.Write(w, _firstPoint);
        w.Write(_points); w.Write(_missing); w.Write(_highsFromClose);
        w.Write(_peak); Snapshots.Write(w, _peakDate);
        Snapshots.Write(w, _latest); Snapshots.Write(w, _trough);
        w.Write(_bad is not null);
        if (_bad is not null) w.Write(_bad);
    }

    public void Read(BinaryReader r)
    {
        _consumed = r.ReadInt32();
        (_firstRow, _lastFinite, _firstPoint) = (Snapshots.ReadDate(r), Snapshots.ReadDate(r), Snapshots.ReadDate(r));
        (_points, _missing, _highsFromClose) = (r.ReadInt32(), r.ReadInt32(), r.ReadInt32());
        _peak = r.ReadDouble(); _peakDate = Snapshots.ReadDate(r)!.Value;
        (_latest, _trough) = (Snapshots.ReadPoint(r), Snapshots.ReadPoint(r));
        _bad = r.ReadBoolean() ? r.ReadString() : null;
    }
}
