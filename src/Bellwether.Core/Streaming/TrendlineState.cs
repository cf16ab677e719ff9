using Bellwether.Core.Board;
using Bellwether.Core.Instruments;
using Bellwether.Core.Measurements;
using Bellwether.Core.Measurements.Trendline;
using Bellwether.Core.Series;
using Bellwether.Core.Signals;
using Bellwether.Core.Structure.Trendlines;

namespace Bellwether.Core.Streaming;

/// <summary>
/// <c>trendline</c> incrementally: the bars of the series (or the ratio of two series' closes on their shared dates,
/// <see cref="JoinedCloses"/>) from a pivot's width before the lookback on, the older ones forgotten as the lookback
/// moves. <see cref="TrendlineFinder.AsOf"/> reads only those rows, so each day it runs on them and gives the batch's
/// lines: O(1) amortised per bar, O(W·L) per day for W rows in the lookback (about 185 for six months of a coin ratio)
/// and L lines drawn (each sweep scans its rows once); memory O(W).
/// </summary>
internal sealed class TrendlineState(TrendlineOf parameters) : IMeasurementState<TrendlineReading>
{
    private readonly string[] _ids = parameters.Series.Split('/');
    private readonly JoinedCloses? _ratio = parameters.Series.Split('/') is [var a, var b] ? new(a, b, default) : null;
    private readonly List<DailyBar> _bars = [];
    private int _consumed;
    private DateOnly? _lastFinite;

    public Measured<TrendlineReading> Advance(StreamMarketData data, DateOnly day)
    {
        var inputs = new List<SignalInput>(2);
        Instrument instrument;
        if (_ratio is not null)
        {
            if (!_ratio.Advance(data, day, inputs)) return Measured.Missing<TrendlineReading>(inputs, day);
            var (a, b) = (data.Series(_ids[0])!.Instrument, data.Series(_ids[1])!.Instrument);
            instrument = RatioSeries.InstrumentOf(a, b);
            foreach (var (date, x, y) in _ratio.Joined)
                _bars.Add(new DailyBar(date, double.NaN, double.NaN, double.NaN, x / y, double.NaN, double.NaN, ""));
            _ratio.Forget(_ratio.Joined.Count);
        }
        else
        {
            if (data.Series(_ids[0]) is not { ClosesOnly: false } buffer)
                return Measured.Missing<TrendlineReading>([SignalInput.Missing(_ids[0])], day);
            for (int end = buffer.CountArrivedBy(day); _consumed < end; _consumed++)
            {
                _bars.Add(buffer[_consumed]);
                if (!double.IsNaN(buffer[_consumed].Close)) _lastFinite = buffer[_consumed].Date;
            }
            inputs.Add(SignalInput.Of(buffer.Instrument.Id, buffer.Instrument.Calendar, _lastFinite, day));
            if (_lastFinite is null) return Measured.Missing<TrendlineReading>(inputs, day);
            instrument = buffer.Instrument;
        }
        if (_bars.Count == 0)
            return Measured.NotMeasurable<TrendlineReading>(
                $"{parameters.Series} has no common dates on or before {Say.Date(day)}", inputs);
        // The finder reads from the first row of the lookback, and a pivot there compares the bars before it.
        var from = day.AddMonths(-parameters.Lines.LookbackMonths);
        int firstRow = 0;
        while (firstRow < _bars.Count && _bars[firstRow].Date < from) firstRow++;
        _bars.RemoveRange(0, Math.Max(0, firstRow - parameters.Lines.PivotSizes.Left));
        var series = new DailySeries(instrument, _bars);
        var report = TrendlineFinder.AsOf(series, day, parameters.Side, parameters.Lines);
        return Measured.Of(new TrendlineReading(day, series, _bars[^1].Date, _bars[^1].Close, report), inputs);
    }

    public void Declare(FeedInputs inputs) => inputs.Series.UnionWith(_ids);

    public void Write(BinaryWriter w)
    {
        _ratio?.Write(w);
        w.Write(_consumed);
        Snapshots.Write(w, _lastFinite);
        w.Write(_bars.Count);
        foreach (var bar in _bars) Snapshots.Write(w, bar);
    }

    public void Read(BinaryReader r)
    {
        _ratio?.Read(r);
        _consumed = r.ReadInt32();
        _lastFinite = Snapshots.ReadDate(r);
        _bars.Clear();
        for (int n = r.ReadInt32(), i = 0; i < n; i++) _bars.Add(Snapshots.ReadBar(r));
    }
}
