using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Core.Structure.Breakout;
using Bellwether.Core.Study.Basket;
using Bellwether.Core.Study.Events;
using Bellwether.Core.Study.EventStudy;
using Bellwether.Core.Study.Paths;
using Bellwether.Data.Import;
using BenchmarkDotNet.Attributes;

namespace Bellwether.Bench;

/// <summary>
/// study_events: the event study of the Russell 2000 breakouts (events from the breakout detector over the whole
/// RUT history) over 5 assets and 4 horizons with 10,000 stationary-bootstrap resamples each, from assets already
/// built (the pandas side likewise starts from its series in memory).
/// </summary>
[MemoryDiagnoser]
public class StudyBenchmarks
{
    private StudyAssets _assets = null!;
    private DailySeries _rut = null!;

    [GlobalSetup]
    public void Setup()
    {
        var files = Importers.ExpandPaths([Path.Combine(BenchData.Folder, "crypto"), Path.Combine(BenchData.Folder, "markets", "rut_daily.csv")], []);
        var parsed = Importers.ReadAll(files, new ImportOptions(SkipBad: true));
        var series = parsed.SelectMany(p => p.Series).Where(s => s.Count > 0).ToList();
        var coins = series.Where(s => s.Instrument.Class == AssetClass.Crypto).ToList();
        _rut = series.Single(s => s.Instrument.Id == "RUT");
        var end = coins.Single(c => c.Instrument.Id == "BTC").Dates[^1];
        _assets = StudyAssets.Build(coins, parsed.SelectMany(p => p.Rankings), parsed.SelectMany(p => p.Classifications), end,
            new AltcoinBasketParameters(), new AltcoinSeasonParameters());
    }

    [Benchmark, BenchmarkCategory("study_events")]
    public int EventStudy10kResamples()
    {
        var source = new BreakoutEventSource("rut_breakout", _rut, BreakoutAnalysisParameters.Default);
        var result = EventStudy.Run(source, _assets.All, _assets.Btc.Last, EventStudyParameters.Default);
        return result.Summaries.Count;
    }
}
