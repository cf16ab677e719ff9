using Bellwether.Core.Measurements;
using Bellwether.Core.Streaming;
using Bellwether.Core.Study.Readiness;
using Bellwether.Data.Market;
using Bellwether.Data.Thesis;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Streaming;

/// <summary>
/// The daily readiness components the backtest, study and report read, by one stream: every signal's and variant's
/// state and score on every day equal the batch's (<see cref="ReadinessHistory.Build"/> with every day evaluated).
/// On the excerpt in both tiers (its last 200 days).
/// </summary>
public class StreamedReadinessTests
{
    [Fact]
    public void Streamed_components_equal_the_batch_components_every_day()
    {
        var data = new StoreMarketData(Excerpt.OpenStore());
        var thesis = ThesisFile.LoadDefault(Concepts.Signals);
        var last = MarketFeed.LastDay(data);
        var from = last.AddDays(-200);
        SignalVariant[] variants = [new("rut_resistance", "buffer_pct", "2"), new("btc_drawdown", "by", "close")];
        var batch = ReadinessHistory.Build(thesis, data, Concepts.Signals, from, last, variants);
        var streamed = ReadinessHistory.Streamed(thesis, data, Concepts.Signals, from, last, variants);
        Assert.Equal(batch.Days, streamed.Days);
        Assert.Equal(batch.Variants.Select(v => (v.SignalId, v.Variant)), streamed.Variants.Select(v => (v.SignalId, v.Variant)));
        foreach (var (e, a) in batch.Signals.Concat(batch.Variants).Zip(streamed.Signals.Concat(streamed.Variants)))
        {
            Assert.Equal(e.SignalId, a.SignalId);
            Assert.Equal(e.States, a.States);
            for (int d = 0; d < e.Scores.Length; d++)
                Agreement.Close(e.Scores[d], a.Scores[d], 1e-12, $"{e.SignalId} {e.Variant} day {d}");
        }
        var (readinessBatch, readinessStreamed) = (batch.Readiness(), streamed.Readiness());
        Assert.True(readinessBatch.Values.Length > 0 && readinessBatch.Values.Any(double.IsFinite), "no readiness to compare");
        for (int d = 0; d < readinessBatch.Values.Length; d++)
            Agreement.Close(readinessBatch.Values[d], readinessStreamed.Values[d], 1e-12, $"readiness day {d}");
    }
}
