using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Core.Universe;
using Bellwether.Data.Import;
using BenchmarkDotNet.Attributes;

namespace Bellwether.Bench;

/// <summary>
/// altseason_history: the Altcoin Season Index for every day from 2018-01-01 to Bitcoin's last close, N = 90, for
/// K = 50 and K = 100, starting from series already in memory (the pandas side likewise reads its files untimed).
/// </summary>
[MemoryDiagnoser]
public class AltcoinSeasonBenchmarks
{
    private List<DailySeries> _coins = [];
    private List<RankedCoin> _rankings = [];
    private List<CoinClassification> _flags = [];

    [GlobalSetup]
    public void Setup()
    {
        var files = Importers.ExpandPaths([Path.Combine(BenchData.Folder, "crypto")], []);
        var parsed = Importers.ReadAll(files, new ImportOptions(SkipBad: true));
        _coins = parsed.SelectMany(p => p.Series).Where(s => s.Instrument.Class == AssetClass.Crypto && s.Count > 0).ToList();
        _rankings = parsed.SelectMany(p => p.Rankings).ToList();
        _flags = parsed.SelectMany(p => p.Classifications).ToList();
    }

    /// <summary>Prepares the index (close layout, rankings, exclusions) and computes both histories.</summary>
    [Benchmark, BenchmarkCategory("altseason_history")]
    public int FullHistoryTop50AndTop100()
    {
        var index = new AltcoinSeasonIndex(_coins, _rankings, _flags);
        var last = index.BenchmarkRange!.Value.Last;
        var from = new DateOnly(2018, 1, 1);
        return index.History(from, last, new AltcoinSeasonParameters(90, 50)).Length
               + index.History(from, last, new AltcoinSeasonParameters(90, 100)).Length;
    }
}
