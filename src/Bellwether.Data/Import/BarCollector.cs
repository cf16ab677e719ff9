using Bellwether.Core.Instruments;
using Bellwether.Core.Series;

namespace Bellwether.Data.Import;

/// <summary>
/// Gathers the bars of one instrument from a file, validates each, and builds the series:
/// sorted by date, identical duplicates merged and counted, conflicting duplicates reported.
/// </summary>
public sealed class BarCollector(RowContext context, bool pricesMustBePositive)
{
    private readonly List<(int Line, DailyBar Bar)> _rows = [];

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
        if (bar.Volume < 0) { context.Bad(line, "volume", $"volume must not be negative, got {bar.Volume}"); return false; }
        if (bar.MarketCap < 0) { context.Bad(line, "market_cap", $"market cap must not be negative, got {bar.MarketCap}"); return false; }
        _rows.Add((line, bar));
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
    public int Count => _rows.Count;

    /// <summary>The validated series. Reports conflicting duplicate dates through the context.</summary>
    /// <param name="dailyOnly">
    /// The file holds daily bars: rows at a coarser frequency (at least <see cref="MinCoarseRun"/> rows in a row, each
    /// <see cref="CoarseGapDays"/> or more days from both neighbours, such as monthly history before a daily one) are
    /// counted skips and a note, never daily bars; when every row is such, the file is refused.
    /// </param>
    public DailySeries Build(Instrument instrument, bool dailyOnly = false)
    {
        if (!IsSorted()) _rows.Sort((a, b) => a.Bar.Date != b.Bar.Date ? a.Bar.Date.CompareTo(b.Bar.Date) : a.Line.CompareTo(b.Line));
        var bars = new List<DailyBar>(_rows.Count);
        var lines = new List<int>(dailyOnly ? _rows.Count : 0);
        int keptLine = 0;
        foreach (var (line, bar) in _rows)
        {
            if (bars.Count > 0 && bars[^1].Date == bar.Date)
            {
                if (bars[^1].SameValues(bar)) context.File.MergedDuplicates++;
                else context.Bad(line, "date", $"{bar.Date:yyyy-MM-dd} appears again with different values (first on {context.Position} {keptLine})");
                continue;
            }
            bars.Add(bar);
            if (dailyOnly) lines.Add(line);
            keptLine = line;
        }
        _rows.Clear();
        if (dailyOnly) SetAsideCoarseRows(instrument.Id, bars, lines);
        return new DailySeries(instrument, bars);
    }

    /// <summary>Days from both neighbours that make a row coarser than daily (a week has at most 4 days without a session).</summary>
    public const int CoarseGapDays = 5;

    /// <summary>How many such rows in a row make a coarser run (a lone row between two gaps is a daily row).</summary>
    public const int MinCoarseRun = 3;

    private void SetAsideCoarseRows(string id, List<DailyBar> bars, List<int> lines)
    {
        int n = bars.Count;
        bool Wide(int i) => i <= 0 || i >= n || bars[i].Date.DayNumber - bars[i - 1].Date.DayNumber >= CoarseGapDays;
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
            throw context.Fatal("date", $"no two rows are less than {CoarseGapDays} days apart: these are weekly or monthly bars, " +
                                        "and Bellwether stores daily bars only");
        var first = bars[Array.IndexOf(coarse, true)].Date;
        var last = bars[Array.LastIndexOf(coarse, true)].Date;
        for (int i = 0; i < n; i++)
            if (coarse[i]) context.Empty(lines[i], "date", $"a row at a coarser frequency than daily (no neighbour within {CoarseGapDays - 1} days): not a daily bar");
        int kept = 0;
        for (int i = 0; i < n; i++)
            if (!coarse[i]) bars[kept++] = bars[i];
        bars.RemoveRange(kept, n - kept);
        context.File.Notes.Add($"{id}: {count} rows from {first:yyyy-MM-dd} to {last:yyyy-MM-dd} are weekly, monthly or sparser, " +
                               "not daily: not stored");
    }

    private bool IsSorted()
    {
        for (int i = 1; i < _rows.Count; i++)
            if (_rows[i].Bar.Date < _rows[i - 1].Bar.Date) return false;
        return true;
    }
}
