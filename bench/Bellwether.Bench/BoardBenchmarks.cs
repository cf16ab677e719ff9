using Bellwether.Core.Board;
using Bellwether.Core.Instruments;
using Bellwether.Core.Measurements;
using Bellwether.Core.Signals;
using Bellwether.Data.Market;
using Bellwether.Data.Store;
using Bellwether.Data.Thesis;
using BenchmarkDotNet.Attributes;

namespace Bellwether.Bench;

/// <summary>
/// board_history: the default thesis's readiness every Friday from 2018-01-01 to 2025-12-31 (417 boards of 18
/// signals), as the report computes it. The store's rows are loaded before each run (untimed); the whole-history
/// structures the kinds share (multi-year-high track, Altcoin Season Index, divergence days, …) are built inside it.
/// No pandas side: the pandas reference of the board takes seconds per date.
/// </summary>
[MemoryDiagnoser]
public class BoardBenchmarks
{
    private string _path = "";
    private BellwetherStore _store = null!;
    private StoreMarketData _data = null!;
    private ThesisDefinition _thesis = null!;

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"bench-board-{Guid.NewGuid():N}.duckdb");
        _store = BenchData.ImportedStore(_path);
        _thesis = ThesisFile.LoadDefault(Concepts.Signals);
    }

    [IterationSetup]
    public void Load()
    {
        _data = new StoreMarketData(_store);
        foreach (var i in _store.Instruments())
            if (i.Class == AssetClass.EtfFlows) _data.Flows(i.Id);
            else _data.Series(i.Id);
        _data.ClosesOfClass(AssetClass.Crypto);
        _data.Rankings();
        _data.Classifications();
    }

    [Benchmark, BenchmarkCategory("board_history")]
    public int WeeklyHistory2018To2025() =>
        ThesisBoard.History(_thesis, _data, new DateOnly(2018, 1, 1), new DateOnly(2025, 12, 31), Concepts.Signals).Count;

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        File.Delete(_path);
    }
}
