using Bellwether.Core.Calendars;
using Bellwether.Core.Flows;
using Bellwether.Core.Instruments;
using Bellwether.Data.Import.Formats;

namespace Bellwether.Data.Import;

/// <summary>
/// Gathers the dated rows of an ETF-flow table, whatever file it comes from (CSV, a saved Farside page), and
/// builds the <see cref="FlowTable"/>: footer summary rows and holiday rows of dashes are counted skips, never
/// data; identical duplicate dates are merged and counted, conflicting ones reported.
/// </summary>
/// <param name="columns">The value columns after the date: one per fund, then <c>Total</c>.</param>
public sealed class FlowTableBuilder(RowContext context, string[] columns)
{
    private readonly SortedDictionary<DateOnly, (int Line, double[] Values)> _rows = new();

    /// <summary>The value columns: funds, then the total.</summary>
    public IReadOnlyList<string> Columns => columns;

    /// <summary>
    /// Reads a row's date cell (<c>2024-01-11</c> or <c>11 Jan 2024</c>). A footer label (<c>Total</c>,
    /// <c>Average</c>, …) is a counted skip; anything else that is not a date is bad input.
    /// </summary>
    public bool TryDate(int line, ReadOnlySpan<byte> cell, out DateOnly date)
    {
        if (FarsideCells.TryDate(cell, out date)) return context.AcceptDate(line, "date", date);
        var text = CellText(cell);
        if (FarsideCells.IsSummaryLabel(cell)) context.Empty(line, "date", $"summary row '{text}'");
        else context.Bad(line, "date", $"'{text}' is not a date (expected yyyy-MM-dd or 11 Jan 2024)");
        return false;
    }

    /// <summary>Reads the cell of value column <paramref name="column"/>; reports it when it is not a flow.</summary>
    public bool TryFlow(int line, int column, ReadOnlySpan<byte> cell, out double value)
    {
        if (FarsideCells.TryFlow(cell, out value)) return true;
        var text = CellText(cell);
        context.Bad(line, columns[column], text.Equals("nan", StringComparison.OrdinalIgnoreCase) ? "NaN is not a flow"
            : $"'{text}' is not a flow");
        return false;
    }

    private static readonly TradingCalendar Sessions = new(CalendarKind.UsEquity);

    /// <summary>
    /// Keeps a row (one value per column, NaN for "no data"), unless every value is missing (a holiday row of
    /// dashes), or the US market was closed that day and the row holds only zeros (some tables write holidays
    /// as zeros; no fund can take flows on a closed day). Both are counted skips.
    /// </summary>
    public void Add(int line, DateOnly date, double[] values)
    {
        if (values.All(double.IsNaN)) { context.Empty(line, "row", "no data in any column (holiday)"); return; }
        if (!Sessions.IsSession(date) && values.All(v => v == 0 || double.IsNaN(v)))
        {
            context.Empty(line, "row",
                $"only zeros on {date:yyyy-MM-dd}, a day the US market was closed (holiday row, not zero flows)");
            return;
        }
        if (_rows.TryGetValue(date, out var earlier))
        {
            if (earlier.Values.AsSpan().SequenceEqual(values)) context.File.MergedDuplicates++;
            else context.Bad(line, "date",
                $"{date:yyyy-MM-dd} appears again with different values (first on {context.Position} {earlier.Line})");
            return;
        }
        _rows[date] = (line, values);
    }

    /// <summary>The table, in date order, stored as <paramref name="id"/> (US$ millions, US equity calendar).</summary>
    public FlowTable Build(string id, string source)
    {
        var dates = _rows.Keys.ToArray();
        var byFund = new double[columns.Length - 1][];
        for (int f = 0; f < byFund.Length; f++) byFund[f] = _rows.Values.Select(r => r.Values[f]).ToArray();
        var total = _rows.Values.Select(r => r.Values[^1]).ToArray();
        var instrument = new Instrument(id, AssetClass.EtfFlows, "USD millions", 1, CalendarKind.UsEquity);
        return new FlowTable(instrument, columns[..^1], dates, byFund, total, source);
    }

    private static string CellText(ReadOnlySpan<byte> cell) => Csv.CsvText.Text(cell.Trim((byte)' '));
}
