using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Measurements.FedPath;
using Bellwether.Core.Signals;
using Bellwether.Core.Statistics.FedPolicy;

namespace Bellwether.Core.Streaming;

/// <summary>
/// <c>fed_path</c> incrementally: the rate's observations appended to a <see cref="FedRateHistory"/> (each one's
/// baseline, a median of the 10 before it, computed once; the whole scan for moves resumed where it stopped) that
/// forgets what is older than the 14 months a reading reads. Per observation O(baseline); per day the batch's scan of
/// the last 14 months, O(W) for W ≈ 430 observations; memory O(W + moves).
/// </summary>
internal sealed class FedPathState(FedPathOf options) : IMeasurementState<FedMoves>
{
    private int _consumed;
    private DateOnly? _lastRow, _lastFinite;
    private FedRateHistory? _history;
    private string? _refused;

    public Measured<FedMoves> Advance(StreamMarketData data, DateOnly day)
    {
        var buffer = data.Series(options.Series);
        if (buffer is null
            || buffer.ClosesOnly) return Measured.Missing<FedMoves>([SignalInput.Missing(options.Series)], day);
        if (_history is null && _refused is null)
        {
            try
            {
                _history = new FedRateHistory(buffer.Instrument, options.Path);
            }
            catch (NotMeasurableException e)
            {
                _refused = e.Message;
            }
        }
        for (int end = buffer.CountArrivedBy(day); _consumed < end; _consumed++)
        {
            var bar = buffer[_consumed];
            _lastRow = bar.Date;
            if (!double.IsNaN(bar.Close)) _lastFinite = bar.Date;
            _history?.Append(bar.Date, bar.Close);
        }
        List<SignalInput> inputs = [SignalInput.Of(buffer.Instrument.Id, buffer.Instrument.Calendar, _lastFinite, day)];
        if (_lastFinite is null) return Measured.Missing<FedMoves>(inputs, day);
        // A refused unit reads as the batch's refusal: the message alone.
        if (_history is null) return Measured.NotMeasurable<FedMoves>(_refused!, []);
        _history.Forget(FedPathMeasurement.ReadFrom(day));
        return FedPathMeasurement.Of(options, buffer.Instrument.Id, _history, _history.Moves,
            _lastRow < day ? _lastRow.Value : day, day, inputs);
    }

    public void Declare(FeedInputs inputs) => inputs.Series.Add(options.Series);

    public void Write(BinaryWriter w)
    {
        w.Write(_consumed);
        Snapshots.Write(w, _lastRow); Snapshots.Write(w, _lastFinite);
        w.Write(_history is not null);
        _history?.Write(w);
    }

    public void Read(BinaryReader r)
    {
        _consumed = r.ReadInt32();
        (_lastRow, _lastFinite) = (Snapshots.ReadDate(r), Snapshots.ReadDate(r));
        _history = r.ReadBoolean() ? FedRateHistory.Read(r, options.Path) : null;
    }
}
