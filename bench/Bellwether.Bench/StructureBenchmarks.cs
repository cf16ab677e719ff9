using Bellwether.Core.Series;
using Bellwether.Core.Structure.Breakout;
using Bellwether.Core.Structure.Trendlines;
using Bellwether.Data.Import;
using BenchmarkDotNet.Attributes;

namespace Bellwether.Bench;

/// <summary>Market-structure detection over the whole Russell 2000 history (1987–2025, about 9,650 sessions).</summary>
[MemoryDiagnoser]
public class StructureBenchmarks
{
    private DailySeries _rut = null!;
    private DateOnly[] _monthEnds = [];

    [GlobalSetup]
    public void Setup()
    {
        var file = Path.Combine(BenchData.Folder, "markets", "rut_daily.csv");
        _rut = Importers.ReadAll([file], new ImportOptions()).Single().Series.Single();
        _monthEnds = Enumerable.Range(0, _rut.Count)
            .Where(i => i == _rut.Count - 1 || _rut.Dates[i + 1].Month != _rut.Dates[i].Month)
            .Select(i => _rut.Dates[i]).ToArray();
    }

    /// <summary>The multi-year-high track over the whole history plus the zones and their machines, as of the last day.</summary>
    [Benchmark, BenchmarkCategory("structure_breakout_rut")]
    public int Breakout() => BreakoutAnalysis.AsOf(_rut, _rut.Dates[^1], BreakoutAnalysisParameters.Default).Events.Count;

    /// <summary>Resistance and support trendlines (6-month lookback) as of every month end of the history, point in time.</summary>
    [Benchmark, BenchmarkCategory("structure_trendline_rut")]
    public int Trendlines()
    {
        int lines = 0;
        var parameters = new TrendlineParameters();
        foreach (var d in _monthEnds)
            lines += TrendlineFinder.AsOf(_rut, d, TrendlineSide.Resistance, parameters).Lines.Count
                     + TrendlineFinder.AsOf(_rut, d, TrendlineSide.Support, parameters).Lines.Count;
        return lines;
    }
}
