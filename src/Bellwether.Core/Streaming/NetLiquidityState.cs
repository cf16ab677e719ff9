using Bellwether.Core.Board;
using Bellwether.Core.Instruments;
using Bellwether.Core.Measurements;
using Bellwether.Core.Measurements.NetLiquidity;
using Bellwether.Core.Signals;
using Bellwether.Core.Statistics.Liquidity;
using Liquidity = Bellwether.Core.Statistics.Liquidity.NetLiquidity;

namespace Bellwether.Core.Streaming;

/// <summary>
/// <c>net_liquidity</c> incrementally: <see cref="Liquidity.Compute"/>'s Wednesday grid one week at a time. A
/// Wednesday is decided once every input has a row on or after it (rows of a series arrive in date order; a backfill
/// is a revision and replays); complete weeks keep the last 13 weeks' values for the 4- and 13-week changes, and the
/// trend's run start. O(1) per row and per day; memory O(13 weeks).
/// </summary>
internal sealed class NetLiquidityState(NetLiquidityOf options) : IMeasurementState<NetLiquidityReading>
{
    private readonly string[] _ids = [options.TotalAssets, options.TreasuryAccount, options.ReverseRepo];
    private readonly int[] _consumed = new int[3];
    private readonly DateOnly?[] _first = new DateOnly?[3], _lastRow = new DateOnly?[3], _lastFinite = new DateOnly?[3];
    /// <summary>Per input, its values on Wednesdays not decided yet.</summary>
    private readonly SortedDictionary<DateOnly, double>[] _wednesdays = [new(), new(), new()];
    /// <summary>Complete weeks of the last 13 weeks: Wednesday → net liquidity.</summary>
    private readonly SortedDictionary<DateOnly, double> _recent = [];
    private DateOnly? _next, _since;
    private NetLiquidityWeek? _latest;
    private string? _refused;

    public Measured<NetLiquidityReading> Advance(StreamMarketData data, DateOnly day)
    {
        var inputs = new List<SignalInput>();
        var buffers = new StreamMarketData.SeriesBuffer?[3];
        for (int k = 0; k < 3; k++)
        {
            buffers[k] = data.Series(_ids[k]) is { ClosesOnly: false } b ? b : null;
            if (buffers[k] is not { } buffer)
            {
                inputs.Add(SignalInput.Missing(_ids[k]));
                continue;
            }
            for (int end = buffer.CountArrivedBy(day); _consumed[k] < end; _consumed[k]++) Take(k,
                buffer[_consumed[k]]);
            inputs.Add(SignalInput.Of(buffer.Instrument.Id, buffer.Instrument.Calendar, _lastFinite[k], day));
        }
        if (inputs.Any(i => i.LastDate is null)) return Measured.Missing<NetLiquidityReading>(inputs, day);
        var instruments = buffers.Select(b => b!.Instrument).ToArray();
        if (_refused is null) Decide(instruments);
        // A refused unit or week reads as the batch's refusal: the message alone.
        if (_refused is not null) return Measured.NotMeasurable<NetLiquidityReading>(_refused, []);
        return _latest is null
            ? Measured.NotMeasurable<NetLiquidityReading>(
                $"no Wednesday on or before {Say.Date(day)} has all three inputs", inputs)
            : Measured.Of(new NetLiquidityReading(_latest, _since!.Value), inputs);
    }

    private void Take(int k, Series.DailyBar bar)
    {
        _first[k] ??= bar.Date;
        _lastRow[k] = bar.Date;
        if (!double.IsNaN(bar.Close)) _lastFinite[k] = bar.Date;
        if (bar.Date.DayOfWeek == DayOfWeek.Wednesday
            && (_next is null || bar.Date >= _next)) _wednesdays[k][bar.Date] = bar.Close;
    }

