using Bellwether.Core.Calendars;
using Bellwether.Core.Flows;
using Bellwether.Core.Instruments;
using Bellwether.Data.Csv;

namespace Bellwether.Data.Import.Formats;

/// <summary>
/// ETF-flow tables: a date, one column per fund and a <c>Total</c> column, US$ millions. Reads both the data
/// folder's plain numbers and Farside-style cells: negatives in parentheses <c>(95.1)</c>, thousands separators,
/// and <c>-</c> for "no data". A row whose every cell is a dash (a market holiday) is a counted skip, never a
/// day of zero flows.
/// </summary>
public sealed class FlowsCsvImporter : IImporter
{
    public string Name => "etf-flows";
    public string Description => "ETF-flow table: Date,FUND1,...,Total in US$ m; (95.1) negative, '-' no data, dash rows = holidays";

    public bool CanRead(FileProbe probe)
    {
        var c = probe.Columns;
        return c.Length >= 3 && c[0].Equals("date", StringComparison.OrdinalIgnoreCase)
               && c[^1].Equals("total", StringComparison.OrdinalIgnoreCase);
    }

    public void Read(FileProbe probe, ReadOnlySpan<byte> data, RowContext context)
    {
        var columns = probe.Columns;
        var funds = columns[1..^1];
        var rows = new SortedDictionary<DateOnly, (int Line, double[] Values)>();
        HeaderedCsv.ForEachRow(data, context, columns.Length, (in CsvRow row) =>
        {
            if (!FarsideCells.TryDate(row[0], out var date))
            {
                // Farside tables end in summary rows (Total, Average, Maximum, Minimum): not data.
                if (FarsideCells.IsSummaryLabel(row[0])) { context.Empty(row.Line, "date", $"summary row '{row.Text(0)}'"); return; }
                context.Bad(row.Line, "date", $"'{row.Text(0)}' is not a date");
                return;
            }
            var values = new double[columns.Length - 1];
            bool anyValue = false;
            for (int i = 1; i < columns.Length; i++)
            {
                if (!FarsideCells.TryFlow(row[i], out values[i - 1]))
                {
                    context.Bad(row.Line, columns[i], $"'{row.Text(i)}' is not a flow");
                    return;
                }
                anyValue |= !double.IsNaN(values[i - 1]);
            }
            if (!anyValue) { context.Empty(row.Line, "row", "no data in any column (holiday)"); return; }
            if (rows.TryGetValue(date, out var earlier))
            {
                if (earlier.Values.AsSpan().SequenceEqual(values)) context.File.MergedDuplicates++;
                else context.Bad(row.Line, "date", $"{date:yyyy-MM-dd} appears again with different values (first on line {earlier.Line})");
                return;
            }
            rows[date] = (row.Line, values);
        });
        var dates = rows.Keys.ToArray();
        var byFund = new double[funds.Length][];
        for (int f = 0; f < funds.Length; f++) byFund[f] = rows.Values.Select(r => r.Values[f]).ToArray();
        var total = rows.Values.Select(r => r.Values[^1]).ToArray();
        var id = Instrument.IdFromStem(probe.Stem);
        var instrument = new Instrument(id, AssetClass.EtfFlows, "USD millions", 1, CalendarKind.UsEquity);
        context.File.Flows.Add(new FlowTable(instrument, funds, dates, byFund, total, "file"));
    }
}

/// <summary>Cell conventions of Farside's ETF-flow tables.</summary>
public static class FarsideCells
{
    /// <summary>Reads a flow: <c>12.5</c>, <c>(95.1)</c> = −95.1, <c>1,234.5</c>; <c>-</c>, <c>–</c> or empty = no data (NaN).</summary>
    public static bool TryFlow(ReadOnlySpan<byte> s, out double value)
    {
        value = double.NaN;
        s = s.Trim((byte)' ');
        if (s.IsEmpty || s.SequenceEqual("-"u8) || s.SequenceEqual("\u2013"u8) || s.SequenceEqual("\u2014"u8)) return true;
        bool negative = s.Length > 2 && s[0] == (byte)'(' && s[^1] == (byte)')';
        if (negative) s = s[1..^1];
        Span<byte> digits = stackalloc byte[s.Length];
        int n = 0;
        foreach (byte b in s) if (b != (byte)',') digits[n++] = b;
        if (!CsvText.TryParseNumber(digits[..n], out value)) return false;
        if (negative) value = -value;
        return true;
    }

    /// <summary>Reads <c>2024-01-11</c> or Farside's <c>11 Jan 2024</c>.</summary>
    public static bool TryDate(ReadOnlySpan<byte> s, out DateOnly date)
    {
        s = s.Trim((byte)' ');
        if (CsvText.TryParseIsoDate(s, out date)) return true;
        return DateOnly.TryParseExact(System.Text.Encoding.UTF8.GetString(s), ["d MMM yyyy", "dd MMM yyyy"],
            System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date);
    }

    /// <summary>True for the labels of Farside's footer rows.</summary>
    public static bool IsSummaryLabel(ReadOnlySpan<byte> s)
    {
        var text = System.Text.Encoding.UTF8.GetString(s.Trim((byte)' '));
        return text is "Total" or "Average" or "Maximum" or "Minimum" or "Sum" or "Avg";
    }
}
