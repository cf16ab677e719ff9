using System.Collections.Concurrent;
using System.Data;
using Bellwether.Core.Calendars;
using Bellwether.Core.Flows;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Core.Universe;
using Bellwether.Data.Import;
using DuckDB.NET.Data;

namespace Bellwether.Data.Store;

/// <summary>
/// The embedded DuckDB store. Imports are idempotent upserts keyed by instrument and date (or list, date and
/// rank), applied in one transaction: an import either lands whole or leaves the store as it was.
/// </summary>
public sealed partial class BellwetherStore : IDisposable
{
    private readonly DuckDBConnection _connection;
    // Connections that are free for Concurrently: this store's own first, then duplicates made on demand.
    private readonly ConcurrentBag<BellwetherStore> _idleReaders = [];
    private readonly ConcurrentQueue<BellwetherStore> _duplicates = [];

    private BellwetherStore(DuckDBConnection connection, string path)
    {
        _connection = connection;
        Path = path;
        _idleReaders.Add(this);
    }

    /// <summary>The store file.</summary>
    public string Path { get; }

    /// <summary>
    /// The store path to use: <paramref name="explicitPath"/>, else <c>BELLWETHER_STORE</c>, else
    /// <c>bellwether/store.duckdb</c> under the user's data directory.
    /// </summary>
    public static string ResolvePath(string? explicitPath)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath)) return explicitPath;
        var fromEnv = Environment.GetEnvironmentVariable("BELLWETHER_STORE");
        if (!string.IsNullOrWhiteSpace(fromEnv)) return fromEnv;
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(dataHome))
            dataHome = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return System.IO.Path.Combine(dataHome, "bellwether", "store.duckdb");
    }

    /// <summary>Opens (creating and migrating when needed) the store at <paramref name="path"/>.</summary>
    /// <param name="readOnly">Open without write access; the file must exist and be fully migrated.</param>
    public static BellwetherStore Open(string path, bool readOnly = false)
    {
        if (readOnly && !File.Exists(path))
            throw new FileNotFoundException($"no store at {path}: run 'bellwether import' first", path);
        if (!readOnly) Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var store = new BellwetherStore(OpenConnection($"Data Source={path}" + (readOnly ? ";ACCESS_MODE=READ_ONLY" : "")), path);
        try
        {
            store.Migrate(readOnly);
        }
        catch
        {
            store.Dispose();
            throw;
        }
        return store;
    }

    /// <summary>The schema version of the open store.</summary>
    public int SchemaVersion => Convert.ToInt32(Scalar("SELECT max(version) FROM schema_version"));

    private void Migrate(bool readOnly)
    {
        bool hasVersionTable = Convert.ToInt64(Scalar(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'")) > 0;
        int version = hasVersionTable ? Convert.ToInt32(Scalar("SELECT coalesce(max(version), 0) FROM schema_version")) : 0;
        if (version > Schema.CurrentVersion)
            throw new InvalidOperationException($"{Path}: schema version {version} is newer than this Bellwether ({Schema.CurrentVersion}); upgrade Bellwether");
        if (version == Schema.CurrentVersion) return;
        if (readOnly) throw new InvalidOperationException($"{Path}: schema version {version} needs migrating; run any writing command (import) first");
        using var tx = _connection.BeginTransaction();
        if (!hasVersionTable) Execute("CREATE TABLE schema_version(version INTEGER NOT NULL)");
        for (int v = version; v < Schema.CurrentVersion; v++)
        {
            Execute(Schema.Migrations[v]);
            Execute($"INSERT INTO schema_version VALUES ({v + 1})");
        }
        tx.Commit();
    }

    /// <summary>
    /// Upserts everything parsed from <paramref name="files"/> in one transaction and records the import.
    /// </summary>
    /// <param name="importedAt">When the import ran (the clock is the caller's).</param>
    /// <exception cref="ImportException">The same instrument or list comes from two files.</exception>
    public ImportSummary Import(IReadOnlyList<ParsedFile> files, DateTimeOffset importedAt)
    {
        RejectDoubleSources(files);
        using var tx = _connection.BeginTransaction();
        try
        {
            Execute("""
                CREATE OR REPLACE TEMP TABLE stage_bars AS SELECT * FROM bars LIMIT 0;
                CREATE OR REPLACE TEMP TABLE stage_flows AS SELECT * FROM flows LIMIT 0;
                CREATE OR REPLACE TEMP TABLE stage_coin_lists AS SELECT * FROM coin_lists LIMIT 0;
                CREATE OR REPLACE TEMP TABLE stage_rankings AS SELECT * FROM rankings LIMIT 0;
                """);
            StageRows(files);
            var changes = new Dictionary<string, StoreChange>(StringComparer.Ordinal);
            Merge("bars", "instrument", ["instrument", "date"], ["open", "high", "low", "close", "volume", "market_cap", "source"], changes);
            Merge("flows", "instrument", ["instrument", "date", "fund"], ["value", "source"], changes);
            Merge("coin_lists", "list", ["list", "symbol"], ["name", "is_stablecoin", "is_wrapped", "category"], changes);
            Merge("rankings", "list", ["list", "date", "rank"], ["symbol", "name", "market_cap_usd"], changes);
            var instruments = files.SelectMany(f => f.Series.Select(s => s.Instrument).Concat(f.Flows.Select(t => t.Instrument))).ToList();
            UpsertInstruments(instruments);
            foreach (var table in files.SelectMany(f => f.Flows)) MergeFundOrder(table);
            RefreshStats(instruments.Where(i => changes.TryGetValue(i.Id, out var c) && c.Changed > 0).ToList());
            // An import that changed nothing leaves no trace, so importing the same folder twice changes nothing.
            if (changes.Values.Any(c => c.Changed > 0))
            {
                using var log = _connection.CreateAppender("imports");
                foreach (var file in files)
                {
                    var keys = Keys(file).ToList();
                    log.CreateRow().AppendValue(importedAt.UtcDateTime).AppendValue(file.Path).AppendValue(file.Format)
                        .AppendValue((long)file.RowsRead).AppendValue(keys.Sum(k => changes.GetValueOrDefault(k)?.Inserted ?? 0))
                        .AppendValue(keys.Sum(k => changes.GetValueOrDefault(k)?.Updated ?? 0)).AppendValue((long)file.Skipped.Count).EndRow();
                }
            }
            tx.Commit();
            return new ImportSummary(changes);
        }
        catch
        {
            RollBackAfterFailure(tx);
            throw;
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

    /// <summary>The instruments or lists a parsed file writes.</summary>
    public static IEnumerable<string> Keys(ParsedFile file) =>
        file.Series.Select(s => s.Instrument.Id).Concat(file.Flows.Select(f => f.Instrument.Id))
            .Concat(file.ClassificationList is { } list && file.Classifications.Count > 0 ? [list] : [])
            .Concat(file.Rankings.Select(r => r.Source).Distinct());

    private static void RejectDoubleSources(IReadOnlyList<ParsedFile> files)
    {
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        foreach (var key in Keys(file))
        {
            if (owner.TryGetValue(key, out var other))
                throw new ImportException(file.Path, 0, "instrument", $"{key} also comes from {other} in this import; import one of them at a time");
            owner[key] = file.Path;
        }
    }

    private void StageRows(IReadOnlyList<ParsedFile> files)
    {
        using (var appender = _connection.CreateAppender("stage_bars"))
        {
            foreach (var series in files.SelectMany(f => f.Series))
            {
                string id = series.Instrument.Id;
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
                for (int f = 0; f <= table.Funds.Length; f++)
                {
                    var fund = f < table.Funds.Length ? table.Funds[f] : TotalFund;
                    var values = f < table.Funds.Length ? table.Values[f] : table.Total;
                    for (int i = 0; i < table.Count; i++)
                        appender.CreateRow().AppendValue(table.Instrument.Id).AppendValue(table.Dates[i]).AppendValue(fund)
                            .AppendValue(Nullable(values[i])).AppendValue(table.Source).EndRow();
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
                    .AppendValue(r.Name).AppendValue(Nullable(r.MarketCapUsd)).EndRow();
        }
    }

    /// <summary>The fund name under which a flow table's own total column is stored.</summary>
    public const string TotalFund = "Total";

    private void Merge(string table, string groupColumn, string[] keys, string[] values, Dictionary<string, StoreChange> changes)
    {
        string join = string.Join(" AND ", keys.Select(k => $"s.{k} = t.{k}"));
        string differs = string.Join(" OR ", values.Select(v => $"s.{v} IS DISTINCT FROM t.{v}"));
        Execute($"""
            CREATE OR REPLACE TEMP TABLE diff AS
            SELECT s.*, (t.{keys[0]} IS NULL) AS is_new, (t.{keys[0]} IS NOT NULL AND ({differs})) AS is_changed
            FROM stage_{table} s LEFT JOIN {table} t ON {join};
            """);
        using (var reader = Query($"SELECT {groupColumn}, count(*) FILTER (is_new), count(*) FILTER (is_changed), count(*) FILTER (NOT is_new AND NOT is_changed) FROM diff GROUP BY ALL"))
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
            INSERT INTO {table} SELECT {string.Join(", ", keys.Concat(values))} FROM diff WHERE is_new OR is_changed ORDER BY {keyList};
            """);
    }

    private void UpsertInstruments(IEnumerable<Instrument> instruments)
    {
        Execute("CREATE OR REPLACE TEMP TABLE stage_instruments AS SELECT * FROM instruments LIMIT 0");
        using (var appender = _connection.CreateAppender("stage_instruments"))
            foreach (var i in instruments)
                appender.CreateRow().AppendValue(i.Id).AppendValue(i.Class.ToString()).AppendValue(i.QuoteUnit)
                    .AppendValue(i.ContractScale).AppendValue(i.Calendar.ToString()).AppendValue("").EndRow();
        Execute("""
            DELETE FROM instruments WHERE id IN (SELECT id FROM stage_instruments);
            INSERT INTO instruments SELECT * FROM stage_instruments;
            """);
    }

    private void MergeFundOrder(FlowTable table)
    {
        var funds = new List<string>();
        using (var reader = Query("SELECT fund FROM flow_funds WHERE instrument = $1 ORDER BY position", table.Instrument.Id))
            while (reader.Read()) funds.Add(reader.GetString(0));
        var merged = funds.Concat(table.Funds.Where(f => !funds.Contains(f))).ToList();
        if (merged.Count == funds.Count) return;
        Execute("DELETE FROM flow_funds WHERE instrument = $1", table.Instrument.Id);
        for (int p = 0; p < merged.Count; p++) Execute("INSERT INTO flow_funds VALUES ($1, $2, $3)", table.Instrument.Id, p, merged[p]);
    }

    // Coverage is computed over everything stored for an instrument, not just this import's rows.
    private void RefreshStats(IReadOnlyList<Instrument> changed)
    {
        if (changed.Count == 0) return;
        Execute("CREATE OR REPLACE TEMP TABLE changed_ids(id VARCHAR)");
        using (var appender = _connection.CreateAppender("changed_ids"))
            foreach (var i in changed) appender.CreateRow().AppendValue(i.Id).EndRow();
        var byId = changed.ToDictionary(i => i.Id, StringComparer.Ordinal);
        Execute("CREATE OR REPLACE TEMP TABLE stage_stats AS SELECT * FROM instrument_stats LIMIT 0");
        using (var appender = _connection.CreateAppender("stage_stats"))
        using (var reader = Query("""
            SELECT instrument, date, source FROM bars WHERE instrument IN (SELECT id FROM changed_ids)
            UNION ALL
            SELECT instrument, date, string_agg(DISTINCT source, ';') FROM flows WHERE instrument IN (SELECT id FROM changed_ids) GROUP BY ALL
            ORDER BY 1, 2
            """))
        {
            string? current = null;
            var dates = new List<DateOnly>();
            var sources = new SortedSet<string>(StringComparer.Ordinal);
            void Flush()
            {
                if (current is null) return;
                var coverage = TradingCalendar.For(byId[current].Calendar, dates[0]).Coverage(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(dates));
                appender.CreateRow().AppendValue(current).AppendValue(dates[0]).AppendValue(dates[^1]).AppendValue((long)dates.Count)
                    .AppendValue((long)coverage.Missing).AppendValue((long)coverage.OffCalendar).AppendValue(string.Join(';', sources)).EndRow();
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
        Execute("""
            DELETE FROM instrument_stats WHERE id IN (SELECT id FROM changed_ids);
            INSERT INTO instrument_stats SELECT * FROM stage_stats;
            """);
    }

    /// <summary>Every stored instrument with its coverage, ordered by class and id.</summary>
    public List<InstrumentStatus> Status()
    {
        var list = new List<InstrumentStatus>();
        using var reader = Query("""
            SELECT i.id, i.class, i.quote_unit, i.contract_scale, i.calendar, s.first_date, s.last_date,
                   coalesce(s.rows, 0), coalesce(s.gaps, 0), coalesce(s.off_calendar, 0), coalesce(s.sources, '')
            FROM instruments i LEFT JOIN instrument_stats s USING (id) ORDER BY i.class, i.id
            """);
        while (reader.Read())
            list.Add(new InstrumentStatus(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDouble(3),
                reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6), reader.GetInt64(7), reader.GetInt64(8),
                reader.GetInt64(9), reader.GetString(10)));
        return list;
    }

    /// <summary>The latest date of any stored row, or null for an empty store.</summary>
    public DateOnly? LastDate()
    {
        using var reader = Query("SELECT max(last_date) FROM instrument_stats");
        return reader.Read() && !reader.IsDBNull(0) ? reader.GetFieldValue<DateOnly>(0) : null;
    }

    /// <summary>The instrument with id <paramref name="id"/> (case-insensitive), or null.</summary>
    public Instrument? FindInstrument(string id)
    {
        using var reader = Query("SELECT id, class, quote_unit, contract_scale, calendar FROM instruments WHERE upper(id) = upper($1)", id);
        if (!reader.Read()) return null;
        return new Instrument(reader.GetString(0), Enum.Parse<AssetClass>(reader.GetString(1)), reader.GetString(2),
            reader.GetDouble(3), Enum.Parse<CalendarKind>(reader.GetString(4)));
    }

    /// <summary>All stored instruments.</summary>
    public List<Instrument> Instruments()
    {
        var list = new List<Instrument>();
        using var reader = Query("SELECT id, class, quote_unit, contract_scale, calendar FROM instruments ORDER BY id");
        while (reader.Read())
            list.Add(new Instrument(reader.GetString(0), Enum.Parse<AssetClass>(reader.GetString(1)), reader.GetString(2),
                reader.GetDouble(3), Enum.Parse<CalendarKind>(reader.GetString(4))));
        return list;
    }

    /// <summary>The stored daily series of <paramref name="id"/> between optional bounds (inclusive).</summary>
    /// <exception cref="KeyNotFoundException">No such instrument, or it is a flow table.</exception>
    public DailySeries LoadSeries(string id, DateOnly? from = null, DateOnly? to = null)
    {
        var instrument = FindInstrument(id) ?? throw UnknownInstrument(id);
        if (instrument.Class == AssetClass.EtfFlows) throw new KeyNotFoundException($"{instrument.Id} is a flow table, not a series");
        return LoadBars([instrument], from, to)[0];
    }

    /// <summary>
    /// Every stored series of one asset class (e.g. all crypto coins) in one query, ordered by id; with
    /// <paramref name="to"/>, only rows dated on or before it.
    /// </summary>
    public List<DailySeries> LoadSeriesOfClass(AssetClass assetClass, DateOnly? to = null) =>
        LoadBars(Instruments().Where(i => i.Class == assetClass).ToList(), null, to);

    /// <summary>
    /// The closes of every stored series of one asset class in one query, ordered by id: each series has its dates
    /// and closes only (open, high, low, volume and market cap NaN; every row's source <see cref="ClosesOnlySource"/>).
    /// About half the cost of <see cref="LoadSeriesOfClass"/>, for statistics that read closes alone (the Altcoin
    /// Season Index over hundreds of coins).
    /// </summary>
    public List<DailySeries> LoadClosesOfClass(AssetClass assetClass)
    {
        var instruments = Instruments().Where(i => i.Class == assetClass).ToDictionary(i => i.Id, StringComparer.Ordinal);
        const string filter = "instrument IN (SELECT id FROM instruments WHERE class = $1)";
        // Row counts first, so the rows need no per-row instrument string (as LoadBars).
        var counts = new List<(string Id, long Rows)>();
        using (var reader = Query($"SELECT instrument, count(*) FROM bars WHERE {filter} GROUP BY ALL ORDER BY instrument", assetClass.ToString()))
            while (reader.Read()) counts.Add((reader.GetString(0), reader.GetInt64(1)));
        var result = new List<DailySeries>(instruments.Count);
        // Dates travel as day numbers and missing closes as NaN: plain integers and doubles read fastest.
        using (var reader = Query($"""
            SELECT CAST(date - DATE '0001-01-01' AS INTEGER), coalesce(close, 'NaN'::DOUBLE) FROM bars WHERE {filter} ORDER BY instrument, date
            """, assetClass.ToString()))
            foreach (var (id, rows) in counts)
            {
                var dates = new DateOnly[rows];
                var closes = new double[rows];
                for (long k = 0; k < rows && reader.Read(); k++)
                {
                    dates[k] = DateOnly.FromDayNumber(reader.GetInt32(0));
                    closes[k] = reader.GetDouble(1);
                }
                result.Add(DailySeries.OfCloses(instruments[id], dates, closes, ClosesOnlySource));
            }
        var loaded = result.Select(s => s.Instrument.Id).ToHashSet(StringComparer.Ordinal);
        result.AddRange(instruments.Values.Where(i => !loaded.Contains(i.Id)).Select(i => new DailySeries(i, [])));
        result.Sort((a, b) => string.CompareOrdinal(a.Instrument.Id, b.Instrument.Id));
        return result;
    }

    /// <summary>The source of every row loaded by <see cref="LoadClosesOfClass"/>.</summary>
    public const string ClosesOnlySource = "closes only";

    // One pass over the rows of many instruments. Per-row strings dominate the cost of reading, so rows carry no
    // string: the instrument's row count comes up front (one instrument needs none) and its sources in a separate
    // query as the few rows where the source changes.
    private List<DailySeries> LoadBars(IReadOnlyList<Instrument> instruments, DateOnly? from, DateOnly? to)
    {
        var byId = instruments.ToDictionary(i => i.Id, StringComparer.Ordinal);
        // One instrument is filtered by equality, which DuckDB prunes by zone maps; many travel as one parameter
        // (split in SQL), so a read-only store needs no temporary table.
        var filter = (instruments.Count == 1 ? "instrument = $3" : "instrument IN (SELECT unnest(string_split($3, chr(31))))") +
            " AND date >= coalesce($1, DATE '0001-01-01') AND date <= coalesce($2, DATE '9999-12-31')";
        var ids = string.Join('\u001f', instruments.Select(i => i.Id));
        var counts = new List<(string Id, long Rows)>();
        if (instruments.Count == 1) counts.Add((instruments[0].Id, long.MaxValue));
        else
            using (var reader = Query($"SELECT instrument, count(*) FROM bars WHERE {filter} GROUP BY ALL ORDER BY instrument", from, to, ids))
                while (reader.Read()) counts.Add((reader.GetString(0), reader.GetInt64(1)));
        var sourceChanges = new Dictionary<string, List<(DateOnly From, string Source)>>(StringComparer.Ordinal);
        using (var reader = Query($"""
            SELECT instrument, date, source FROM (
                SELECT instrument, date, source, lag(source) OVER (PARTITION BY instrument ORDER BY date) AS previous FROM bars WHERE {filter})
            WHERE source IS DISTINCT FROM previous ORDER BY instrument, date
            """, from, to, ids))
            while (reader.Read())
            {
                var id = reader.GetString(0);
                if (!sourceChanges.TryGetValue(id, out var changes)) sourceChanges[id] = changes = [];
                changes.Add((reader.GetFieldValue<DateOnly>(1), reader.GetString(2)));
            }
        var result = new List<DailySeries>(instruments.Count);
        using (var reader = Query($"""
            SELECT date, open, high, low, close, volume, market_cap FROM bars WHERE {filter} ORDER BY instrument, date
            """, from, to, ids))
        {
            foreach (var (id, rows) in counts)
            {
                var bars = new List<DailyBar>(rows == long.MaxValue ? 0 : (int)rows);
                var changes = sourceChanges.GetValueOrDefault(id) ?? [];
                int change = 0;
                string source = "";
                for (long k = 0; k < rows && reader.Read(); k++)
                {
                    var date = reader.GetFieldValue<DateOnly>(0);
                    while (change < changes.Count && changes[change].From <= date) source = changes[change++].Source;
                    bars.Add(new DailyBar(date, Value(reader, 1), Value(reader, 2), Value(reader, 3), Value(reader, 4), Value(reader, 5), Value(reader, 6), source));
                }
                if (bars.Count > 0) result.Add(new DailySeries(byId[id], bars));
            }
        }
        // Instruments without rows in range still get their (empty) series, in id order.
        var loaded = result.Select(s => s.Instrument.Id).ToHashSet(StringComparer.Ordinal);
        result.AddRange(instruments.Where(i => !loaded.Contains(i.Id)).Select(i => new DailySeries(i, [])));
        result.Sort((a, b) => string.CompareOrdinal(a.Instrument.Id, b.Instrument.Id));
        return result;
    }

    /// <summary>The stored flow table <paramref name="id"/>, funds in their first-seen order, the total apart.</summary>
    public FlowTable LoadFlows(string id)
    {
        var instrument = FindInstrument(id) ?? throw UnknownFlowTable(id);
        if (instrument.Class != AssetClass.EtfFlows) throw new KeyNotFoundException($"{instrument.Id} is not a flow table");
        var funds = new List<string>();
        using (var reader = Query("SELECT fund FROM flow_funds WHERE instrument = $1 ORDER BY position", instrument.Id))
            while (reader.Read()) funds.Add(reader.GetString(0));
        var dates = new SortedSet<DateOnly>();
        var cells = new Dictionary<(DateOnly, string), double>();
        var sources = new SortedSet<string>(StringComparer.Ordinal);
        using (var reader = Query("SELECT date, fund, value, source FROM flows WHERE instrument = $1", instrument.Id))
            while (reader.Read())
            {
                var d = reader.GetFieldValue<DateOnly>(0);
                dates.Add(d);
                cells[(d, reader.GetString(1))] = Value(reader, 2);
                sources.Add(reader.GetString(3));
            }
        var dateArray = dates.ToArray();
        double Cell(DateOnly d, string f) => cells.TryGetValue((d, f), out var v) ? v : double.NaN;
        var values = funds.Select(f => dateArray.Select(d => Cell(d, f)).ToArray()).ToArray();
        var total = dateArray.Select(d => Cell(d, TotalFund)).ToArray();
        return new FlowTable(instrument, [.. funds], dateArray, values, total, string.Join(';', sources));
    }

    /// <summary>Stored coin classifications, optionally of one list only.</summary>
    public List<CoinClassification> LoadClassifications(string? list = null)
    {
        var result = new List<CoinClassification>();
        using var reader = Query("SELECT symbol, name, is_stablecoin, is_wrapped, category FROM coin_lists WHERE $1 IS NULL OR list = $1 ORDER BY list, symbol", list);
        while (reader.Read())
            result.Add(new CoinClassification(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetBoolean(2), reader.GetBoolean(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        return result;
    }

    /// <summary>The names of the stored coin lists and rankings.</summary>
    public (List<string> CoinLists, List<string> Rankings) ListNames()
    {
        var coins = new List<string>();
        var ranks = new List<string>();
        using (var reader = Query("SELECT DISTINCT list FROM coin_lists ORDER BY list")) while (reader.Read()) coins.Add(reader.GetString(0));
        using (var reader = Query("SELECT DISTINCT list FROM rankings ORDER BY list")) while (reader.Read()) ranks.Add(reader.GetString(0));
        return (coins, ranks);
    }

    /// <summary>Stored rankings ordered by list, date and rank, optionally of one list only.</summary>
    public List<RankedCoin> LoadRankings(string? list = null)
    {
        var result = new List<RankedCoin>();
        using var reader = Query("SELECT list, date, rank, symbol, name, market_cap_usd FROM rankings WHERE $1 IS NULL OR list = $1 ORDER BY list, date, rank", list);
        while (reader.Read())
            result.Add(new RankedCoin(reader.GetFieldValue<DateOnly>(1), reader.GetInt32(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), Value(reader, 5), reader.GetString(0)));
        return result;
    }

    /// <summary>Row count and a sum of row hashes of every table, for checks that an operation changed nothing.</summary>
    public string ContentFingerprint()
    {
        var parts = new List<string>();
        foreach (var table in new[] { "instruments", "instrument_stats", "bars", "flow_funds", "flows", "coin_lists", "rankings", "imports" })
            parts.Add($"{table}:{Scalar($"SELECT count(*) || ':' || coalesce(sum(hash(t)), 0) FROM {table} t")}");
        return string.Join(' ', parts);
    }

    private static double Value(IDataRecord reader, int i) => reader.IsDBNull(i) ? double.NaN : reader.GetDouble(i);

    private static double? Nullable(double v) => double.IsNaN(v) ? null : v;

    private void Execute(string sql, params object?[] parameters)
    {
        using var command = Command(sql, parameters);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, params object?[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteScalar();
    }

    private DuckDBDataReader Query(string sql, params object?[] parameters)
    {
        var command = Command(sql, parameters);
        return (DuckDBDataReader)command.ExecuteReader();
    }

    private DuckDBCommand Command(string sql, object?[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var p in parameters) command.Parameters.Add(new DuckDBParameter(p ?? DBNull.Value));
        return command;
    }

    /// <summary>
    /// Runs <paramref name="query"/> on a connection no other thread is using: this store's when it is free, else a
    /// further connection to the same database made for the purpose (DuckDB runs one query at a time per connection,
    /// and queries on several at once). Duplicates are kept for later calls and closed with the store. Only for reads
    /// that run while nothing else uses this store directly.
    /// </summary>
    public T Concurrently<T>(Func<BellwetherStore, T> query)
    {
        if (!_idleReaders.TryTake(out var reader))
        {
            reader = new BellwetherStore(OpenConnection(_connection.ConnectionString), Path);
            _duplicates.Enqueue(reader);
        }
        try
        {
            return query(reader);
        }
        finally
        {
            _idleReaders.Add(reader);
        }
    }

    // DuckDB.NET keeps one database per file in a process, so a second connection string opens a connection to it.
    private static DuckDBConnection OpenConnection(string connectionString)
    {
        var connection = new DuckDBConnection(connectionString);
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        while (_duplicates.TryDequeue(out var duplicate)) duplicate._connection.Dispose();
        _connection.Dispose();
    }
}
