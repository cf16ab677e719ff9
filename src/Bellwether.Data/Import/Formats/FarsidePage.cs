using System.Text;
using Bellwether.Core.Flows;

namespace Bellwether.Data.Import.Formats;

/// <summary>
/// The flow table of a Farside Investors page, saved from a browser or fetched: the first <c>&lt;table&gt;</c> whose
/// rows include a dated one (<c>11 Jan 2024</c>). Its header is the last row above the first dated row whose last cell
/// is
/// <c>Total</c>: Farside puts issuer names and fees in rows around it, so rows above the first date are not data.
/// </summary>
/// <param name="Rows">The rows of the table.</param>
/// <param name="Header">The index of the header row (fund tickers, then <c>Total</c>).</param>
/// <param name="FirstDated">The index of the first dated row.</param>
/// <param name="OtherTables">Further flow tables in the page, not read.</param>
public sealed record FarsidePage(List<HtmlRow> Rows, int Header, int FirstDated, int OtherTables)
{
    /// <summary>The flow table of <paramref name="html"/>, or null when the page has none.</summary>
    public static FarsidePage? Find(string html)
    {
        FarsidePage? found = null;
        foreach (var rows in HtmlTables.Read(html))
        {
            int firstDated = rows.FindIndex(r => r.Cells.Length > 0
                && FarsideCells.TryDate(Encoding.UTF8.GetBytes(r.Cells[0]), out _));
            if (firstDated <= 0) continue;
            int header = rows.FindLastIndex(firstDated - 1, firstDated,
                r => r.Cells.Length >= 3 && r.Cells[^1].Equals("Total", StringComparison.OrdinalIgnoreCase));
            if (header < 0) continue;
            found = found is null ? new FarsidePage(rows, header, firstDated, 0)
                : found with { OtherTables = found.OtherTables + 1 };
        }
        return found;
    }

    /// <summary>
    /// The dated rows as a flow table stored as <paramref name="id"/>, with the cell and row rules of every flow table
    /// (<see cref="FarsideCells"/>, <see cref="FlowTableBuilder"/>): <c>(95.1)</c> is −95.1, <c>-</c> is no data, a row
    /// of dashes is a holiday and footer rows (<c>Total</c>, <c>Average</c>, …) are counted skips.
    /// </summary>
    public FlowTable Read(RowContext context, string id, string source)
    {
        var header = Rows[Header];
        var columns = header.Cells[1..];
        int unnamed = Array.FindIndex(columns, string.IsNullOrEmpty);
        if (unnamed >= 0) throw context.Fatal("header", $"column {unnamed + 2} of the header row has no fund name",
            header.Line);
        var table = new FlowTableBuilder(context, columns);
        for (int r = FirstDated; r < Rows.Count; r++)
        {
            var row = Rows[r];
            if (row.Cells.All(string.IsNullOrEmpty)) continue;
            context.File.RowsRead++;
            if (!table.TryDate(row.Line, Encoding.UTF8.GetBytes(row.Cells[0]), out var date)) continue;
            if (row.Cells.Length != header.Cells.Length)
            {
                context.Bad(row.Line, "row",
                    $"expected {header.Cells.Length} cells like the header, found {row.Cells.Length}");
                continue;
            }
            var values = new double[columns.Length];
            bool ok = true;
            for (int i = 0; i < columns.Length && ok; i++) ok = table.TryFlow(row.Line, i,
                Encoding.UTF8.GetBytes(row.Cells[i + 1]), out values[i]);
            if (ok) table.Add(row.Line, date, values);
        }
        return table.Build(id, source);
    }
}
