using Bellwether.Core.Board;
using Bellwether.Core.Measurements.FlowRotation;
using Bellwether.Core.Signals;
using Bellwether.Core.Statistics.EtfFlows;
using Rotation = Bellwether.Core.Statistics.EtfFlows.FlowRotation;

namespace Bellwether.Core.Streaming;

/// <summary>
/// <c>flow_rotation</c> incrementally: each table's flow days as rows arrive (<see cref="FlowDayWalker"/>), joined on
/// the dates both tables have reached (nothing filled), the last W shared days in a ring read by the batch's
/// <see cref="Rotation"/> span, and the label's run kept as windows close (bounded, as the batch's, by the first
/// shared day of the year before). O(F) per row, O(W) per day; memory O(F + W) plus the days one table is ahead.
/// </summary>
internal sealed class FlowRotationState(FlowRotationParameters parameters) : ISignalState
{
    private readonly string[] _ids = [parameters.Into, parameters.OutOf];
    private readonly FlowDayWalker[] _walks = [new(), new()];
    private readonly int[] _consumed = new int[2];
    private readonly DateOnly?[] _lastRow = new DateOnly?[2], _lastDay = new DateOnly?[2];
    private readonly DateJoin _join = new();
    private readonly Queue<(DateOnly Date, double Into, double OutOf)> _window = new();
    private RotationKind? _kind;
    private DateOnly? _runStart;
    /// <summary>The first shared day of the latest two years with one: (year, day), the older first.</summary>
    private (int Year, DateOnly Day)? _firstOfYear, _firstOfPreviousYear;

    public SignalReading Advance(StreamMarketData data, DateOnly day)
    {
        var tables = _ids.Select(data.Flows).ToArray();
        if (tables[0] is null || tables[1] is null)
            return SignalReading.NotMeasurable(
                $"no flow table {(tables[0] is null ? parameters.Into : parameters.OutOf)}",
                [.. _ids.Where((_, k) => tables[k] is null).Select(SignalInput.Missing)]);
        var inputs = new List<SignalInput>(2);
        for (int k = 0; k < 2; k++)
        {
            var table = tables[k]!;
            for (int end = table.CountArrivedBy(day); _consumed[k] < end; _consumed[k]++)
            {
                _lastRow[k] = table.Date(_consumed[k]);
                if (!_walks[k].Step(table, _consumed[k], out double total, out _)) continue;
                _lastDay[k] = table.Date(_consumed[k]);
                if (k == 0) _join.Left(_lastDay[k]!.Value, total);
                else _join.Right(_lastDay[k]!.Value, total);
            }
            inputs.Add(SignalInput.Of(table.Instrument.Id, table.Instrument.Calendar, _lastDay[k], day));
        }
        Join();
        if (_window.Count == 0)
            return SignalReading.NotMeasurable(
                $"{parameters.Into} and {parameters.OutOf} share no flow day on or before {Say.Date(day)}", inputs);
        var reading = Rotation.Of(tables[0]!.Instrument.Id, tables[1]!.Instrument.Id, [.. _window]);
        var to = reading.Window.To;
        var spanStart = _firstOfPreviousYear is { } p && p.Year >= to.Year - 1 ? p.Day : _firstOfYear!.Value.Day;
        return FlowRotationSignal.Reading(parameters, reading, inputs, _runStart > spanStart ? _runStart : spanStart,
            explain: false);
    }

    /// <summary>Joins the flow days of dates both tables have reached, in date order, closing a window on
    /// each.</summary>
    private void Join()
    {
        if (_lastRow[0] is not { } a || _lastRow[1] is not { } b) return;
        foreach (var day in _join.Joined(a < b ? a : b))
        {
            _window.Enqueue(day);
            if (_window.Count > parameters.Window) _window.Dequeue();
            if (_firstOfYear is not { } first || first.Year != day.Date.Year)
                (_firstOfPreviousYear, _firstOfYear) = (_firstOfYear, (day.Date.Year, day.Date));
            var kind = Rotation.Of(parameters.Into, parameters.OutOf, [.. _window]).Window.Kind;
            if (kind != _kind) (_kind, _runStart) = (kind, day.Date);
        }
    }

    public void Declare(FeedInputs inputs) => inputs.Flows.UnionWith(_ids);

    public void Write(BinaryWriter w)
    {
        for (int k = 0; k < 2; k++)
        {
            _walks[k].Write(w);
            w.Write(_consumed[k]); Snapshots.Write(w, _lastRow[k]); Snapshots.Write(w, _lastDay[k]);
        }
        _join.Write(w);
        w.Write(_window.Count);
        foreach (var (date, into, outOf) in _window) { Snapshots.Write(w, date); w.Write(into); w.Write(outOf); }
        w.Write(_kind is { } kind ? (int)kind : -1);
        Snapshots.Write(w, _runStart);
        foreach (var y in new[] { _firstOfYear, _firstOfPreviousYear })
        {
            w.Write(y?.Year ?? 0);
            Snapshots.Write(w, y?.Day);
        }
    }

    public void Read(BinaryReader r)
    {
        for (int k = 0; k < 2; k++)
        {
            _walks[k].Read(r);
            (_consumed[k], _lastRow[k], _lastDay[k]) = (r.ReadInt32(), Snapshots.ReadDate(r), Snapshots.ReadDate(r));
        }
        _join.Read(r);
        _window.Clear();
        for (int n = r.ReadInt32(), i = 0; i < n; i++)
            _window.Enqueue((Snapshots.ReadDate(r)!.Value, r.ReadDouble(), r.ReadDouble()));
        _kind = r.ReadInt32() is var kind and >= 0 ? (RotationKind)kind : null;
        _runStart = Snapshots.ReadDate(r);
        _firstOfYear = ReadYear(r);
        _firstOfPreviousYear = ReadYear(r);
    }

    private static (int, DateOnly)? ReadYear(BinaryReader r) =>
        (r.ReadInt32(), Snapshots.ReadDate(r)) is (var year, { } day) ? (year, day) : null;
}
