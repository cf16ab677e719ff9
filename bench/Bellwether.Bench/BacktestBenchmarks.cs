using Bellwether.Core.Backtest.Grid;
using Bellwether.Core.Backtest.Rotation;
using Bellwether.Core.Board;
using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Instruments;
using Bellwether.Core.Measurements;
using Bellwether.Core.Signals;
using Bellwether.Core.Study.Basket;
using Bellwether.Core.Study.Paths;
using Bellwether.Core.Study.Readiness;
using Bellwether.Data.Market;
using Bellwether.Data.Store;
using Bellwether.Data.Thesis;
using BenchmarkDotNet.Attributes;

namespace Bellwether.Bench;

/// <summary>
/// backtest_grid: the default 200-point grid (θ 40–85 × breakout buffer 0.5–3% × correlation window 90–730 days) of
/// the rotation over 2018-01-01 to the last Bitcoin close, in and out of sample, from readiness components computed
/// once per parameter value (setup). readiness_history: computing those components — every signal of the default
/// thesis and every grid variant, evaluated by the board on every day of the span.
/// </summary>
[MemoryDiagnoser]
public class BacktestBenchmarks
{
    private static readonly DateOnly From = new(2018, 1, 1);
    private string _storePath = "";
    private BellwetherStore _store = null!;
    private ThesisDefinition _thesis = null!;
    private GridParameters _grid = null!;
    private StudyAssets _assets = null!;
    private ReadinessComponents _components = null!;

    [GlobalSetup]
    public void Setup()
    {
        _storePath = Path.Combine(Path.GetTempPath(), $"bellwether-bench-{Environment.ProcessId}.duckdb");
        _store = BenchData.ImportedStore(_storePath);
        var crypto = _store.LoadSeriesOfClass(AssetClass.Crypto);
        var end = crypto.Single(c => c.Instrument.Id == "BTC").Dates[^1];
        _assets = StudyAssets.Build(crypto, _store.LoadRankings(), _store.LoadClassifications(), end, new AltcoinBasketParameters(), new AltcoinSeasonParameters());
        _thesis = ThesisFile.LoadDefault(Concepts.Signals);
        _grid = GridParameters.Default(_thesis, Concepts.Signals);
        _components = BuildComponents();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        File.Delete(_storePath);
    }

    private ReadinessComponents BuildComponents() =>
        ReadinessHistory.Build(_thesis, new StoreMarketData(_store), Concepts.Signals, From.AddDays(-1), _assets.Btc.Last,
            _grid.Axes.SelectMany(a => a.Variants).ToList());

    [Benchmark, BenchmarkCategory("backtest_grid")]
    public int Grid200Points() =>
        ParameterGrid.Run(_components, _assets, _grid, new BacktestParameters(new RotationParameters(), From)).Points.Count;

    [Benchmark, BenchmarkCategory("readiness_history")]
    public int ReadinessComponentsForTheGrid() => BuildComponents().Variants.Count;
}