    /// <summary>Decides every Wednesday all three inputs have reached, in order (as the batch's grid walks
    /// them).</summary>
    private void Decide(Instrument[] instruments)
    {
        try
        {
            var scale = instruments.Select(UsdUnits.BillionsPerUnit).ToArray();
            _next ??= Liquidity.NextWednesday(_first.Max()!.Value);
            while (_lastRow.All(d => d >= _next))
            {
                var wednesday = _next.Value;
                var value = new double[3];
                for (int k = 0; k < 3; k++)
                    value[k] = _wednesdays[k].Remove(wednesday, out var close) ? close * scale[k] : double.NaN;
                _next = wednesday.AddDays(7);
                foreach (var w in _wednesdays)
                    while (w.Count > 0 && w.First().Key < _next) w.Remove(w.First().Key);
                if (value.Any(double.IsNaN)) continue;
                Liquidity.CheckLiabilities(wednesday, value, instruments);
                double net = value[0] - value[1] - value[2];
                _recent[wednesday] = net;
                var week = new NetLiquidityWeek(wednesday, value[0], value[1], value[2], net,
                    Change(wednesday, 4, net), Change(wednesday, 13, net));
                while (_recent.First().Key < wednesday.AddDays(-7 * 13)) _recent.Remove(_recent.First().Key);
                if (_latest is null || _latest.Trend != week.Trend) _since = wednesday;
                _latest = week;
            }
        }
        catch (NotMeasurableException e)
        {
            _refused = e.Message;
        }
    }

    private double Change(DateOnly date, int weeks, double now) =>
        _recent.TryGetValue(date.AddDays(-7 * weeks), out var then) ? now - then : double.NaN;

    public void Declare(FeedInputs inputs) => inputs.Series.UnionWith(_ids);

    public void Write(BinaryWriter w)
    {
        for (int k = 0; k < 3; k++)
        {
            w.Write(_consumed[k]);
            Snapshots.Write(w, _first[k]); Snapshots.Write(w, _lastRow[k]); Snapshots.Write(w, _lastFinite[k]);
            Write(w, _wednesdays[k]);
        }
        Write(w, _recent);
        Snapshots.Write(w, _next); Snapshots.Write(w, _since);
        w.Write(_latest is not null);
        if (_latest is { } l)
        {
            Snapshots.Write(w, l.Date);
            foreach (var x in new[] { l.TotalAssets, l.TreasuryAccount, l.ReverseRepo, l.Value, l.Change4W,
                l.Change13W }) w.Write(x);
        }
        w.Write(_refused is not null);
        if (_refused is not null) w.Write(_refused);
    }

    public void Read(BinaryReader r)
    {
        for (int k = 0; k < 3; k++)
        {
            _consumed[k] = r.ReadInt32();
            (_first[k], _lastRow[k], _lastFinite[k]) = (Snapshots.ReadDate(r), Snapshots.ReadDate(r),
                Snapshots.ReadDate(r));
            Read(r, _wednesdays[k]);
        }
        Read(r, _recent);
        (_next, _since) = (Snapshots.ReadDate(r), Snapshots.ReadDate(r));
        _latest = r.ReadBoolean()
            ? new NetLiquidityWeek(Snapshots.ReadDate(r)!.Value, r.ReadDouble(), r.ReadDouble(), r.ReadDouble(),
                r.ReadDouble(), r.ReadDouble(), r.ReadDouble())
            : null;
        _refused = r.ReadBoolean() ? r.ReadString() : null;
    }

    private static void Write(BinaryWriter w, SortedDictionary<DateOnly, double> values)
    {
        w.Write(values.Count);
        foreach (var (date, value) in values) { Snapshots.Write(w, date); w.Write(value); }
    }

    private static void Read(BinaryReader r, SortedDictionary<DateOnly, double> values)
    {
        values.Clear();
        for (int n = r.ReadInt32(), i = 0; i < n; i++) values[Snapshots.ReadDate(r)!.Value] = r.ReadDouble();
    }
}
