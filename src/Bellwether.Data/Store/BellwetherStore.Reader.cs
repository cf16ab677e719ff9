using System.Data;
using System.Runtime.InteropServices;
using Bellwether.Core.Calendars;
using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Flows;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Core.Universe;
using DuckDB.NET.Data;

namespace Bellwether.Data.Store;

/// <summary>Reads: instruments, series, flow tables, coin lists and rankings.</summary>
public sealed partial class BellwetherStore
{
    /// <summary>Every stored instrument with its coverage, ordered by class and id.</summary>
    public List<InstrumentStatus> Status()
    {
        var list = new List<InstrumentStatus>();
        using var reader = Query($"""
            SELECT i.shown, i.class, i.quote_unit, i.contract_scale, i.calendar, s.first_date, s.last_date,
                   coalesce(s.rows, 0), coalesce(s.gaps, 0), coalesce(s.off_calendar, 0), coalesce(s.sources, '')
            FROM {ShownInstruments} LEFT JOIN instrument_stats s USING (id) ORDER BY i.class, i.shown
            """);
        while (reader.Read())
            list.Add(new InstrumentStatus(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.GetDouble(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5),
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

    /// <summary>The stored daily series of <paramref name="id"/> between optional bounds (inclusive).</summary>
    /// <exception cref="KeyNotFoundException">No such instrument, or it is a flow table.</exception>
    public DailySeries LoadSeries(string id, DateOnly? from = null, DateOnly? to = null)
    {
        var instrument = FindInstrument(id) ?? throw UnknownInstrument(id);
        if (instrument.Class == AssetClass.EtfFlows) throw new KeyNotFoundException(
            $"{instrument.Id} is a flow table, not a series");
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
        var instruments = Instruments().Where(i => i.Class == assetClass)
            .ToDictionary(i => i.QualifiedId, StringComparer.Ordinal);
        const string filter = "instrument IN (SELECT id FROM instruments WHERE class = $1)";
        // Row counts first, so the rows need no per-row instrument string (as LoadBars).
        var counts = new List<(string Id, long Rows)>();
        using (var reader =
            Query($"SELECT instrument, count(*) FROM bars WHERE {filter} GROUP BY ALL ORDER BY instrument",
                assetClass.ToString()))
            while (reader.Read()) counts.Add((reader.GetString(0), reader.GetInt64(1)));
        var result = new List<DailySeries>(instruments.Count);
        // Dates travel as day numbers and missing closes as NaN: plain integers and doubles read fastest.
        using (var reader = Query($"""
            SELECT CAST(date - DATE '0001-01-01' AS INTEGER), coalesce(close, 'NaN'::DOUBLE) FROM bars WHERE {filter}
            ORDER BY instrument, date
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
                // The arrays go nowhere else, so the series may keep them without a copy.
                result.Add(DailySeries.OfCloses(instruments[id], ImmutableCollectionsMarshal.AsImmutableArray(dates),
                    ImmutableCollectionsMarshal.AsImmutableArray(closes), ClosesOnlySource));
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
    private List<DailySeries> LoadBars(List<Instrument> instruments, DateOnly? from, DateOnly? to)
    {
        var byId = instruments.ToDictionary(i => i.QualifiedId, StringComparer.Ordinal);
        // One instrument is filtered by equality, which DuckDB prunes by zone maps; many travel as one parameter
        // (split in SQL), so a read-only store needs no temporary table.
        var filter = (instruments.Count == 1 ? "instrument = $3"
            : "instrument IN (SELECT unnest(string_split($3, chr(31))))") +
            " AND date >= coalesce($1, DATE '0001-01-01') AND date <= coalesce($2, DATE '9999-12-31')";
        var ids = string.Join('\u001f', instruments.Select(i => i.QualifiedId));
        var counts = new List<(string Id, long Rows)>();
        if (instruments.Count == 1) counts.Add((instruments[0].QualifiedId, long.MaxValue));
        else
            using (var reader =
                Query($"SELECT instrument, count(*) FROM bars WHERE {filter} GROUP BY ALL ORDER BY instrument", from,
                    to, ids))
                while (reader.Read()) counts.Add((reader.GetString(0), reader.GetInt64(1)));
        var sourceChanges = new Dictionary<string, List<(DateOnly From, string Source)>>(StringComparer.Ordinal);
        using (var reader = Query($"""
            SELECT instrument, date, source FROM (
                SELECT instrument, date, source, lag(source) OVER (PARTITION BY instrument ORDER BY date) AS previous
                FROM bars WHERE {filter})
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
                    bars.Add(new DailyBar(date, Value(reader, 1), Value(reader, 2), Value(reader, 3), Value(reader, 4),
                        Value(reader, 5), Value(reader, 6), source));
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

    /// <summary>The stored flow table <paramref name="id"/>, funds in their first-seen order, the total
    /// apart.</summary>
    public FlowTable LoadFlows(string id)
    {
        var instrument = FindInstrument(id) ?? throw UnknownFlowTable(id);
        if (instrument.Class != AssetClass.EtfFlows) throw new KeyNotFoundException(
            $"{instrument.Id} is not a flow table");
        var funds = new List<string>();
        using (var reader = Query("SELECT fund FROM flow_funds WHERE instrument = $1 ORDER BY position",
                   instrument.QualifiedId))
            while (reader.Read()) funds.Add(reader.GetString(0));
        var dates = new SortedSet<DateOnly>();
        var cells = new Dictionary<(DateOnly, string), double>();
        var sources = new SortedSet<string>(StringComparer.Ordinal);
        var derived = new HashSet<DateOnly>();
        using (var reader = Query("SELECT date, fund, value, source FROM flows WHERE instrument = $1",
                   instrument.QualifiedId))
            while (reader.Read())
            {
                var d = reader.GetFieldValue<DateOnly>(0);
                dates.Add(d);
                cells[(d, reader.GetString(1))] = Value(reader, 2);
                var source = reader.GetString(3);
                sources.Add(source);
                if (source == FundShares.DerivedSource) derived.Add(d);
            }
        var dateArray = dates.ToArray();
        double Cell(DateOnly d, string f) => cells.TryGetValue((d, f), out var v) ? v : double.NaN;
        var values = funds.Select(f => dateArray.Select(d => Cell(d, f)).ToArray()).ToArray();
        var total = dateArray.Select(d => Cell(d, TotalFund)).ToArray();
        return new FlowTable(instrument, [.. funds], dateArray, values, total, string.Join(';', sources))
        {
            Derived = derived.Count == 0 ? null : dateArray.Select(derived.Contains).ToArray(),
        };
    }

    /// <summary>Stored coin classifications, optionally of one list only.</summary>
    public List<CoinClassification> LoadClassifications(string? list = null)
    {
        var result = new List<CoinClassification>();
        using var reader =
            Query("SELECT symbol, name, is_stablecoin, is_wrapped, category FROM coin_lists WHERE $1 IS NULL OR list " +
            "= $1 ORDER BY list, symbol", list);
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
        using (var reader =
            Query("SELECT DISTINCT list FROM coin_lists ORDER BY list")) while (reader.Read()) coins.Add(
            reader.GetString(0));
        using (var reader = Query("SELECT DISTINCT list FROM rankings ORDER BY list")) while (reader.Read()) ranks.Add(
            reader.GetString(0));
        return (coins, ranks);
    }

    /// <summary>Stored rankings ordered by list, date and rank, optionally of one list only.</summary>
    public List<RankedCoin> LoadRankings(string? list = null)
    {
        var result = new List<RankedCoin>();
        using var reader =
            Query("SELECT list, date, rank, symbol, name, market_cap_usd, snapshot_utc FROM rankings WHERE $1 IS " +
            "NULL OR list = $1 ORDER BY list, date, rank", list);
        while (reader.Read())
            result.Add(new RankedCoin(reader.GetFieldValue<DateOnly>(1), reader.GetInt32(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), Value(reader, 5), reader.GetString(0),
                reader.IsDBNull(6) ? null : DateTime.SpecifyKind(reader.GetDateTime(6), DateTimeKind.Utc)));
        return result;
    }

    /// <summary>Stored published readings (a reference series apart from computed values), by series and
    /// date.</summary>
    public List<PublishedReading> LoadPublishedReadings()
    {
        var result = new List<PublishedReading>();
        using var reader =
            Query("SELECT date, value, provider, definition, note, source_url FROM published_readings ORDER BY " +
            "series, date");
        while (reader.Read())
            result.Add(new PublishedReading(reader.GetFieldValue<DateOnly>(0), reader.GetDouble(1), reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        return result;
    }

    /// <summary>Stored shares outstanding and NAV of one fund (<paramref name="ticker"/>), by date.</summary>
    public List<FundShareDay> LoadFundShares(string ticker)
    {
        var result = new List<FundShareDay>();
        using var reader =
            Query("SELECT date, ticker, shares_out, nav, price, net_flow_musd FROM fund_shares WHERE series = $1 " +
            "ORDER BY date",
            SharesSeries(ticker.ToUpperInvariant()));
        while (reader.Read())
            result.Add(new FundShareDay(reader.GetFieldValue<DateOnly>(0), reader.GetString(1), Value(reader, 2),
                Value(reader, 3), Value(reader, 4), Value(reader, 5)));
        return result;
    }

    /// <summary>Row count and a sum of row hashes of every table, for checks that an operation changed
    /// nothing.</summary>
    public string ContentFingerprint()
    {
        var parts = new List<string>();
        foreach (var table in new[]
                 {
                     "instruments", "instrument_stats", "bars", "flow_funds", "flows", "coin_lists", "rankings",
                         "fund_shares",
                     "published_readings", "imports", "vintages",
                 })
            parts.Add($"{table}:{Scalar($"SELECT count(*) || ':' || coalesce(sum(hash(t)), 0) FROM {table} t")}");
        return string.Join(' ', parts);
    }

    private static double Value(DuckDBDataReader reader, int i) => reader.IsDBNull(i) ? double.NaN
        : reader.GetDouble(i);
}
