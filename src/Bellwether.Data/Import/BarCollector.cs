using Bellwether.Core.Instruments;
using Bellwether.Core.Series;

namespace Bellwether.Data.Import;

/// <summary>
/// Gathers the bars of one instrument from a file, validates each, and builds the series:
/// sorted by date, identical duplicates merged and counted, conflicting duplicates reported.
/// </summary>
public sealed class BarCollector(RowContext context, bool pricesMustBePositive)
{
    // Rows are kept in fixed chunks small enough to stay off the large-object heap: no doubling slack and no
    // uncompacted garbage, so a file's rows take about their own size (see bench/README.md, import_rss_200mb).
    private const int ChunkShift = 10;
    private const int ChunkSize = 1 << ChunkShift;
    private readonly List<(int Line, DailyBar Bar)[]> _chunks = [];
    private int _count;
    private bool _sorted = true;

    private ref (int Line, DailyBar Bar) Row(int position) =>
        ref _chunks[position >> ChunkShift][position & (ChunkSize - 1)];

    /// <summary>Validates a bar and keeps it, or reports why not.</summary>
    /// <returns>True when the bar was kept.</returns>
    public bool Add(int line, in DailyBar bar)
    {
        if (!context.AcceptDate(line, "date", bar.Date)) return false;
        if (double.IsNaN(bar.Close)) { context.Bad(line, "close", "no value"); return false; }
        if (pricesMustBePositive &&
            !(Positive(line, "open", bar.Open) && Positive(line, "high", bar.High)
              && Positive(line, "low", bar.Low) && Positive(line, "close", bar.Close))) return false;
        if (bar.High < bar.Low) { context.Bad(line, "high", $"high {bar.High} is below low {bar.Low}"); return false; }
        if (!WithinRange(line, "open", bar.Open, bar) || !WithinRange(line, "close", bar.Close, bar)) return false;
        if (bar.Volume < 0)
        {
            context.Bad(line, "volume", $"volume must not be negative, got {bar.Volume}");
            return false;
        }
        if (bar.MarketCap < 0)
        {
            context.Bad(line, "market_cap", $"market cap must not be negative, got {bar.MarketCap}");
            return false;
        }
        if ((_count & (ChunkSize - 1)) == 0) _chunks.Add(new (int, DailyBar)[ChunkSize]);
        if (_count > 0 && bar.Date < Row(_count - 1).Bar.Date) _sorted = false;
        Row(_count++) = (line, bar);
        return true;
    }

    /// <summary>
    /// How far open or close may lie outside [low, high], relative to the price: one part in a million, for prices a
    /// source stored or rounded apart (a high kept as a 32-bit float, a close with more digits); a cent outside a price
    /// of 2,458 is already four times that, and bad input.
    /// </summary>
    public const double RangeTolerance = 1e-6;

    private bool WithinRange(int line, string field, double price, in DailyBar bar)
    {
        double slack = Math.Abs(price) * RangeTolerance;
        if (!(price > bar.High + slack) && !(price < bar.Low - slack)) return true;
        context.Bad(line, field, $"{field} {price} lies outside the day's range [low {bar.Low}, high {bar.High}]");
        return false;
    }

    // NaN (a field the source does not give) passes: only a present, non-positive price is bad.
    private bool Positive(int line, string field, double v)
    {
        if (!(v <= 0)) return true;
        context.Bad(line, field, $"price must be positive, got {v}");
        return false;
    }

    /// <summary>Number of bars kept so far.</summary>
    public int Count => _count;

