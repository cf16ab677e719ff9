using Bellwether.Core.Structure.Breakout;
using Bellwether.Core.Study.EventStudy;
using Bellwether.Core.Study.Events;
using Xunit;

namespace Bellwether.Core.Tests.Study;

public class ExploreTests(ITestOutputHelper output)
{
    [Fact]
    public void Explore()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var real = StudyData.Real;
        output.WriteLine($"load {sw.ElapsedMilliseconds} ms"); sw.Restart();
        var assets = StudyData.Assets;
        output.WriteLine($"assets {sw.ElapsedMilliseconds} ms; basket {assets.Basket.Level.First} {assets.Basket.Level.Values[^1]} dropped {assets.Basket.DroppedCoinDays} unpriced {assets.Basket.UnpricedDays}"); sw.Restart();
        var source = new BreakoutEventSource("rut_breakout", real.Rut, BreakoutAnalysisParameters.Default);
        var result = EventStudy.Run(source, assets.All, real.End, EventStudyParameters.Default);
        output.WriteLine($"study {sw.ElapsedMilliseconds} ms"); sw.Restart();
        foreach (var e in result.Events)
            output.WriteLine($"{e.Event.Date} {e.Event.Description} | " + string.Join(" ", e.Forward.Where(f => f.Days == 180).Select(f => $"{f.Asset}={f.Value:0.000}/{f.MaxValue:0.000}")));
        foreach (var s in result.Summaries)
            output.WriteLine($"{s.Asset} {s.Days}: n={s.Events} ind={s.IndependentEvents} mean={s.Mean:0.000} base={s.BaselineMean:0.000} ci=[{s.CiLow:0.000},{s.CiHigh:0.000}] p={s.PValue:0.000} holm={s.PHolm:0.000} hit={s.HitRate:0.00}/{s.BaselineHitRate:0.00} L={s.MeanBlockLength}");
        foreach (var w in result.Warnings) output.WriteLine(w);
    }
}
