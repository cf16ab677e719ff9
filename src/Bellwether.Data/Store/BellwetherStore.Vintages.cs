using Bellwether.Core.Releases;
using Bellwether.Data.Import;

namespace Bellwether.Data.Store;

/// <summary>The vintages of series values: what a source said an observation was, from when.</summary>
public sealed partial class BellwetherStore
{
    // A vintage is keyed by instrument, observation and realtime_start: a later vintage is a new row, so earlier ones
    // are kept; the same vintage again (a source republishing a value the same day) takes the later value, the one
    // in force at the end of that day.
    // Vintages are stored under the id their file's series is stored under.
    private void MergeVintages(
        IReadOnlyList<ParsedFile> files, Identities identities, Dictionary<string, StoreChange> changes)
    {
        var list = files.SelectMany(f => f.Vintages.Where(v => v.Count > 0).Select(v =>
            (Id: identities.Of(f.Series.Single(s => s.Instrument.Id == v.Id).Instrument).Id, Vintages: v))).ToList();
        if (list.Count == 0) return;
        Execute("CREATE OR REPLACE TEMP TABLE stage_vintages AS SELECT * FROM vintages LIMIT 0");
        using (var appender = _connection.CreateAppender("stage_vintages"))
            foreach (var (id, v) in list)
                for (int i = 0; i < v.Count; i++)
                    appender.CreateRow().AppendValue(id).AppendValue(v.Dates[i]).AppendValue(v.Starts[i])
                        .AppendValue(v.Values[i]).EndRow();
        using (var reader = Query("""
            SELECT s.instrument, count(*) FROM stage_vintages s
            LEFT JOIN vintages t USING (instrument, date, realtime_start)
            WHERE t.value IS DISTINCT FROM s.value GROUP BY ALL
            """))
            while (reader.Read())
            {
                var id = reader.GetString(0);
                // New or changed vintages are revisions of what the store knew, even when the latest values stand.
                var before = changes.GetValueOrDefault(id) ?? new StoreChange(id, 0, 0, 0);
                if (before.Changed == 0) changes[id] = before with { Updated = reader.GetInt64(1) };
            }
        Execute("""
            INSERT INTO vintages
            SELECT instrument, date, realtime_start, last(value ORDER BY rowid) FROM stage_vintages GROUP BY ALL
            ON CONFLICT (instrument, date, realtime_start) DO UPDATE SET value = excluded.value
            """);
    }

    /// <summary>How many vintages are stored per series (qualified id); a series without any is absent.</summary>
    public Dictionary<string, long> VintageCounts()
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        using var reader = Query("SELECT instrument, count(*) FROM vintages GROUP BY ALL");
        while (reader.Read()) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    /// <summary>The stored vintages of series <paramref name="id"/> by date and start; null when it has none.</summary>
    public SeriesVintages? LoadVintages(string id)
    {
        var (dates, starts, values) = (new List<DateOnly>(), new List<DateOnly>(), new List<double>());
        using var reader = Query(
            "SELECT date, realtime_start, value FROM vintages WHERE instrument = $1 ORDER BY date, realtime_start",
            FindInstrument(id)?.QualifiedId ?? id);
        while (reader.Read())
        {
            dates.Add(reader.GetFieldValue<DateOnly>(0));
            starts.Add(reader.GetFieldValue<DateOnly>(1));
            values.Add(reader.GetDouble(2));
        }
        return dates.Count == 0 ? null : new SeriesVintages(id, [.. dates], [.. starts], [.. values]);
    }
}
