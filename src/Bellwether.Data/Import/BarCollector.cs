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
        if (double.IsNaN(bar.Close)) { context.Bad(line, "close", "no value"); return false; }
        if (pricesMustBePositive &&
            !(Positive(line, "open", bar.Open) && Positive(line, "high", bar.High)
              && Positive(line, "low", bar.Low) && Positive(line, "close", bar.Close))) return false;
        if (bar.High < bar.Low) { context.Bad(line, "high", $"high {bar.High} is below low {bar.Low}"); return false; }
        if (bar.Volume < 0) { context.Bad(line, "volume", $"volume must not be negative, got {bar.Volume}"); return false; }
        if (bar.MarketCap < 0) { context.Bad(line, "market_cap", $"market cap must not be negative, got {bar.MarketCap}"); return false; }
        _rows.Add((line, bar));
        return true;
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
    public DailySeries Build(Instrument instrument)
    {
        if (!IsSorted()) _rows.Sort((a, b) => a.Bar.Date != b.Bar.Date ? a.Bar.Date.CompareTo(b.Bar.Date) : a.Line.CompareTo(b.Line));
        var bars = new List<DailyBar>(_rows.Count);
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
            keptLine = line;
        }
        return new DailySeries(instrument, bars);
    }

    private bool IsSorted()
    {
        for (int i = 1; i < _rows.Count; i++)
            if (_rows[i].Bar.Date < _rows[i - 1].Bar.Date) return false;
        return true;
    }
}
