using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Streaming;
using Bellwether.Core.Study.Readiness;
using Bellwether.Data.Market;
using Bellwether.Data.Thesis;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Streaming;

/// <summary>
/// The daily readiness components the backtest, study and report read (<see cref="ReadinessHistory.Build"/>, one
/// stream over the data): every signal's and variant's state and score on every day are the batch board's
/// (<see cref="ThesisBoard.Evaluate"/> of a thesis holding that signal alone, as of that day), and reading every N
/// days keeps each reading until the next. On the excerpt in both tiers (its last 200 days).
/// </summary>
public class StreamedReadinessTests
{
    private static readonly SignalVariant[] Variants =
        [new("rut_resistance", "buffer_pct", "2"), new("btc_drawdown", "by", "close")];

    [Fact]
    public void Every_signal_and_variant_is_the_batch_board_of_every_day()
    {
        var data = new StoreMarketData(Excerpt.OpenStore());
        var thesis = ThesisFile.LoadDefault(Concepts.Signals);
        var last = MarketFeed.LastDay(data);
        var from = last.AddDays(-200);
        var components = ReadinessHistory.Build(thesis, data, Concepts.Signals, from, last, Variants);
        Assert.Equal(201, components.Days);
        var expected = thesis.Signals.Select(s => (Variant: "", Spec: s)).Concat(Variants.Select(v =>
        {
            var spec = thesis.Signals.Single(s => s.Id == v.SignalId);
            return (v.Name,
                spec with { Parameters = new Dictionary<string, string>(spec.Parameters) { [v.Parameter] = v.Value } });
        }));
        int supports = 0;
        foreach (var (variant, spec) in expected)
        {
            var actual = components.Signals.Concat(components.Variants)
                .Single(x => x.SignalId == spec.Id && x.Variant == variant);
            var alone = thesis with { Signals = [spec] };
            var boards = new BoardResult[components.Days];
            Parallel.For(0, boards.Length,
                d => boards[d] = ThesisBoard.Evaluate(alone, data, from.AddDays(d), Concepts.Signals));
            for (int d = 0; d < boards.Length; d++)
            {
                Assert.True(boards[d].Signals[0].State == actual.States[d],
                    $"{spec.Id} {variant} on {from.AddDays(d):yyyy-MM-dd}: batch {boards[d].Signals[0].State}, " +
                    $"streamed {actual.States[d]}");
                Assert.Equal(boards[d].Breakdown[0].Score, actual.Scores[d]);
            }
            supports += actual.States.Count(s => s == SignalState.Supports);
        }
        Assert.True(supports > 0, "no signal supports on any day: nothing to compare");
    }

    [Fact]
    public void Reading_every_n_days_keeps_each_reading_until_the_next()
    {
        var data = new StoreMarketData(Excerpt.OpenStore());
        var thesis = ThesisFile.LoadDefault(Concepts.Signals);
        var last = MarketFeed.LastDay(data);
        var from = last.AddDays(-60);
        var daily = ReadinessHistory.Build(thesis, data, Concepts.Signals, from, last, Variants);
        var weekly = ReadinessHistory.Build(thesis, data, Concepts.Signals, from, last, Variants, every: 7);
        foreach (var (d, w) in daily.Signals.Concat(daily.Variants).Zip(weekly.Signals.Concat(weekly.Variants)))
            for (int day = 0; day < daily.Days; day++)
            {
                Assert.Equal(d.States[day - day % 7], w.States[day]);
                Assert.Equal(d.Scores[day - day % 7], w.Scores[day]);
            }
    }
}
