using System.Text;

namespace Bellwether.Data.Import.Formats;

/// <summary>
/// A Farside Investors ETF-flow page saved as HTML (<c>farside.co.uk/bitcoin-etf-flow-all-data/</c> and the like):
/// a <c>&lt;table&gt;</c> with a header row of fund tickers ending in <c>Total</c>, then one row per day
/// (<c>11 Jan 2024</c>) in US$ millions. Read into the same <see cref="Core.Flows.FlowTable"/> as
/// <see cref="FlowsCsvImporter"/>, with the same cell rules (<see cref="FarsideCells"/>): <c>(95.1)</c> is −95.1,
/// <c>-</c> is no data, a row of dashes is a holiday (a counted skip, never zero flows), and the footer rows
/// <c>Total</c>, <c>Average</c>, <c>Maximum</c>, <c>Minimum</c> are counted skips.
/// </summary>
/// <remarks>
/// The table read is the first whose rows include a dated one; its header is the last row above the first dated
/// row whose last cell is <c>Total</c> (Farside puts issuer names and fees in rows around it: rows above the first
/// date are not data, and a note counts them). The instrument id is the file stem in upper case with every run of
/// other characters than letters and digits turned into <c>_</c>: save the page as
/// <c>btc_spot_etf_flows_daily.html</c> to update the data folder's <c>BTC_SPOT_ETF_FLOWS</c>.
/// </remarks>
public sealed class FarsideHtmlImporter : IImporter
{
    public string Name => "farside-html";
    public string Description => "Farside ETF-flow page saved as HTML: <table> of funds + Total, '11 Jan 2024' rows, (95.1) negative, '-' no data";

    public bool CanRead(FileProbe probe) =>
        probe.Extension is ".html" or ".htm" && FindFlowTable(HtmlTables.Read(Encoding.UTF8.GetString(probe.Content.Span))) is not null;

    /// <summary>A flow table's rows, the index of its header row and of its first dated row.</summary>
    private sealed record Layout(List<HtmlRow> Rows, int Header, int FirstDated, int OtherTables);

    private static Layout? FindFlowTable(List<List<HtmlRow>> tables)
    {
        Layout? found = null;
        foreach (var rows in tables)
        {
            int firstDated = rows.FindIndex(r => r.Cells.Length > 0 && FarsideCells.TryDate(Encoding.UTF8.GetBytes(r.Cells[0]), out _));
            if (firstDated <= 0) continue;
            int header = rows.FindLastIndex(firstDated - 1, firstDated,
                r => r.Cells.Length >= 3 && r.Cells[^1].Equals("Total", StringComparison.OrdinalIgnoreCase));
            if (header < 0) continue;
            found = found is null ? new Layout(rows, header, firstDated, 0) : found with { OtherTables = found.OtherTables + 1 };
        }
        return found;
    }

    public void Read(FileProbe probe, ReadOnlySpan<byte> data, RowContext context)
    {
        var layout = FindFlowTable(HtmlTables.Read(Encoding.UTF8.GetString(data)))
            ?? throw context.Fatal("table", "no <table> with a header row ending in 'Total' above rows dated like '11 Jan 2024'");
        var header = layout.Rows[layout.Header];
        var columns = header.Cells[1..];
        int unnamed = Array.FindIndex(columns, string.IsNullOrEmpty);
        if (unnamed >= 0) throw context.Fatal("header", $"column {unnamed + 2} of the header row has no fund name", header.Line);
        var table = new FlowTableBuilder(context, columns);
        for (int r = layout.FirstDated; r < layout.Rows.Count; r++)
        {
            var row = layout.Rows[r];
            if (row.Cells.All(string.IsNullOrEmpty)) continue;
            context.File.RowsRead++;
            if (!table.TryDate(row.Line, Encoding.UTF8.GetBytes(row.Cells[0]), out var date)) continue;
            if (row.Cells.Length != header.Cells.Length)
            {
                context.Bad(row.Line, "row", $"expected {header.Cells.Length} cells like the header, found {row.Cells.Length}");
                continue;
            }
            var values = new double[columns.Length];
            bool ok = true;
            for (int i = 0; i < columns.Length && ok; i++) ok = table.TryFlow(row.Line, i, Encoding.UTF8.GetBytes(row.Cells[i + 1]), out values[i]);
            if (ok) table.Add(row.Line, date, values);
        }
        context.File.Flows.Add(table.Build(IdOf(probe.Stem), "farside-html"));
        if (layout.FirstDated > 1)
            context.File.Notes.Add($"{layout.FirstDated} rows above the first date are headers (fund names from line {header.Line}), not data");
        if (layout.OtherTables > 0) context.File.Notes.Add($"{layout.OtherTables} other flow tables in the page were not read");
    }

    /// <summary>The instrument id of a saved page: <c>Bitcoin ETF Flow – All Data</c> → <c>BITCOIN_ETF_FLOW_ALL_DATA</c>.</summary>
    public static string IdOf(string stem)
    {
        var id = new StringBuilder(stem.Length);
        foreach (var ch in stem.ToUpperInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch)) id.Append(ch);
            else if (id.Length > 0 && id[^1] != '_') id.Append('_');
        }
        return Core.Instruments.Instrument.IdFromStem(id.ToString().TrimEnd('_'));
    }
}
