using Bellwether.Core.Instruments;

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
    public string Description =>
        "ETF-flow table: Date,FUND1,...,Total in US$ m; (95.1) negative, '-' no data, dash rows = holidays";

    public bool CanRead(FileProbe probe)
    {
        var c = probe.Columns;
        return c.Length >= 3 && c[0].Equals("date", StringComparison.OrdinalIgnoreCase)
               && c[^1].Equals("total", StringComparison.OrdinalIgnoreCase);
    }

    public void Read(FileProbe probe, RowContext context)
    {
        var columns = probe.Columns;
        if (columns.Length < 3 || !columns[^1].Equals("Total", StringComparison.OrdinalIgnoreCase))
            throw context.Fatal("header", $"expected Date, one column per fund, then Total; found '{probe.FirstLine}'");
        var table = new FlowTableBuilder(context, columns[1..]);
        HeaderedCsv.ForEachRow(probe, context, columns.Length, (in CsvRow row) =>
        {
            if (!table.TryDate(row.Line, row[0], out var date)) return;
            var values = new double[columns.Length - 1];
            for (int i = 1; i < columns.Length; i++)
                if (!table.TryFlow(row.Line, i - 1, row[i], out values[i - 1])) return;
            table.Add(row.Line, date, values);
        });
        context.File.Flows.Add(table.Build(Instrument.IdFromStem(probe.Stem), "file"));
    }
}
