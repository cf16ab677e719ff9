using Bellwether.Data.Import;
using Bellwether.Data.Store;
using BenchmarkDotNet.Attributes;

namespace Bellwether.Bench;

/// <summary>Foundation entries: CSV parse throughput and a full import into a fresh store.</summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private List<string> _files = [];
    private List<string> _crypto = [];

    [GlobalSetup]
    public void Setup()
    {
        _files = Importers.ExpandPaths([BenchData.Folder], []);
        _crypto = _files.Where(f => f.Contains("/crypto/daily/", StringComparison.Ordinal)).ToList();
    }

    /// <summary>Parses and validates every crypto daily file (about 433,000 rows) on all cores.</summary>
    [Benchmark, BenchmarkCategory("csv_parse")]
    public int ParseCryptoDaily() => Importers.ReadAll(_crypto, new ImportOptions(SkipBad: true)).Sum(p => p.RowsRead);

    /// <summary>Reads the whole data folder and upserts it into a new store file.</summary>
    [Benchmark, BenchmarkCategory("import_full")]
    public long ImportFull()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.duckdb");
        try
        {
            var parsed = Importers.ReadAll(_files, new ImportOptions(SkipBad: true));
            using var store = BellwetherStore.Open(path);
            return store.Import(parsed, DateTimeOffset.UnixEpoch).Inserted;
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + ".wal");
        }
    }
}
