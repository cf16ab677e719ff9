using Bellwether.Core.Calendars;
using Bellwether.Core.Flows;
using Bellwether.Core.Instruments;
using Bellwether.Data.Import;

namespace Bellwether.Data.Store;

/// <summary>Imports: staged rows merged into the tables in one transaction.</summary>
public sealed partial class BellwetherStore
{
    /// <summary>
    /// Upserts everything parsed from <paramref name="files"/> in one transaction and records the import. Each series
    /// or flow table is stored under its qualified id (see <see cref="InstrumentIds"/>). The files are written batch by
    /// batch as the sequence yields them (a batch holds <see cref="BatchRows"/> rows or one larger file), so a lazy
    /// sequence that parses as it goes never holds all files at once; an exception from the sequence rolls the whole
    /// import back.
    /// </summary>
    /// <param name="importedAt">When the import ran (the clock is the caller's).</param>
    /// <param name="allowed">What the import may change of stored instruments (default: nothing).</param>
    /// <param name="written">Called with the number of rows of each batch once it is written (progress).</param>
    /// <exception cref="ImportException">The same instrument or list comes from two files, or the import would change
    /// what a stored instrument is.</exception>
    public ImportSummary Import(IEnumerable<ParsedFile> files, DateTimeOffset importedAt,
        InstrumentChanges? allowed = null, Action<long>? written = null)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var changes = new Dictionary<string, StoreChange>(StringComparer.Ordinal);
        var stored = new Dictionary<Instrument, Instrument>();
        var inThisImport = new HashSet<string>(StringComparer.Ordinal);
        bool redefined = false;
        var log = new List<(string Path, string Format, long RowsRead, string[] Keys, long Skipped)>();
        var batch = new List<ParsedFile>();
        long batchRows = 0;
        Execute($"SET memory_limit = '{ImportMemoryLimitMb}MB'");
        using var tx = _connection.BeginTransaction();
        try
        {
            void Flush()
            {
                if (batch.Count == 0) return;
                var identities = Identify(batch, allowed ?? InstrumentChanges.None, inThisImport);
                foreach (var file in batch)
                {
                    var keys = Keys(file, identities).ToArray();
                    RejectDoubleSources(file, keys, owners);
                    log.Add((file.Path, file.Format, file.RowsRead, keys, file.Skipped.Count));
                }
                WriteBatch(batch, identities, changes);
                foreach (var (parsed, instrument) in identities.Stored) stored[parsed] = instrument;
                redefined |= identities.Redefined.Count > 0;
                written?.Invoke(batchRows);
                batch.Clear();
                batchRows = 0;
            }
            foreach (var file in files)
            {
                batch.Add(file);
                batchRows += file.RowsKept;
                if (batchRows >= BatchRows) Flush();
            }
            Flush();
            // An import that changed nothing leaves no trace, so importing the same folder twice changes nothing.
            if (changes.Values.Any(c => c.Changed > 0) || redefined)
            {
                using var appender = _connection.CreateAppender("imports");
                foreach (var (path, format, rowsRead, keys, skipped) in log)
                    appender.CreateRow().AppendValue(importedAt.UtcDateTime).AppendValue(path).AppendValue(format)
                        .AppendValue(rowsRead).AppendValue(keys.Sum(k => changes.GetValueOrDefault(k)?.Inserted ?? 0))
                        .AppendValue(keys.Sum(k => changes.GetValueOrDefault(k)?.Updated ?? 0)).AppendValue(skipped)
                        .EndRow();
            }
            var shown = ShownIds();
            string Shown(string key) => shown.GetValueOrDefault(key) ?? key;
            var shownChanges = changes.Values.ToDictionary(c => Shown(c.Key), c => c with { Key = Shown(c.Key) },
                StringComparer.Ordinal);
            var summary = new ImportSummary(shownChanges)
            {
                Ids = stored.ToDictionary(p => p.Key, p => Shown(p.Value.Id)),
            };
            tx.Commit();
            return summary;
        }
        catch
        {
            RollBackAfterFailure(tx);
            throw;
        }
        finally
        {
            ResetMemoryLimit();
        }
    }

    /// <summary>
    /// DuckDB's memory while importing: staged rows beyond it spill to the store's temporary folder, so an import's
    /// resident memory is the parsed file plus this, whatever the file's size (DuckDB's default is 80 % of RAM).
    /// </summary>
    public const int ImportMemoryLimitMb = 128;

    private void ResetMemoryLimit()
    {
        try
        {
            Execute("RESET memory_limit");
        }
        catch (DuckDB.NET.Data.DuckDBException)
        {
            // A database invalidated by a failed commit refuses every statement: the import's own error is the one to
            // show.
        }
    }

    /// <summary>
    /// Rolls back after a failure. When the commit itself failed (a full disk), DuckDB has already ended the
    /// transaction and the rollback throws "Transaction has already been finished": that must not hide the cause.
    /// </summary>
    private static void RollBackAfterFailure(System.Data.Common.DbTransaction tx)
    {
        try
        {
            tx.Rollback();
        }
        catch (InvalidOperationException)
        {
        }
    }

    /// <summary>Rows staged and merged at a time: bounds the memory of an import whatever the number of
    /// files.</summary>
    public const long BatchRows = 500_000;

    private void WriteBatch(IReadOnlyList<ParsedFile> files, Identities identities,
        Dictionary<string, StoreChange> changes)
    {
        Execute("""
            CREATE OR REPLACE TEMP TABLE stage_bars AS SELECT * FROM bars LIMIT 0;
            CREATE OR REPLACE TEMP TABLE stage_flows AS SELECT * FROM flows LIMIT 0;
            CREATE OR REPLACE TEMP TABLE stage_coin_lists AS SELECT * FROM coin_lists LIMIT 0;
            CREATE OR REPLACE TEMP TABLE stage_rankings AS SELECT * FROM rankings LIMIT 0;
            CREATE OR REPLACE TEMP TABLE stage_fund_shares AS SELECT * FROM fund_shares LIMIT 0;
            CREATE OR REPLACE TEMP TABLE stage_published_readings AS SELECT * FROM published_readings LIMIT 0;
            """);
        foreach (var (from, to) in identities.Renames) Rename(from, to);
        StageRows(files, identities);
        Merge("bars", "instrument", ["instrument", "date"],
            ["open", "high", "low", "close", "volume", "market_cap", "source"], changes);
        Merge("flows", "instrument", ["instrument", "date", "fund"], ["value", "source"], changes);
        Merge("coin_lists", "list", ["list", "symbol"], ["name", "is_stablecoin", "is_wrapped", "category"], changes);
        Merge("rankings", "list", ["list", "date", "rank"], ["symbol", "name", "market_cap_usd", "snapshot_utc"],
            changes);
        Merge("fund_shares", "series", ["series", "date"], ["ticker", "shares_out", "nav", "price", "net_flow_musd"],
            changes);
        Merge("published_readings", "series", ["series", "date"],
            ["value", "provider", "definition", "note", "source_url"], changes);
        var instruments = identities.Stored.Values.Distinct().ToList();
        UpsertInstruments(instruments);
        foreach (var table in files.SelectMany(f => f.Flows))
            MergeFundOrder(identities.Of(table.Instrument).Id, table.Funds);
        MergeVintages(files, identities, changes);
        RefreshStats(instruments.Where(i => identities.Redefined.Contains(i.Id)
                                            || changes.TryGetValue(i.Id, out var c) && c.Changed > 0).ToList());
        Execute("""
            DROP TABLE stage_bars; DROP TABLE stage_flows; DROP TABLE stage_coin_lists; DROP TABLE stage_rankings;
            DROP TABLE stage_fund_shares; DROP TABLE stage_published_readings; DROP TABLE IF EXISTS diff;
            """);
    }

    // The qualified ids of the instruments, and the names of the lists, a parsed file writes.
    private static IEnumerable<string> Keys(ParsedFile file, Identities identities) =>
        file.Series.Select(s => identities.Of(s.Instrument).Id)
            .Concat(file.Flows.Select(f => identities.Of(f.Instrument).Id))
            .Concat(file.ClassificationList is { } list && file.Classifications.Count > 0 ? [list] : [])
            .Concat(file.Rankings.Select(r => r.Source).Distinct())
            .Concat(file.FundShares.Select(d => SharesSeries(d.Ticker)).Distinct())
            .Concat(file.PublishedReadings.Select(r => r.Series).Distinct());

    /// <summary>The key under which a fund's shares outstanding and NAV are stored, e.g.
    /// <c>IWM_ETF_SHARES</c>.</summary>
    public static string SharesSeries(string ticker) => $"{ticker}_ETF_SHARES";

    private static void RejectDoubleSources(ParsedFile file, IEnumerable<string> keys,
        Dictionary<string, string> owners)
    {
        foreach (var key in keys)
        {
            if (owners.TryGetValue(key, out var other))
                throw new ImportException(file.Path, 0, "instrument",
                    $"{key} also comes from {other} in this import; import one of them at a time");
            owners[key] = file.Path;
        }
    }

    private void StageRows(IReadOnlyList<ParsedFile> files, Identities identities)
    {
        using (var appender = _connection.CreateAppender("stage_bars"))
        {
            foreach (var series in files.SelectMany(f => f.Series))
            {
                string id = identities.Of(series.Instrument).Id;
                for (int i = 0; i < series.Count; i++)
                {
                    appender.CreateRow().AppendValue(id).AppendValue(series.Dates[i])
                        .AppendValue(Nullable(series.Open[i])).AppendValue(Nullable(series.High[i]))
                        .AppendValue(Nullable(series.Low[i])).AppendValue(Nullable(series.Close[i]))
                        .AppendValue(Nullable(series.Volume[i])).AppendValue(Nullable(series.MarketCap[i]))
                        .AppendValue(series.SourceAt(i)).EndRow();
                }
            }
        }
        using (var appender = _connection.CreateAppender("stage_flows"))
        {
            foreach (var table in files.SelectMany(f => f.Flows))
            {
                string id = identities.Of(table.Instrument).Id;
                for (int f = 0; f <= table.Funds.Length; f++)
                {
                    var fund = f < table.Funds.Length ? table.Funds[f] : TotalFund;
                    var values = f < table.Funds.Length ? table.Values[f] : table.Total;
                    for (int i = 0; i < table.Count; i++)
                        appender.CreateRow().AppendValue(id).AppendValue(table.Dates[i]).AppendValue(fund)
                            .AppendValue(Nullable(values[i]))
                            .AppendValue(table.Derived?[i] == true ? FundShares.DerivedSource : table.Source).EndRow();
                }
            }
        }
        using (var appender = _connection.CreateAppender("stage_coin_lists"))
        {
            foreach (var file in files)
                foreach (var c in file.Classifications)
                    appender.CreateRow().AppendValue(file.ClassificationList).AppendValue(c.Symbol).AppendValue(c.Name)
                        .AppendValue(c.IsStablecoin).AppendValue(c.IsWrapped).AppendValue(c.Category).EndRow();
        }
        using (var appender = _connection.CreateAppender("stage_rankings"))
        {
            foreach (var r in files.SelectMany(f => f.Rankings))
                appender.CreateRow().AppendValue(r.Source).AppendValue(r.Date).AppendValue(r.Rank).AppendValue(r.Symbol)
                    .AppendValue(r.Name).AppendValue(Nullable(r.MarketCapUsd)).AppendValue(r.SnapshotUtc).EndRow();
        }
        using (var appender = _connection.CreateAppender("stage_fund_shares"))
        {
            foreach (var d in files.SelectMany(f => f.FundShares))
                appender.CreateRow().AppendValue(SharesSeries(d.Ticker)).AppendValue(d.Date).AppendValue(d.Ticker)
                    .AppendValue(Nullable(d.SharesOutstanding)).AppendValue(Nullable(d.Nav))
                    .AppendValue(Nullable(d.Price))
                    .AppendValue(Nullable(d.NetFlowMusd)).EndRow();
        }
        using (var appender = _connection.CreateAppender("stage_published_readings"))
        {
            foreach (var r in files.SelectMany(f => f.PublishedReadings))
                appender.CreateRow().AppendValue(r.Series).AppendValue(r.Date).AppendValue(r.Value)
                    .AppendValue(r.Provider)
                    .AppendValue(r.Definition).AppendValue(r.Note).AppendValue(r.SourceUrl).EndRow();
        }
    }

    /// <summary>The fund name under which a flow table's own total column is stored.</summary>
    public const string TotalFund = "Total";

    private void Merge(string table, string groupColumn, string[] keys, string[] values,
        Dictionary<string, StoreChange> changes)
    {
        string join = string.Join(" AND ", keys.Select(k => $"s.{k} = t.{k}"));
        string differs = string.Join(" OR ", values.Select(v => $"s.{v} IS DISTINCT FROM t.{v}"));
        Execute($"""
            CREATE OR REPLACE TEMP TABLE diff AS
            SELECT s.*, (t.{keys[0]} IS NULL) AS is_new, (t.{keys[0]} IS NOT NULL AND ({differs})) AS is_changed
            FROM stage_{table} s LEFT JOIN {table} t ON {join};
            """);
        using (var reader =
            Query($"SELECT {groupColumn}, count(*) FILTER (is_new), count(*) FILTER (is_changed), count(*) FILTER " +
            $"(NOT is_new AND NOT is_changed) FROM diff GROUP BY ALL"))
        {
            while (reader.Read())
            {
                var key = reader.GetString(0);
                changes[key] = new StoreChange(key, reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            }
        }
        string keyList = string.Join(", ", keys);
        Execute($"""
            DELETE FROM {table} t WHERE EXISTS (SELECT 1 FROM diff s WHERE s.is_changed AND {join});
            INSERT INTO {table} SELECT {string.Join(", ", keys.Concat(values))} FROM diff WHERE is_new OR is_changed
                ORDER BY {keyList};
            """);
    }

    private void UpsertInstruments(IEnumerable<Instrument> instruments)
    {
        Execute("CREATE OR REPLACE TEMP TABLE stage_instruments AS SELECT * FROM instruments LIMIT 0");
        using (var appender = _connection.CreateAppender("stage_instruments"))
            foreach (var i in instruments)
                appender.CreateRow().AppendValue(i.Id).AppendValue(i.Symbol).AppendValue(i.Class.ToString())
                    .AppendValue(i.QuoteUnit).AppendValue(i.ContractScale).AppendValue(i.Calendar.ToString())
                    .AppendValue("").EndRow();
        Execute("""
            DELETE FROM instruments WHERE id IN (SELECT id FROM stage_instruments);
            INSERT INTO instruments SELECT * FROM stage_instruments;
            """);
    }

    private void MergeFundOrder(string id, string[] tableFunds)
    {
        var funds = new List<string>();
        using (var reader = Query("SELECT fund FROM flow_funds WHERE instrument = $1 ORDER BY position", id))
            while (reader.Read()) funds.Add(reader.GetString(0));
        var merged = funds.Concat(tableFunds.Where(f => !funds.Contains(f))).ToList();
        if (merged.Count == funds.Count) return;
        Execute("DELETE FROM flow_funds WHERE instrument = $1", id);
        for (int p = 0; p < merged.Count; p++) Execute("INSERT INTO flow_funds VALUES ($1, $2, $3)", id, p, merged[p]);
    }

    // Coverage is computed over everything stored for an instrument, not just this import's rows. The rows are read
    // back a group of instruments at a time (at most BatchRows rows, or one larger instrument), so that DuckDB's sort
    // stays within the import's memory.
    private void RefreshStats(List<Instrument> changed)
    {
        if (changed.Count == 0) return;
        Execute("CREATE OR REPLACE TEMP TABLE changed_ids(id VARCHAR)");
        using (var appender = _connection.CreateAppender("changed_ids"))
            foreach (var i in changed) appender.CreateRow().AppendValue(i.Id).EndRow();
        var byId = changed.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var groups = new List<List<string>> { new() };
        long groupRows = 0;
        using (var reader = Query("""
            SELECT instrument, count(*) FROM (SELECT instrument FROM bars UNION ALL SELECT instrument FROM flows)
            WHERE instrument IN (SELECT id FROM changed_ids) GROUP BY ALL ORDER BY 1
            """))
        {
            while (reader.Read())
            {
                long rows = reader.GetInt64(1);
                if (groups[^1].Count > 0 && groupRows + rows > BatchRows)
                {
                    groups.Add([]);
                    groupRows = 0;
                }
                groups[^1].Add(reader.GetString(0));
                groupRows += rows;
            }
        }
        Execute("CREATE OR REPLACE TEMP TABLE stage_stats AS SELECT * FROM instrument_stats LIMIT 0");
        using var stats = _connection.CreateAppender("stage_stats");
        foreach (var group in groups)
        {
            Execute("CREATE OR REPLACE TEMP TABLE stats_ids(id VARCHAR)");
            using (var appender = _connection.CreateAppender("stats_ids"))
                foreach (var id in group) appender.CreateRow().AppendValue(id).EndRow();
            using var reader = Query("""
                SELECT instrument, date, source FROM bars WHERE instrument IN (SELECT id FROM stats_ids)
                UNION ALL
                SELECT instrument, date, string_agg(DISTINCT source, ';') FROM flows
                WHERE instrument IN (SELECT id FROM stats_ids) GROUP BY ALL
                ORDER BY 1, 2
                """);
            string? current = null;
            var dates = new List<DateOnly>();
            var sources = new SortedSet<string>(StringComparer.Ordinal);
            void Flush()
            {
                if (current is null) return;
                var coverage = TradingCalendar.For(byId[current].Calendar, dates[0])
                    .Coverage(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(dates));
                stats.CreateRow().AppendValue(current).AppendValue(dates[0]).AppendValue(dates[^1])
                    .AppendValue((long)dates.Count)
                    .AppendValue((long)coverage.Missing).AppendValue((long)coverage.OffCalendar)
                    .AppendValue(string.Join(';', sources)).EndRow();
            }
            while (reader.Read())
            {
                var id = reader.GetString(0);
                if (id != current)
                {
                    Flush();
                    current = id;
                    dates.Clear();
                    sources.Clear();
                }
                dates.Add(reader.GetFieldValue<DateOnly>(1));
                sources.Add(reader.GetString(2));
            }
            Flush();
        }
        stats.Close();
        Execute("""
            DELETE FROM instrument_stats WHERE id IN (SELECT id FROM changed_ids);
            INSERT INTO instrument_stats SELECT * FROM stage_stats;
            """);
    }

    private static double? Nullable(double v) => double.IsNaN(v) ? null : v;
}
