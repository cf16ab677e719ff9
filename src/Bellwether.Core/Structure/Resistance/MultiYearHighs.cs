using Bellwether.Core.Series;

namespace Bellwether.Core.Structure.Resistance;

/// <summary>The prior multi-year high at every bar, in one pass (two monotonic queues: O(n) for the whole
/// history).</summary>
public static class MultiYearHighs
{
    /// <summary>The prior multi-year high standing at the last bar on or before <paramref name="asOf"/>, or null when
    /// the data does not cover the lookback.</summary>
    /// <param name="buffer">The breakout buffer that decides <see cref="MultiYearHigh.Unbroken"/>.</param>
    public static MultiYearHigh? AsOf(DailySeries series, DateOnly asOf, MultiYearHighParameters parameters,
        double buffer)
    {
        int last = series.IndexOnOrBefore(asOf);
        MultiYearHigh? result = null;
        if (last >= 0) Scan(series, last, parameters, buffer, (i, high) => { if (i == last) result = high; });
        return result;
    }

    /// <summary>Calls <paramref name="visit"/> for every row 0..<paramref name="lastIndex"/> with the multi-year high
    /// standing there (null when none).</summary>
    public static void Scan(DailySeries series, int lastIndex, MultiYearHighParameters parameters, double buffer,
        Action<int, MultiYearHigh?> visit)
    {
        var scanner = new MultiYearHighScanner(parameters, buffer);
        var close = series.Close;
        var value = parameters.Basis == Resistance.PriceBasis.High ? series.High : close;
        for (int i = 0; i <= lastIndex; i++)
            visit(i, scanner.Step(series.Dates[i], double.IsFinite(value[i]) ? value[i] : close[i], close[i]));
    }
}

/// <summary>
/// <see cref="MultiYearHighs.Scan"/> one row at a time, for a caller that receives rows as they come: the rows of the
/// lookback (a monotone queue of values with the earliest maximum at the front) and the closes of the excluded recent
/// rows. O(1) amortised per row; memory O(rows in the lookback).
/// </summary>
internal sealed class MultiYearHighScanner
{
    private readonly MultiYearHighParameters _parameters;
    private readonly double _buffer;
    private readonly MaxQueue _lookback = new(), _recent = new();
    /// <summary>The rows not yet in the lookback (the excluded recent ones and the newest): date and value.</summary>
    private readonly Queue<(DateOnly Date, double Value)> _waiting = new();
    /// <summary>The dates of the rows from the lookback's first on.</summary>
    private readonly Queue<(int Row, DateOnly Date)> _dates = new();
    private int _rows;
    private DateOnly? _first;
    private double _previousClose = double.NaN;
    private MultiYearHigh? _current;

    public MultiYearHighScanner(MultiYearHighParameters parameters, double buffer) =>
        (_parameters, _buffer) = (parameters, buffer);

    /// <summary>The first row of the lookback after the last step.</summary>
    public int Start { get; private set; }

    /// <summary>The next row's value (its high or close by the basis, the close when the high is missing) and close,
    /// in date order: the prior multi-year high after it.</summary>
    public MultiYearHigh? Step(DateOnly date, double value, double close)
    {
        int i = _rows++;
        _first ??= date;
        _waiting.Enqueue((date, value));
        _dates.Enqueue((i, date));
        // The newest lookback row is i - exclude; the recent rows are (i - exclude, i - 1].
        int newest = i - _parameters.ExcludeRecentBars;
        if (newest >= 0)
        {
            var row = _waiting.Dequeue();
            _lookback.Push(newest, row.Value, row.Date);
        }
        if (i >= 1) _recent.Push(i - 1, _previousClose, default);
        _previousClose = close;
        _recent.DropBefore(Math.Max(0, newest + 1));
        var from = date.AddYears(-_parameters.LookbackYears);
        while (_dates.Peek().Date < from) _dates.Dequeue();
        Start = _dates.Peek().Row;
        _lookback.DropBefore(Start);
        if (_first > from || _lookback.IsEmpty) _current = null;
        else
        {
            var (anchor, price, anchorDate) = _lookback.Front;
            bool unbroken = _recent.IsEmpty || _recent.Front.Value <= price * (1 + _buffer);
            if (_current is null || _current.Index != anchor || _current.Unbroken != unbroken)
                _current = new MultiYearHigh(price, anchorDate, anchor, unbroken);
        }
        return _current;
    }

    public void Write(BinaryWriter w)
    {
        _lookback.Write(w); _recent.Write(w);
        w.Write(_waiting.Count);
        foreach (var (date, value) in _waiting) { w.Write(date.DayNumber); w.Write(value); }
        w.Write(_dates.Count);
        foreach (var (row, date) in _dates) { w.Write(row); w.Write(date.DayNumber); }
        w.Write(_rows); w.Write(Start); w.Write(_first?.DayNumber ?? -1); w.Write(_previousClose);
        w.Write(_current is not null);
        if (_current is { } c) { w.Write(c.Price); w.Write(c.Date.DayNumber); w.Write(c.Index); w.Write(c.Unbroken); }
    }

    public void Read(BinaryReader r)
    {
        _lookback.Read(r); _recent.Read(r);
        _waiting.Clear();
        for (int n = r.ReadInt32(),
            i = 0; i < n; i++) _waiting.Enqueue((DateOnly.FromDayNumber(r.ReadInt32()), r.ReadDouble()));
        _dates.Clear();
        for (int n = r.ReadInt32(),
            i = 0; i < n; i++) _dates.Enqueue((r.ReadInt32(), DateOnly.FromDayNumber(r.ReadInt32())));
        (_rows, Start) = (r.ReadInt32(), r.ReadInt32());
        _first = r.ReadInt32() is var f and >= 0 ? DateOnly.FromDayNumber(f) : null;
        _previousClose = r.ReadDouble();
        _current = r.ReadBoolean()
            ? new MultiYearHigh(r.ReadDouble(), DateOnly.FromDayNumber(r.ReadInt32()), r.ReadInt32(), r.ReadBoolean())
            : null;
    }

    /// <summary>Rows by value with the earliest maximum at the front (a monotone deque).</summary>
    private sealed class MaxQueue
    {
        private readonly List<(int Row, double Value, DateOnly Date)> _items = [];
        private int _head;

        public bool IsEmpty => _head == _items.Count;
        public (int Row, double Value, DateOnly Date) Front => _items[_head];

        public void Push(int row, double v, DateOnly date)
        {
            if (double.IsNaN(v)) return;
            // Strict comparison keeps the earlier of two equal values in front.
            while (_items.Count > _head && _items[^1].Value < v) _items.RemoveAt(_items.Count - 1);
            _items.Add((row, v, date));
        }

        public void DropBefore(int row)
        {
            while (_head < _items.Count && _items[_head].Row < row) _head++;
            if (_head > 64 && _head * 2 > _items.Count) { _items.RemoveRange(0, _head); _head = 0; }
        }

        public void Write(BinaryWriter w)
        {
            w.Write(_items.Count - _head);
            for (int k = _head; k < _items.Count; k++)
            {
                w.Write(_items[k].Row);
                w.Write(_items[k].Value);
                w.Write(_items[k].Date.DayNumber);
            }
        }

        public void Read(BinaryReader r)
        {
            _items.Clear();
            _head = 0;
            for (int n = r.ReadInt32(),
                i = 0; i < n; i++) _items.Add((r.ReadInt32(), r.ReadDouble(), DateOnly.FromDayNumber(r.ReadInt32())));
        }
    }
}