    /// <summary>The validated series. Reports conflicting duplicate dates through the context.</summary>
    /// <param name="dailyOnly">
    /// The file holds daily bars: rows at a coarser frequency (at least <see cref="MinCoarseRun"/> rows in a row, each
    /// <see cref="CoarseGapDays"/> or more days from both neighbours, such as monthly history before a daily one) are
    /// counted skips and a note, never daily bars; when every row is such, the file is refused.
    /// </param>
    public DailySeries Build(Instrument instrument, bool dailyOnly = false)
    {
        // Positions of the rows in date order (file order breaks ties), then of the rows kept.
        int[]? order = null;
        if (!_sorted)
        {
            order = new int[_count];
            for (int i = 0; i < _count; i++) order[i] = i;
            Array.Sort(order, (a, b) => Row(a).Bar.Date != Row(b).Bar.Date ? Row(a).Bar.Date.CompareTo(Row(b).Bar.Date)
                : Row(a).Line.CompareTo(Row(b).Line));
        }
        var kept = new List<int>(_count);
        for (int i = 0; i < _count; i++)
        {
            int position = order?[i] ?? i;
            ref var row = ref Row(position);
            if (kept.Count > 0 && Row(kept[^1]).Bar.Date == row.Bar.Date)
            {
                ref var first = ref Row(kept[^1]);
                if (first.Bar.SameValues(row.Bar)) context.File.MergedDuplicates++;
                else context.Bad(row.Line, "date",
                    $"{row.Bar.Date:yyyy-MM-dd} appears again with different values (first on {context.Position} " +
                    $"{first.Line})");
                continue;
            }
            kept.Add(position);
        }
        if (dailyOnly) SetAsideCoarseRows(instrument.Id, kept);
        var series = new DailySeries(instrument, new KeptBars(this, kept));
        _chunks.Clear();
        _count = 0;
        _sorted = true;
        return series;
    }

    /// <summary>The kept rows' bars, read in place: the series is built without another copy of the rows.</summary>
    private sealed class KeptBars(BarCollector rows, List<int> kept) : IReadOnlyList<DailyBar>
    {
        public DailyBar this[int index] => rows.Row(kept[index]).Bar;
        public int Count => kept.Count;
        public IEnumerator<DailyBar> GetEnumerator()
        {
            for (int i = 0; i < kept.Count; i++) yield return this[i];
        }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Days from both neighbours that make a row coarser than daily (a week has at most 4 days without a
    /// session).</summary>
    public const int CoarseGapDays = 5;

    /// <summary>How many such rows in a row make a coarser run (a lone row between two gaps is a daily row).</summary>
    public const int MinCoarseRun = 3;

    private void SetAsideCoarseRows(string id, List<int> kept)
    {
        int n = kept.Count;
        DateOnly DateAt(int i) => Row(kept[i]).Bar.Date;
        bool Wide(int i) => i <= 0 || i >= n || DateAt(i).DayNumber - DateAt(i - 1).DayNumber >= CoarseGapDays;
        var coarse = new bool[n];
        int count = 0;
        for (int start = 0; start < n;)
        {
            int end = start;
            while (end < n && Wide(end) && Wide(end + 1)) end++;
            if (end - start >= MinCoarseRun)
            {
                for (int i = start; i < end; i++) coarse[i] = true;
                count += end - start;
            }
            start = Math.Max(end, start + 1);
        }
        if (count == 0) return;
        if (count == n)
            throw context.Fatal("date",
                $"no two rows are less than {CoarseGapDays} days apart: these are weekly or monthly bars, " +
                                        "and Bellwether stores daily bars only");
        var first = DateAt(Array.IndexOf(coarse, true));
        var last = DateAt(Array.LastIndexOf(coarse, true));
        for (int i = 0; i < n; i++)
            if (coarse[i]) context.Empty(Row(kept[i]).Line, "date",
                $"a row at a coarser frequency than daily (no neighbour within {CoarseGapDays - 1} days): not a " +
                $"daily bar");
        int remaining = 0;
        for (int i = 0; i < n; i++)
            if (!coarse[i]) kept[remaining++] = kept[i];
        kept.RemoveRange(remaining, n - remaining);
        context.File.Notes.Add(
            $"{id}: {count} rows from {first:yyyy-MM-dd} to {last:yyyy-MM-dd} are weekly, monthly or sparser, " +
                               "not daily: not stored");
    }
}
