using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Data.Csv;

namespace Bellwether.Data.Import.Formats;

/// <summary>
/// Index values as publishers printed them: <c>date,value,provider,definition,note,source_url</c>. Stored as a
/// reference series per provider and definition, apart from every computed value, for comparison.
/// </summary>
public sealed class PublishedReadingsCsvImporter : IImporter
{
    private static readonly string[] Header = ["date", "value", "provider", "definition", "note", "source_url"];

    public string Name => "published-readings";
    public string Description => "published index readings: date,value,provider,definition,note,source_url";

    public bool CanRead(FileProbe probe) => probe.Columns.AsSpan().SequenceEqual(Header);

    public void Read(FileProbe probe, RowContext context)
    {
        var seen = new Dictionary<(string Series, DateOnly Date), (int Line, PublishedReading Reading)>();
        var readings = context.File.PublishedReadings;
        HeaderedCsv.ForEachRow(probe, context, Header.Length, (in CsvRow row) =>
        {
            if (!row.TryDate(0, "date", out var date) || !row.TryNumber(1, "value", out double value)) return;
            if (double.IsNaN(value)) { context.Bad(row.Line, "value", "empty"); return; }
            string provider = row.Text(2), definition = row.Text(3);
            if (provider.Length == 0) { context.Bad(row.Line, "provider", "empty"); return; }
            if (definition.Length == 0) { context.Bad(row.Line, "definition", "empty"); return; }
            var reading = new PublishedReading(date, value, provider, definition, Optional(row, 4), Optional(row, 5));
            if (seen.TryGetValue((reading.Series, date), out var earlier))
            {
                if (earlier.Reading == reading) context.File.MergedDuplicates++;
                else context.Bad(row.Line, "value",
                    $"{reading.Series} on {date:yyyy-MM-dd} appears again with another reading (first on line " +
                    $"{earlier.Line})");
                return;
            }
            seen[(reading.Series, date)] = (row.Line, reading);
            readings.Add(reading);
        });
    }

    private static string? Optional(in CsvRow row, int i) => row[i].IsEmpty ? null : row.Text(i);
}
