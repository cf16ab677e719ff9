using Bellwether.Core.Board;
using Bellwether.Core.Instruments;
using Bellwether.Core.Measurements;
using Bellwether.Core.Signals;
using Bellwether.Core.Streaming;
using Bellwether.Core.Study.Readiness;
using Bellwether.Data.Market;
using Bellwether.Data.Store;
using Bellwether.Data.Thesis;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Bellwether.Bench;

/// <summary>
/// stream_append_day: the default thesis fed up to the day before the store's last day; one run feeds the last day
/// (every input's new rows, ≈ 360 instruments' closes) and reads the board, against the batch board of that day on
/// freshly loaded data (its shared whole-history structures built inside, as a <c>board</c> command does).
/// stream_daily_history: the default thesis's board on every day from 2018-01-01 to 2025-12-31 by the stream (fed from
/// its warm-up before the first day), as <see cref="ReadinessHistory.Build"/> does for backtest, study and report,
/// against the batch daily readiness they read before: each signal's board every day, in parallel, on whole-history
/// structures built once.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory), CategoriesColumn]
public class StreamingBenchmarks
{
    private static readonly DateOnly HistoryFrom = new(2018, 1, 1), HistoryTo = new(2025, 12, 31);
    private string _path = "";
    private BellwetherStore _store = null!;
    private StoreMarketData _data = null!;
    private ThesisDefinition _thesis = null!;
    private MarketFeed _feed = null!;
    private DateOnly _last;

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"bench-stream-{Guid.NewGuid():N}.duckdb");
        _store = BenchData.ImportedStore(_path);
        _thesis = ThesisFile.LoadDefault(Concepts.Signals);
        _data = Loaded();
        _last = MarketFeed.LastDay(_data);
    }

    private StoreMarketData Loaded()
    {
        var data = new StoreMarketData(_store);
        foreach (var i in _store.Instruments())
            if (i.Class == AssetClass.EtfFlows) data.Flows(i.Id);
            else data.Series(i.Id);
        data.ClosesOfClass(AssetClass.Crypto);
        data.Rankings();
        data.Classifications();
        return data;
    }

    [IterationSetup(Targets = [nameof(StreamAppendDay)])]
    public void FeedToTheDayBefore()
    {
        _feed = new MarketFeed(_data, _thesis, Concepts.Signals, _last);
        _feed.Run(_feed.First, _last.AddDays(-1), _last, null);
    }

    [IterationSetup(Targets = [nameof(BatchBoardOfTheDay)])]
    public void LoadAgain() => _data = Loaded();

    [Benchmark, BenchmarkCategory("stream_append_day")]
    public double StreamAppendDay()
    {
        _feed.Feed(_last);
        return _feed.Board.Close(_last)!.Readiness;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("stream_append_day")]
    public double BatchBoardOfTheDay() => ThesisBoard.Evaluate(_thesis, _data, _last, Concepts.Signals).Readiness;

    [Benchmark, BenchmarkCategory("stream_daily_history")]
    public double StreamDailyHistory()
    {
        var feed = new MarketFeed(_data, _thesis, Concepts.Signals, _last);
        double sum = 0;
        feed.Run(feed.Start(HistoryFrom), HistoryTo, HistoryFrom, b => sum += b.Counted);
        return sum;
    }

    /// <summary>The batch daily history (how <see cref="ReadinessHistory.Build"/> worked before it streamed): each
    /// signal's board, a thesis holding it alone, on every day, days in parallel.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("stream_daily_history")]
    public double BatchDailyHistory()
    {
        var data = Loaded();
        var counted = new double[HistoryTo.DayNumber - HistoryFrom.DayNumber + 1];
        Parallel.For(0, counted.Length, d =>
        {
            foreach (var spec in _thesis.Signals)
                counted[d] += ThesisBoard.Evaluate(_thesis with { Signals = [spec] }, data, HistoryFrom.AddDays(d),
                    Concepts.Signals).Counted;
        });
        return counted.Sum();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        File.Delete(_path);
    }
}

/// <summary>
/// stream_synthetic: a seeded universe of 10,000 instruments (geometric random walks) and one benchmark, fed day by
/// day for 1,000 days; per instrument the O(1) states a default-thesis measurement set needs per bar: the drawdown's
/// running peak, and rolling correlations of log returns against the benchmark over 90 and 365 observations
/// (<see cref="RollingCorrelation"/>). Reported: instrument-measurement updates per second on one core (3 per
/// instrument per day) and the states' memory per instrument (printed by <see cref="Setup"/>).
/// </summary>
public class SyntheticStreamBenchmarks
{
    private const int Instruments = 10_000, Days = 1_000;
    private double[] _returns = [], _benchmark = [];
    private RollingCorrelation[] _short = [], _long = [];
    private double[] _peak = [], _level = [], _drawdown = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(15);
        _benchmark = [.. Enumerable.Range(0, Days).Select(_ => 0.03 * (random.NextDouble() - 0.5))];
        _returns = new double[Instruments * Days];
        for (int d = 0; d < Days; d++)
            for (int i = 0; i < Instruments; i++)
                _returns[d * Instruments + i] = 0.8 * _benchmark[d] + 0.04 * (random.NextDouble() - 0.5);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        Fresh();
        long after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// stream_synthetic: state memory per instrument {(after - before) / (double)Instruments:0} bytes");
    }

    private void Fresh()
    {
        _short = [.. Enumerable.Range(0, Instruments).Select(_ => new RollingCorrelation(90))];
        _long = [.. Enumerable.Range(0, Instruments).Select(_ => new RollingCorrelation(365))];
        (_peak, _level, _drawdown) = (new double[Instruments], new double[Instruments], new double[Instruments]);
        Array.Fill(_level, 100.0);
    }

    /// <summary>Every instrument's three states fed every day: 30 million instrument-measurement updates.</summary>
    [Benchmark(OperationsPerInvoke = 3 * Instruments * Days), BenchmarkCategory("stream_synthetic")]
    public double FeedEveryDay()
    {
        Fresh();
        for (int d = 0; d < Days; d++)
        {
            double b = _benchmark[d];
            for (int i = 0; i < Instruments; i++)
            {
                double r = _returns[d * Instruments + i];
                double level = _level[i] *= Math.Exp(r);
                if (level >= _peak[i]) _peak[i] = level;
                _drawdown[i] = level / _peak[i] - 1;
                _short[i].Add(r, b);
                _long[i].Add(r, b);
            }
        }
        return _drawdown[0] + _short[0].Correlation + _long[0].Correlation;
    }
}
