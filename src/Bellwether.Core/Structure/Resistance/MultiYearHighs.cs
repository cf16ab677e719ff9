using Bellwether.Core.Series;

namespace Bellwether.Core.Structure.Resistance;

/// <summary>The prior multi-year high at every bar, in one pass (two monotonic queues: O(n) for the whole history).</summary>
public static class MultiYearHighs
{
    /// <summary>The prior multi-year high standing at the last bar on or before <paramref name="asOf"/>, or null when the data does not cover the lookback.</summary>
    /// <param name="buffer">The breakout buffer that decides <see cref="MultiYearHigh.Unbroken"/>.</param>
    public static MultiYearHigh? AsOf(DailySeries series, DateOnly asOf, MultiYearHighParameters parameters, double buffer)
    {
        int last = series.IndexOnOrBefore(asOf);
        MultiYearHigh? result = null;
        if (last >= 0) Scan(series, last, parameters, buffer, (i, high) => { if (i == last) result = high; });
        return result;
    }

    /// <summary>Calls <paramref name="visit"/> for every row 0..<paramref name="lastIndex"/> with the multi-year high standing there (null when none).</summary>
    public static void Scan(DailySeries series, int lastIndex, MultiYearHighParameters parameters, double buffer, Action<int, MultiYearHigh?> visit)
    {
        var close = series.Close;
        var value = parameters.Basis == Resistance.PriceBasis.High ? series.High : close;
        double Value(int i) => double.IsFinite(value[i]) ? value[i] : close[i];
        int exclude = parameters.ExcludeRecentBars;
        var lookback = new MaxQueue(series.Count);   // values in the lookback window, earliest maximum at the front
        var recent = new MaxQueue(series.Count);     // closes of the excluded recent rows
        int start = 0;
        MultiYearHigh? current = null;
        for (int i = 0; i <= lastIndex; i++)
        {
            // The newest lookback row is i - exclude; the recent rows are (i - exclude, i - 1].
            int newest = i - exclude;
            if (newest >= 0) lookback.Push(newest, Value(newest));
            if (i - 1 >= 0) recent.Push(i - 1, close[i - 1]);
            recent.DropBefore(Math.Max(0, newest + 1));
            var from = series.Dates[i].AddYears(-parameters.LookbackYears);
            while (start < series.Count && series.Dates[start] < from) start++;
            lookback.DropBefore(start);
            if (series.Dates[0] > from || lookback.IsEmpty) current = null;
            else
            {
                int anchor = lookback.FrontIndex;
                double price = lookback.FrontValue;
                bool unbroken = recent.IsEmpty || recent.FrontValue <= price * (1 + buffer);
                if (current is null || current.Index != anchor || current.Unbroken != unbroken)
                    current = new MultiYearHigh(price, series.Dates[anchor], anchor, unbroken);
            }
            visit(i, current);
        }
    }

    /// <summary>A monotonic queue over (row, value) pairs pushed in row order; NaN values are never stored.</summary>
    private sealed class MaxQueue(int capacity)
    {
        private readonly int[] _rows = new int[Math.Max(1, capacity)];
        private readonly double[] _values = new double[Math.Max(1, capacity)];
        private int _head, _tail;

        public bool IsEmpty => _head == _tail;
        public int FrontIndex => _rows[_head];
        public double FrontValue => _values[_head];

        public void Push(int row, double v)
        {
            if (double.IsNaN(v)) return;
            // Strict comparison keeps the earlier of two equal values in front.
            while (_tail > _head && _values[_tail - 1] < v) _tail--;
            _rows[_tail] = row;
            _values[_tail] = v;
            _tail++;
        }

        public void DropBefore(int row)
        {
            while (_head < _tail && _rows[_head] < row) _head++;
        }
    }
}
