using Bellwether.Core.Releases;

namespace Bellwether.Data.Store;

/// <summary>The vintages of series values: what a source said an observation was, from when.</summary>
public sealed partial class BellwetherStore
{
    // A vintage is keyed by instrument, observation and realtime_start: a later vintage is a new row, so earlier ones
    // are kept; the same vintage again (a source republishing a value the same day) takes the later value, the one
    // in force at the end of that day.
    private void MergeVintages(IEnumerable<SeriesVintages> vintages, Dictionary<string, StoreChange> changes)
    {
        var list = vintages.Where(v => v.Count > 0).ToList();
        if (list.Count == 0) return;
        Execute("CREATE OR REPLACE TEMP TABLE stage_vintages AS SELECT * FROM vintages LIMIT 0");
        using (var appender = _connection.CreateAppender("stage_vintages"))
            foreach (var v in list)
                for (int i = 0; i < v.Count; i++)
                    appender.CreateRow().AppendValue(v.Id).AppendValue(v.Dates[i]).AppendValue(v.Starts[i]).AppendValue(v.Values[i]).EndRow();
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
            INSERT INTO vintages SELECT instrument, date, realtime_start, last(value ORDER BY rowid) FROM stage_vintages GROUP BY ALL
            ON CONFLICT (instrument, date, realtime_start) DO UPDATE SET value = excluded.value
            """);
    }

    /// <summary>The stored vintages of series <paramref name="id"/> ordered by date and start, or null when it has none.</summary>
    public SeriesVintages? LoadVintages(string id)
    {
        var (dates, starts, values) = (new List<DateOnly>(), new List<DateOnly>(), new List<double>());
        using var reader = Query("SELECT date, realtime_start, value FROM vintages WHERE instrument = $1 ORDER BY date, realtime_start", id);
        while (reader.Read())
        {
            dates.Add(reader.GetFieldValue<DateOnly>(0));
            starts.Add(reader.GetFieldValue<DateOnly>(1));
            values.Add(reader.GetDouble(2));
        }
        return dates.Count == 0 ? null : new SeriesVintages(id, [.. dates], [.. starts], [.. values]);
    }
}
