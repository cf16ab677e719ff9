using Bellwether.Data.Import;
using Bellwether.Data.Store;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Data.Tests.Store;

public sealed class BellwetherStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-store-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string StorePath => Path.Combine(_dir, "store.duckdb");

    private static List<ParsedFile> Read(params string[] paths) =>
        Importers.ReadAll(Importers.ExpandPaths(paths, []), new ImportOptions(SkipBad: true));

    [Fact]
    public void A_new_store_is_migrated_to_the_current_schema_version()
    {
        using var store = BellwetherStore.Open(StorePath);
        Assert.Equal(6, store.SchemaVersion);
    }

    [Fact]
    public void A_write_waits_for_this_processs_read_only_connections_instead_of_getting_their_read_only_database()
    {
        using (BellwetherStore.Open(StorePath)) { }
        var reader = BellwetherStore.Open(StorePath, readOnly: true);
        // DuckDB.NET would hand the writer the reader's read-only database, where every write fails (serve's alert
        // deliveries were marked failed and sent again); held open, the writer waits and then says why.
        var held = Assert.Throws<IOException>(() => BellwetherStore.Open(StorePath, lockWait: TimeSpan.FromSeconds(1)));
        Assert.Contains("still open read-only in this process", held.Message, StringComparison.Ordinal);
        reader.Dispose();
        using var writer = BellwetherStore.Open(StorePath);
        writer.MarkDelivered("no such key", "webhook:test", DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void Importing_the_same_folder_twice_changes_nothing()
    {
        var parsed = Read(RealData.File("markets"), RealData.File("macro"), RealData.File("flows"));
        using var store = BellwetherStore.Open(StorePath);
        var first = store.Import(parsed, DateTimeOffset.UnixEpoch);
        Assert.True(first.Inserted > 0);
        var before = store.ContentFingerprint();
        var second = store.Import(Read(RealData.File("markets"), RealData.File("macro"), RealData.File("flows")), DateTimeOffset.UnixEpoch.AddDays(1));
        Assert.Equal(0, second.Inserted);
        Assert.Equal(0, second.Updated);
        Assert.Equal(first.Inserted, second.Unchanged);
        Assert.Equal(before, store.ContentFingerprint());
    }

    [Fact]
    public void A_revised_row_is_updated_and_nothing_else_is_lost()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_dir, "in")).FullName;
        var file = Path.Combine(dir, "abc_daily.csv");
        File.WriteAllText(file, "date,open,high,low,close,volume,source\n2025-01-02,10,11,9,10.5,100,a\n2025-01-03,10.5,12,10,11,100,a\n");
        using var store = BellwetherStore.Open(StorePath);
        store.Import(Read(file), DateTimeOffset.UnixEpoch);
        File.WriteAllText(file, "date,open,high,low,close,volume,source\n2025-01-03,10.5,12,10,11.5,100,b\n2025-01-06,11.5,12,11,11.8,100,b\n");
        var summary = store.Import(Read(file), DateTimeOffset.UnixEpoch);
        Assert.Equal(1, summary.Inserted);
        Assert.Equal(1, summary.Updated);
        var s = store.LoadSeries("ABC");
        Assert.Equal([10.5, 11.5, 11.8], s.Close);
        Assert.Equal(["a", "b", "b"], Enumerable.Range(0, s.Count).Select(s.SourceAt));
        Assert.Equal(new DateOnly(2025, 1, 6), store.Status().Single().Last);
    }

    [Fact]
    public void Bulk_and_single_loads_keep_each_rows_source_when_sources_alternate()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_dir, "in")).FullName;
        File.WriteAllText(Path.Combine(dir, "abc_daily.csv"),
            "date,open,high,low,close,volume,source\n2025-01-02,1,1,1,1,1,a\n2025-01-03,2,2,2,2,1,b\n2025-01-06,3,3,3,3,1,a\n2025-01-07,4,4,4,4,1,a\n");
        File.WriteAllText(Path.Combine(dir, "xyz_daily.csv"),
            "date,open,high,low,close,volume,source\n2025-01-02,5,5,5,5,1,c\n2025-01-03,6,6,6,6,1,c\n2025-01-06,7,7,7,7,1,d\n");
        using var store = BellwetherStore.Open(StorePath);
        store.Import(Read(Path.Combine(dir, "abc_daily.csv"), Path.Combine(dir, "xyz_daily.csv")), DateTimeOffset.UnixEpoch);
        var abc = store.LoadSeries("ABC");
        Assert.Equal(["a", "b", "a", "a"], Enumerable.Range(0, abc.Count).Select(abc.SourceAt));
        var bulk = store.LoadSeriesOfClass(abc.Instrument.Class, to: new DateOnly(2025, 1, 6));
        Assert.Equal(["ABC", "XYZ"], bulk.Select(s => s.Instrument.Id));
        Assert.Equal([1.0, 2, 3], bulk[0].Close);
        Assert.Equal(["a", "b", "a"], Enumerable.Range(0, bulk[0].Count).Select(bulk[0].SourceAt));
        Assert.Equal(["c", "c", "d"], Enumerable.Range(0, bulk[1].Count).Select(bulk[1].SourceAt));
        var late = store.LoadSeries("ABC", from: new DateOnly(2025, 1, 3));
        Assert.Equal(["b", "a", "a"], Enumerable.Range(0, late.Count).Select(late.SourceAt));
    }

    [Fact]
    public void The_last_date_is_the_latest_row_of_any_instrument_and_null_when_empty()
    {
        using (var empty = BellwetherStore.Open(StorePath)) Assert.Null(empty.LastDate());
        var dir = Directory.CreateDirectory(Path.Combine(_dir, "in")).FullName;
        File.WriteAllText(Path.Combine(dir, "abc_daily.csv"), "date,open,high,low,close,volume,source\n2025-01-02,1,1,1,1,1,a\n2025-01-07,4,4,4,4,1,a\n");
        File.WriteAllText(Path.Combine(dir, "xyz_daily.csv"), "date,open,high,low,close,volume,source\n2025-01-09,5,5,5,5,1,c\n");
        using var store = BellwetherStore.Open(StorePath);
        store.Import(Read(Path.Combine(dir, "abc_daily.csv"), Path.Combine(dir, "xyz_daily.csv")), DateTimeOffset.UnixEpoch);
        Assert.Equal(new DateOnly(2025, 1, 9), store.LastDate());
        Assert.Equal(store.Status().Max(s => s.Last), store.LastDate());
        // A writable store reads concurrently too (further connections share its database).
        var closes = new double[6][];
        Parallel.For(0, closes.Length, new ParallelOptions { MaxDegreeOfParallelism = 3 }, k => closes[k] = [.. store.Concurrently(s => s.LoadSeries("ABC").Close)]);
        Assert.All(closes, c => Assert.Equal([1.0, 4.0], c));
    }

    [Fact]
    public void Concurrent_reads_each_get_a_connection_and_see_the_same_rows()
    {
        using var store = RealData.OpenStore();
        var expected = store.LoadSeries("BTC").Close;
        var results = new double[8][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, k => results[k] = [.. store.Concurrently(s => s.LoadSeries("BTC").Close)]);
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void A_store_from_a_newer_version_is_refused()
    {
        using (var store = BellwetherStore.Open(StorePath)) { }
        using (var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={StorePath}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version VALUES (99)";
            command.ExecuteNonQuery();
        }
        var e = Assert.Throws<InvalidOperationException>(() => BellwetherStore.Open(StorePath));
        Assert.Contains("newer", e.Message);
    }

    [Fact]
    public void The_same_instrument_from_two_files_in_one_import_is_refused()
    {
        var a = Path.Combine(_dir, "a");
        var b = Path.Combine(_dir, "b");
        Directory.CreateDirectory(a);
        Directory.CreateDirectory(b);
        foreach (var d in new[] { a, b })
            File.WriteAllText(Path.Combine(d, "xyz_daily.csv"), "date,open,high,low,close,volume,source\n2025-01-02,10,11,9,10.5,100,s\n");
        using var store = BellwetherStore.Open(StorePath);
        var e = Assert.Throws<ImportException>(() => store.Import(Read(a, b), DateTimeOffset.UnixEpoch));
        Assert.Contains("XYZ", e.Message);
        Assert.Empty(store.Status());
    }
}
