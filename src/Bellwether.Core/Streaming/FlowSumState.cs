using Bellwether.Core.Board;
using Bellwether.Core.Measurements.EtfFlows;
using Bellwether.Core.Signals;
using Bellwether.Core.Statistics.EtfFlows;

namespace Bellwether.Core.Streaming;

/// <summary>
/// <c>etf_flows</c> incrementally: <see cref="EtfFlowStatistics.Build"/>'s flow days one row at a time (launches,
/// cumulative flow, streak) with the last <c>window</c> days' totals in a ring; each window sum adds the ring in day
/// order as the batch does. O(F + W) per flow row for F funds and a W-day window; memory O(F + W).
/// </summary>
internal sealed class FlowSumState(EtfFlowsOf options) : ISignalState
{
    private int _consumed, _days, _streak;
    private readonly FlowDayWalker _walk = new();
    private double _cumulative;
    private readonly int _ring = Math.Max(options.Window, options.Flows.ShortWindow);
    private double[] _totals = [];
    private DateOnly[] _dates = [];
    private bool _latestPartial;
    private double _longSum = double.NaN, _shortSum = double.NaN;
    private DateOnly _runStart;

    public SignalReading Advance(StreamMarketData data, DateOnly day)
    {
        if (data.Flows(options.Table) is not { } table)
            return SignalReading.NotMeasurable($"no flow table {options.Table}", [SignalInput.Missing(options.Table)]);
        if (_totals.Length == 0) (_totals, _dates) = (new double[_ring], new DateOnly[_ring]);
        for (int end = table.CountArrivedBy(day); _consumed < end; _consumed++) Add(table, _consumed);
        DateOnly? latest = _days > 0 ? _dates[(_days - 1) % _ring] : null;
        List<SignalInput> inputs = [SignalInput.Of(options.Table, table.Instrument.Calendar, latest, day)];
        if (latest is null) return SignalReading.NotMeasurable(
            $"{options.Table} has no flow day on or before {Say.Date(day)}", inputs);
        if (double.IsNaN(_longSum))
            return SignalReading.NotMeasurable(
                $"{options.Table} has {_days} flow day(s) on or before {Say.Date(day)}, fewer than the " +
                $"{options.Window}-day window", inputs);
        var fields = new Dictionary<string, double>
        {
            ["latest"] = _totals[(_days - 1) % _ring],
            ["sum_5d"] = _shortSum,
            ["streak"] = _streak,
            ["cumulative"] = _cumulative,
            ["partial"] = Say.Flag(_latestPartial),
        };
        int sign = Math.Sign(_longSum);
        string label = sign > 0 ? "inflow" : sign < 0 ? "outflow" : "flat";
        return new SignalReading(true, _longSum, label, _runStart, "", _dates[(_days - options.Window) % _ring], latest,
            inputs, fields, "US$ m");
    }

    private void Add(StreamMarketData.FlowBuffer table, int i)
    {
        if (!_walk.Step(table, i, out double total, out bool partial)) return;
        var date = table.Date(i);
        _cumulative += total;
        _streak = total > 0 ? Math.Max(_streak, 0) + 1 : total < 0 ? Math.Min(_streak, 0) - 1 : 0;
        _totals[_days % _ring] = total;
        _dates[_days % _ring] = date;
        _days++;
        _latestPartial = partial;
        _shortSum = TrailingSum(options.Flows.ShortWindow);
        double previous = _longSum;
        _longSum = TrailingSum(options.Window);
        // The label's run: days in a row whose window sums share today's sign.
        if (double.IsNaN(_longSum)) return;
        if (double.IsNaN(previous) || Math.Sign(previous) != Math.Sign(_longSum)) _runStart = date;
    }

    /// <summary>The last <paramref name="window"/> totals added oldest first, as <see cref="EtfFlowStatistics"/> sums
    /// them.</summary>
    private double TrailingSum(int window)
    {
        if (_days < window) return double.NaN;
        double sum = 0;
        for (int k = _days - window; k < _days; k++) sum += _totals[k % _ring];
        return sum;
    }

    public void Declare(FeedInputs inputs) => inputs.Flows.Add(options.Table);

    public void Write(BinaryWriter w)
    {
        w.Write(_consumed); w.Write(_days); w.Write(_streak); w.Write(_cumulative);
        _walk.Write(w);
        w.Write(_totals.Length);
        for (int k = 0; k < _totals.Length; k++) { w.Write(_totals[k]); Snapshots.Write(w, _dates[k]); }
        w.Write(_latestPartial); w.Write(_longSum); w.Write(_shortSum); Snapshots.Write(w, _runStart);
    }

    public void Read(BinaryReader r)
    {
        (_consumed, _days, _streak, _cumulative) = (r.ReadInt32(), r.ReadInt32(), r.ReadInt32(), r.ReadDouble());
        _walk.Read(r);
        int n = r.ReadInt32();
        (_totals, _dates) = (new double[n], new DateOnly[n]);
        for (int k = 0; k < n; k++) { _totals[k] = r.ReadDouble(); _dates[k] = Snapshots.ReadDate(r)!.Value; }
        (_latestPartial, _longSum, _shortSum) = (r.ReadBoolean(), r.ReadDouble(), r.ReadDouble());
        _runStart = Snapshots.ReadDate(r)!.Value;
    }
}
