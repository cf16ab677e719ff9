namespace Bellwether.Data.Store;

/// <summary>The bookkeeping of <c>bellwether fetch</c>: per instrument and source, the last success and the last
/// error.</summary>
public sealed partial class BellwetherStore
{
    /// <summary>Records a successful update of <paramref name="instrument"/> from <paramref name="source"/>; clears
    /// nothing else.</summary>
    /// <param name="lastDate">The newest date the source returned (null when it returned nothing new).</param>
    public void RecordSourceSuccess(string instrument, string source, DateTimeOffset at, DateOnly? lastDate,
        long inserted, long updated) =>
        Execute("""
            INSERT INTO source_updates(instrument, source, last_attempt, last_success, last_date, inserted, updated)
            VALUES ($1, $2, $3, $3, $4, $5, $6)
            ON CONFLICT (instrument, source) DO UPDATE SET last_attempt = excluded.last_attempt,
                last_success = excluded.last_success,
                last_date = coalesce(excluded.last_date, source_updates.last_date),
                inserted = excluded.inserted, updated = excluded.updated
            """, instrument, source, at.UtcDateTime, lastDate, inserted, updated);

    /// <summary>Records a failed update; the last success stays as it was.</summary>
    /// <param name="error">Already free of secrets (the caller redacts).</param>
    public void RecordSourceFailure(string instrument, string source, DateTimeOffset at, string error) =>
        Execute("""
            INSERT INTO source_updates(instrument, source, last_attempt, last_error, last_error_at)
            VALUES ($1, $2, $3, $4, $3)
            ON CONFLICT (instrument, source) DO UPDATE SET last_attempt = excluded.last_attempt,
                last_error = excluded.last_error, last_error_at = excluded.last_error_at
            """, instrument, source, at.UtcDateTime, error);

    /// <summary>Every recorded fetch outcome, ordered by source and instrument.</summary>
    public List<SourceUpdate> SourceUpdates()
    {
        var list = new List<SourceUpdate>();
        using var reader = Query("""
            SELECT instrument, source, last_attempt, last_success, last_date, inserted, updated, last_error,
                last_error_at
            FROM source_updates ORDER BY source, instrument
            """);
        while (reader.Read())
            list.Add(new SourceUpdate(reader.GetString(0), reader.GetString(1), Utc(reader.GetDateTime(2)),
                reader.IsDBNull(3) ? null : Utc(reader.GetDateTime(3)), reader.IsDBNull(4) ? null
                : reader.GetFieldValue<DateOnly>(4),
                reader.GetInt64(5), reader.GetInt64(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : Utc(reader.GetDateTime(8))));
        return list;
    }

    /// <summary>
    /// The newest stored date of a series or flow table (qualified or short id) or a ranking list named
    /// <paramref name="key"/>, or null.
    /// </summary>
    /// <exception cref="Core.Instruments.AmbiguousIdException">A short id that several stored instruments have.
    /// </exception>
    public DateOnly? LastStoredDate(string key)
    {
        var instrument = FindInstrument(key)?.QualifiedId;
        var value = Scalar("""
            SELECT max(d) FROM (
                SELECT max(date) AS d FROM bars WHERE instrument = $2
                UNION ALL SELECT max(date) FROM flows WHERE instrument = $2
                UNION ALL SELECT max(date) FROM rankings WHERE list = $1)
            """, key, instrument);
        return value is DateOnly d ? d : value is DateTime t ? DateOnly.FromDateTime(t) : null;
    }

    private static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));
}

/// <summary>What the last fetches of one instrument from one source did.</summary>
/// <param name="LastAttempt">When a fetch last tried it.</param>
/// <param name="LastSuccess">When a fetch last completed it (null: never).</param>
/// <param name="LastDate">The newest date that source has delivered.</param>
/// <param name="Inserted">Rows the last successful fetch added.</param>
/// <param name="Updated">Rows the last successful fetch revised.</param>
/// <param name="LastError">The last failure's message, kept after later successes (compare the times).</param>
public sealed record SourceUpdate(string Instrument, string Source, DateTimeOffset LastAttempt,
    DateTimeOffset? LastSuccess,
    DateOnly? LastDate, long Inserted, long Updated, string? LastError, DateTimeOffset? LastErrorAt);
