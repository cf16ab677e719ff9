using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Bellwether.Data.Import;
using Bellwether.Data.Store;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Data.Tests.Store;

/// <summary>
/// Qualified ids and the import's identity rules (issue 11, found 1 and 2), on real rows: the SPX6900 token is the data
/// folder's <c>crypto/daily/SPX.csv</c>; the S&amp;P 500 index file is made of the real rows of
/// <c>markets/spy_daily.csv</c> (the folder has no S&amp;P 500 index file; the test is about identity, not values).
/// </summary>
public sealed class InstrumentIdentityTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-identity-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string StorePath => Path.Combine(_dir, "store.duckdb");

    private static List<ParsedFile> Read(params string[] paths) =>
        Importers.ReadAll(Importers.ExpandPaths(paths, []), new ImportOptions(SkipBad: true));

    private string Folder(string name, params (string Path, string[] From)[] files) =>
        RealDataCopy.Into(Path.Combine(_dir, name), files);

    private static readonly (string, string[]) SpxIndex = ("markets/spx_daily.csv", ["markets", "spy_daily.csv"]);
    private static readonly (string, string[]) SpxToken = ("crypto/daily/SPX.csv", ["crypto", "daily", "SPX.csv"]);

    [Fact]
    public void An_index_and_a_token_with_one_symbol_import_in_one_run_and_read_back_apart()
    {
        var folder = Folder("both", SpxIndex, SpxToken);
        var parsed = Read(folder);
        using var store = BellwetherStore.Open(StorePath);
        var summary = store.Import(parsed, DateTimeOffset.UnixEpoch);

        var index = store.LoadSeries("INDEX:SPX");
        var token = store.LoadSeries("crypto:spx");
        Assert.Equal(new Instrument("INDEX:SPX", AssetClass.EquityIndex, "USD", 1, CalendarKind.UsEquity),
            index.Instrument);
        Assert.Equal(AssetClass.Crypto, token.Instrument.Class);
        Assert.Equal(CalendarKind.EveryDay, token.Instrument.Calendar);
        Assert.Equal("CRYPTO:SPX", token.Instrument.Id);
        var indexFile = parsed.Single(f => f.Path.EndsWith("spx_daily.csv")).Series.Single();
        var tokenFile = parsed.Single(f => f.Path.EndsWith("SPX.csv")).Series.Single();
        Assert.Equal(indexFile.Dates, index.Dates);
        Assert.Equal(indexFile.Close, index.Close);
        Assert.Equal(tokenFile.Dates, token.Dates);
        Assert.Equal(tokenFile.Close, token.Close);
        Assert.Contains(token.Dates, d => d.DayOfWeek == DayOfWeek.Sunday);
        Assert.DoesNotContain(index.Dates, d => d.DayOfWeek == DayOfWeek.Sunday);
        Assert.Equal(["CRYPTO:SPX", "INDEX:SPX"], summary.Changes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("INDEX:SPX", summary.IdOf(indexFile.Instrument));
        Assert.Equal(indexFile.Count, summary.Changes["INDEX:SPX"].Inserted);
        Assert.Equal(["CRYPTO:SPX", "INDEX:SPX"], store.Status().Select(s => s.Id).Order(StringComparer.Ordinal));

        var e = Assert.Throws<AmbiguousIdException>(() => store.FindInstrument("spx"));
        Assert.Equal("'spx' is ambiguous: CRYPTO:SPX (crypto), INDEX:SPX (equity index); name one of them", e.Message);
        Assert.Throws<AmbiguousIdException>(() => store.LoadSeries("SPX"));
        Assert.Contains(store.LoadSeriesOfClass(AssetClass.Crypto),
            s => s.Instrument.Id == "CRYPTO:SPX" && s.Count == tokenFile.Count);

        // Importing the same folder again changes nothing.
        var before = store.ContentFingerprint();
        var again = store.Import(Read(folder), DateTimeOffset.UnixEpoch.AddDays(1));
        Assert.Equal(0, again.Inserted + again.Updated);
        Assert.Equal(before, store.ContentFingerprint());
    }

    [Fact]
    public void The_token_stays_in_the_altcoin_universe_beside_an_index_of_its_symbol()
    {
        var folder = Folder("universe", SpxIndex, SpxToken, ("crypto/daily/BTC.csv", ["crypto", "daily", "BTC.csv"]),
            ("crypto/cmc_monthly_top200_snapshots.csv", ["crypto", "cmc_monthly_top200_snapshots.csv"]));
        using var store = BellwetherStore.Open(StorePath);
        store.Import(Read(folder), DateTimeOffset.UnixEpoch);
        var coins = store.LoadClosesOfClass(AssetClass.Crypto);
        Assert.Equal(["BTC", "CRYPTO:SPX"], coins.Select(c => c.Instrument.Id));
        var universe = new Core.Crypto.AltcoinSeason.AltcoinSeasonIndex(coins, store.LoadRankings(), []);
        var spx = Assert.Single(universe.Members(new DateOnly(2025, 10, 15), 200), m => m.Symbol == "SPX");
        Assert.Equal(("SPX", 80), (spx.Series, spx.Rank));
    }

    [Fact]
    public void A_short_id_resolves_while_it_is_unambiguous_and_shows_unqualified()
    {
        using var store = BellwetherStore.Open(StorePath);
        store.Import(Read(Folder("token", SpxToken)), DateTimeOffset.UnixEpoch);
        Assert.Equal("SPX", store.FindInstrument("spx")!.Id);
        Assert.Equal("SPX", store.FindInstrument("CRYPTO:SPX")!.Id);
        Assert.Equal("CRYPTO:SPX", store.FindInstrument("SPX")!.QualifiedId);
        Assert.Null(store.FindInstrument("INDEX:SPX"));
        Assert.Equal(store.LoadSeries("SPX").Dates[^1], store.LastStoredDate("SPX"));
        Assert.Equal(store.LoadSeries("SPX").Dates[^1], store.LastStoredDate("CRYPTO:SPX"));
        Assert.Equal("SPX", store.Status().Single().Id);
    }

    [Fact]
    public void A_crypto_file_for_a_stored_index_stops_naming_both_classes_and_writes_nothing()
    {
        using (var store = BellwetherStore.Open(StorePath))
            store.Import(Read(RealData.File("markets", "rut_daily.csv")), DateTimeOffset.UnixEpoch);
        var token = Folder("rut", (SpxToken.Item1.Replace("SPX", "RUT"), SpxToken.Item2));
        var bytes = File.ReadAllBytes(StorePath);
        string fingerprint;
        using (var store = BellwetherStore.Open(StorePath))
        {
            fingerprint = store.ContentFingerprint();
            var e = Assert.Throws<ImportException>(
                () => store.Import(Read(token), DateTimeOffset.UnixEpoch.AddDays(1)));
            Assert.Equal("class", e.Field);
            Assert.Equal(Path.Combine(token, "crypto", "daily", "RUT.csv"), e.File);
            Assert.Contains("RUT is stored as INDEX:RUT (equity index, us-equity calendar); this file makes it crypto "
                            + "(every-day calendar)", e.Message);
            Assert.Contains("--new-instrument", e.Message);
            Assert.Contains("--redefine", e.Message);
            Assert.Equal(fingerprint, store.ContentFingerprint());
            Assert.Equal(AssetClass.EquityIndex, store.FindInstrument("RUT")!.Class);
        }
        Assert.Equal(bytes, File.ReadAllBytes(StorePath));
    }

    [Fact]
    public void New_instrument_stores_the_token_beside_the_index_and_redefine_moves_the_instrument()
    {
        var rut = RealData.File("markets", "rut_daily.csv");
        var token = Folder("rut", (SpxToken.Item1.Replace("SPX", "RUT"), SpxToken.Item2));
        var tokenRows = Read(token).Single().Series.Single();
        using (var store = BellwetherStore.Open(StorePath))
        {
            store.Import(Read(rut), DateTimeOffset.UnixEpoch);
            var summary = store.Import(Read(token), DateTimeOffset.UnixEpoch,
                new InstrumentChanges(NewInstruments: true));
            Assert.Equal(tokenRows.Count, summary.Changes["CRYPTO:RUT"].Inserted);
            Assert.Equal(tokenRows.Close, store.LoadSeries("CRYPTO:RUT").Close);
            var index = store.LoadSeries("INDEX:RUT");
            Assert.Equal(2442.74, Math.Round(index.Close[index.Dates.IndexOf(new DateOnly(2021, 11, 8))], 2));
        }
        File.Delete(StorePath);
        using (var store = BellwetherStore.Open(StorePath))
        {
            var indexRows = Read(rut).Single().Series.Single();
            store.Import(Read(rut), DateTimeOffset.UnixEpoch);
            store.Import(Read(token), DateTimeOffset.UnixEpoch, new InstrumentChanges(Redefine: true));
            var moved = store.LoadSeries("RUT");
            Assert.Equal("RUT", moved.Instrument.Id);
            Assert.Equal(new Instrument("RUT", AssetClass.Crypto, "USDT", 1, CalendarKind.EveryDay), moved.Instrument);
            Assert.Null(store.FindInstrument("INDEX:RUT"));
            // Rows are merged as in any import: the index's other rows stay; the token's replace those of its dates.
            Assert.Equal(indexRows.Dates.Union(tokenRows.Dates).Count(), moved.Count);
            Assert.Equal(tokenRows.Close[^1], moved.Close[moved.Dates.IndexOf(tokenRows.Dates[^1])]);
            var status = store.Status().Single();
            Assert.Equal(("RUT", "Crypto", "EveryDay", (long)moved.Count),
                (status.Id, status.Class, status.Calendar, status.Rows));
        }
    }

    [Fact]
    public void A_new_quote_unit_or_calendar_stops_the_import_and_redefine_allows_it()
    {
        var folder = Path.Combine(_dir, "units");
        Directory.CreateDirectory(folder);
        // The token's real rows, first as they are (a USDT-margined perpetual), then tagged as a USD market.
        var lines = File.ReadAllLines(RealData.File("crypto", "daily", "SPX.csv"));
        var usd = Path.Combine(folder, "SPX.csv");
        File.WriteAllLines(usd, lines.Take(30));
        var usdFolder = Directory.CreateDirectory(Path.Combine(_dir, "usd", "daily")).FullName;
        File.WriteAllLines(Path.Combine(usdFolder, "SPX.csv"),
            lines.Take(30).Select((l, i) => i == 0 ? l : l.Replace("binance_usdm_perp", "yahoo_usd")));
        using var store = BellwetherStore.Open(StorePath);
        store.Import(Read(Path.Combine(folder, "SPX.csv")), DateTimeOffset.UnixEpoch);
        Assert.Equal("USDT", store.FindInstrument("SPX")!.QuoteUnit);
        var before = store.ContentFingerprint();
        var e = Assert.Throws<ImportException>(() => store.Import(Read(usdFolder), DateTimeOffset.UnixEpoch));
        Assert.Equal("quote unit", e.Field);
        Assert.Contains("SPX is stored as CRYPTO:SPX with quote unit USDT; this file gives quote unit USD", e.Message);
        Assert.Equal(before, store.ContentFingerprint());
        store.Import(Read(usdFolder), DateTimeOffset.UnixEpoch, new InstrumentChanges(Redefine: true));
        Assert.Equal("USD|USDT", store.FindInstrument("SPX")!.QuoteUnit);
        // A unit already among the stored ones is no change.
        var unchanged = store.ContentFingerprint();
        store.Import(Read(usdFolder), DateTimeOffset.UnixEpoch);
        Assert.Equal(unchanged, store.ContentFingerprint());
        store.Import(Read(Path.Combine(folder, "SPX.csv")), DateTimeOffset.UnixEpoch);
        Assert.Equal("USD|USDT", store.FindInstrument("SPX")!.QuoteUnit);

        // M2SL is monthly; the same real values dated on weekdays read as a weekly series.
        var m2 = File.ReadAllLines(RealData.File("macro", "M2SL.csv"));
        var weekly = Path.Combine(Directory.CreateDirectory(Path.Combine(_dir, "weekly")).FullName, "M2SL.csv");
        var monday = new DateOnly(2024, 1, 1);
        var mondays = m2.Skip(1).TakeLast(8)
            .Select((l, i) => monday.AddDays(7 * i).ToString("yyyy-MM-dd") + l[l.IndexOf(',')..]);
        File.WriteAllLines(weekly, m2.Take(1).Concat(mondays));
        store.Import(Read(RealData.File("macro", "M2SL.csv")), DateTimeOffset.UnixEpoch);
        var calendar = Assert.Throws<ImportException>(() => store.Import(Read(weekly), DateTimeOffset.UnixEpoch));
        Assert.Equal("calendar", calendar.Field);
        Assert.Contains("M2SL is stored as MACRO:M2SL with calendar monthly; this file gives calendar weekly",
            calendar.Message);
    }

    [Fact]
    public void A_store_of_schema_2_keeps_every_row_and_a_reimport_of_the_folder_changes_nothing()
    {
        var fresh = Path.Combine(_dir, "fresh.duckdb");
        using (var store = BellwetherStore.Open(fresh)) store.Import(Read(RealData.Folder), DateTimeOffset.UnixEpoch);
        string expected;
        List<InstrumentStatus> expectedStatus;
        using (var store = BellwetherStore.Open(fresh, readOnly: true))
        {
            expected = store.ContentFingerprint();
            expectedStatus = store.Status();
        }
        var legacy = Path.Combine(_dir, "legacy.duckdb");
        LegacyStore.CopyAsSchema2(fresh, legacy);
        Assert.Equal(LegacyStore.Count(fresh, "SELECT count(*) FROM bars"),
            LegacyStore.Count(legacy, "SELECT count(*) FROM bars"));
        Assert.True(LegacyStore.Count(legacy, "SELECT count(*) FROM bars WHERE instrument = 'RUT'") > 0);

        // A read-only open migrates first; then the rows are those a fresh import stores, id for id.
        using (var store = BellwetherStore.Open(legacy, readOnly: true))
        {
            Assert.Equal(6, store.SchemaVersion);
            Assert.Equal(expected, store.ContentFingerprint());
            Assert.Equal(expectedStatus, store.Status());
        }
        using (var store = BellwetherStore.Open(legacy))
        {
            var again = store.Import(Read(RealData.Folder), DateTimeOffset.UnixEpoch.AddDays(1));
            Assert.Equal(0, again.Inserted + again.Updated);
            Assert.Equal(expected, store.ContentFingerprint());
        }
    }
}

