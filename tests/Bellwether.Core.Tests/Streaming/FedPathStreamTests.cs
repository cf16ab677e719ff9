using Bellwether.Core.Board;
using Bellwether.Core.Calendars;
using Bellwether.Core.Flows;
using Bellwether.Core.Instruments;
using Bellwether.Core.Measurements;
using Bellwether.Core.Series;
using Bellwether.Core.Streaming;
using Bellwether.Core.Universe;
using Bellwether.Data.Thesis;
using Xunit;

namespace Bellwether.Core.Tests.Streaming;

/// <summary>
/// The streamed <c>fed_path</c> reads its 14 months from the whole scan of the rate it keeps (where the day's scan
/// meets it) instead of scanning them afresh each day. On a synthetic rate with far more moves than the real one (a
/// step every 4–40 observations, many starting just before, on or inside the 14-month edge, some within another's
/// confirmation) it still equals the batch board every day, for the default parameters and for a confirmation longer
/// than the baseline (moves forgotten with their start can then still cover the first observations kept). Seeded.
/// </summary>
public class FedPathStreamTests
{
    [Theory]
    [InlineData(1, 4, 40, "{ instrument: RATE }")]
    [InlineData(2, 4, 40, "{ instrument: RATE, confirm_observations: 12, baseline_observations: 3 }")]
    [InlineData(3, 5, 8, "{ instrument: RATE, confirm_observations: 12, baseline_observations: 3 }")]
    [InlineData(4, 2, 10, "{ instrument: RATE, confirm_observations: 2, baseline_observations: 2, threshold_pct: 0.05 }")]
    public void Every_day_equals_the_batch_board(int seed, int minGap, int maxGap, string parameters)
    {
        var thesis = ThesisFile.Read($$"""
            name: fed path
            description: the fed funds path alone
            signals:
              - id: fed
                title: Fed path
                kind: fed_path
                weight: 1
                params: {{parameters}}
                supports: { label: easing }
                against: { label: tightening }
            """, "fed.yaml", Concepts.Signals);
        var data = new RateData(Rate(seed, minGap, maxGap));
        var last = data.Rate.Dates[^1];
        var feed = new MarketFeed(data, thesis, Concepts.Signals, last);
        int days = 0, withMoves = 0;
        feed.Run(feed.First, last, feed.First, board =>
        {
            var batch = ThesisBoard.Evaluate(thesis, data, board.AsOf, Concepts.Signals);
            StreamAssert.Equal(batch, board);
            days++;
            if (board.Signals[0].Fields.TryGetValue("cuts_12m", out var cuts)
                && cuts + board.Signals[0].Fields["hikes_12m"] >= 3) withMoves++;
            // The stream builds no explanation for a day it closes; the batch board does.
            if (board.Signals[0].State != SignalState.NotMeasurable)
                Assert.Equal(("", true), (board.Signals[0].Explanation, batch.Signals[0].Explanation.Length > 0));
        });
        Assert.Equal(last.DayNumber - feed.First.DayNumber + 1, days);
        Assert.True(withMoves > days / 2, $"only {withMoves} of {days} days with 3 or more moves in 12 months");
    }

    /// <summary>A rate in percent with a value on most days (some missing, some NaN) over four years: steps of
    /// ±0.1–0.5 pp every <paramref name="minGap"/> to <paramref name="maxGap"/> days with a row, and noise.</summary>
    private static DailySeries Rate(int seed, int minGap, int maxGap)
    {
        var random = new Random(seed);
        var start = new DateOnly(2020, 1, 1);
        var (dates, closes) = (new List<DateOnly>(), new List<double>());
        double level = 2;
        int untilStep = 10;
        for (var d = start; d < start.AddYears(4); d = d.AddDays(1))
        {
            if (random.NextDouble() < 0.15) continue; // no row that day
            if (--untilStep == 0)
            {
                level += (random.Next(2) == 0 ? -1 : 1) * (0.1 + 0.4 * random.NextDouble());
                untilStep = random.Next(minGap, maxGap + 1);
            }
            dates.Add(d);
            closes.Add(random.NextDouble() < 0.02 ? double.NaN : level + 0.03 * (random.NextDouble() - 0.5));
        }
        return DailySeries.OfCloses(new Instrument("RATE", AssetClass.MacroSeries, "percent", 1, CalendarKind.EveryDay),
            [.. dates], [.. closes], "synthetic");
    }

    /// <summary>One rate series in memory.</summary>
    private sealed class RateData(DailySeries rate) : IMarketData
    {
        private readonly SharedStructures _shared = new();

        public DailySeries Rate => rate;

        public DailySeries? Series(string id) => id.Equals("RATE", StringComparison.OrdinalIgnoreCase) ? rate : null;

        public FlowTable? Flows(string id) => null;

        public IReadOnlyList<DailySeries> ClosesOfClass(AssetClass assetClass) => [];

        public IReadOnlyList<RankedCoin> Rankings(string? list = null) => [];

        public IReadOnlyList<CoinClassification> Classifications(string? list = null) => [];

        public T Shared<T>(SharedKey<T> key, Func<IMarketData, T> build) where T : class =>
            _shared.GetOrBuild(key, () => build(this));
    }
}
