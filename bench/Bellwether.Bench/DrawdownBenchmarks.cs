using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Core.Statistics.Drawdown;
using Bellwether.Data.Import;
using BenchmarkDotNet.Attributes;

namespace Bellwether.Bench;

/// <summary>Drawdown by close and by high: over the real BTC history, and over a 1,000,000-day synthetic series.</summary>
[MemoryDiagnoser]
public class DrawdownBenchmarks
{
    private DailySeries _btc = null!;
    private DailySeries _million = null!;

    [GlobalSetup]
    public void Setup()
    {
        var file = Path.Combine(BenchData.Folder, "crypto", "daily", "BTC.csv");
        _btc = Importers.ReadAll([file], new ImportOptions(SkipBad: true))[0].Series[0];
        // The same deterministic series as bench/pandas/drawdown_1m.py: positive, with many new peaks and falls.
        var start = new DateOnly(1000, 1, 1);
        var bars = new List<DailyBar>(1_000_000);
        for (int i = 0; i < 1_000_000; i++)
        {
            double close = 100 + 50 * Math.Sin(i / 1000.0) + 10 * Math.Sin(i / 37.0) + i * 1e-4;
            bars.Add(new DailyBar(start.AddDays(i), double.NaN, close * 1.01, double.NaN, close, double.NaN, double.NaN, "synthetic"));
        }
        _million = new DailySeries(new Instrument("SYNTH", AssetClass.Crypto, "USD", 1, CalendarKind.EveryDay), bars);
    }

    /// <summary>Every day's drawdown of BTC (about 5,600 days), by close and by high.</summary>
    [Benchmark, BenchmarkCategory("drawdown")]
    public double BtcHistory() =>
        Drawdowns.Compute(_btc, DrawdownBasis.Close)[^1].Drawdown + Drawdowns.Compute(_btc, DrawdownBasis.High)[^1].Drawdown;

    /// <summary>Every day's drawdown of a 1,000,000-day series, by close and by high.</summary>
    [Benchmark, BenchmarkCategory("drawdown_1m")]
    public double MillionDays() =>
        Drawdowns.Compute(_million, DrawdownBasis.Close)[^1].Drawdown + Drawdowns.Compute(_million, DrawdownBasis.High)[^1].Drawdown;
}