/// <summary>
/// Stores as Bellwether wrote them at schema 2: tables of the first two migrations, ids without namespace.
/// </summary>
internal static class LegacyStore
{
    /// <summary>
    /// Writes the content of the (current) store <paramref name="from"/> as a schema-2 store at <paramref name="to"/>.
    /// </summary>
    public static void CopyAsSchema2(string from, string to)
    {
        using var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={to}");
        connection.Open();
        void Execute(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
        Execute("CREATE TABLE schema_version(version INTEGER NOT NULL)");
        for (int v = 0; v < 2; v++)
        {
            Execute(Schema.Migrations[v]);
            Execute($"INSERT INTO schema_version VALUES ({v + 1})");
        }
        Execute($"""
            ATTACH '{from}' AS cur (READ_ONLY);
            INSERT INTO instruments
                SELECT symbol, class, quote_unit, contract_scale, calendar, weekly_anchor FROM cur.instruments;
            INSERT INTO instrument_stats
                SELECT i.symbol, s.first_date, s.last_date, s.rows, s.gaps, s.off_calendar, s.sources
                FROM cur.instrument_stats s JOIN cur.instruments i USING (id);
            INSERT INTO bars SELECT i.symbol, b.date, b.open, b.high, b.low, b.close, b.volume, b.market_cap, b.source
                FROM cur.bars b JOIN cur.instruments i ON i.id = b.instrument ORDER BY i.symbol, b.date;
            INSERT INTO flow_funds
                SELECT i.symbol, f.position, f.fund FROM cur.flow_funds f JOIN cur.instruments i ON i.id = f.instrument;
            INSERT INTO flows SELECT i.symbol, f.date, f.fund, f.value, f.source
                FROM cur.flows f JOIN cur.instruments i ON i.id = f.instrument ORDER BY i.symbol, f.date, f.fund;
            INSERT INTO coin_lists SELECT * FROM cur.coin_lists;
            INSERT INTO rankings SELECT list, date, rank, symbol, name, market_cap_usd FROM cur.rankings;
            INSERT INTO imports SELECT * FROM cur.imports;
            DETACH cur;
            """);
    }

    public static long Count(string store, string sql)
    {
        using var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={store};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }
}
