using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Signals;
using Bellwether.Core.Streaming;
using Bellwether.Data.Market;
using Bellwether.Data.Thesis;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Streaming;

/// <summary>
/// The core acceptance of streaming: fed day by day as the data became public, the streamed board equals the batch
/// board as of every day from 2018-01-01 (or the data's first day) to the last: states, labels, since, windows and
/// freshness exactly, numbers to 1e-12 relative. On the excerpt without BELLWETHER_DATA, on all data with it.
/// </summary>
public class StreamingBoardEqualityTests
{
    private static readonly Lazy<StoreMarketData> Data = new(() => new StoreMarketData(TestData.OpenStore()));

    public static TheoryData<string> Theses() => [ThesisFile.DefaultName, "sp500-breakout-bitcoin.yaml"];

    [Theory]
    [MemberData(nameof(Theses))]
    public void The_streamed_board_equals_the_batch_board_on_every_day(string name)
    {
        var thesis = ThesisFile.Read(ThesisFile.Shipped(name), name, Concepts.Signals);
        var data = Data.Value;
        var last = MarketFeed.LastDay(data);
        var first = new MarketFeed(data, thesis, Concepts.Signals, last).First;
        var from = new DateOnly(2018, 1, 1) > first ? new DateOnly(2018, 1, 1) : first;
        // Independent streams over consecutive ranges of days, each fed from its warm-up before its range's start
        // (MarketFeed.Start: every earlier row arrives that day at once): the days run in parallel, and each stream
        // proves that its warm-up is enough.
        const int Ranges = 4;
        int days = last.DayNumber - from.DayNumber + 1;
        var streamed = new BoardResult[days];
        Parallel.For(0, Ranges, k =>
        {
            var (start, end) = (from.AddDays(days * k / Ranges), from.AddDays(days * (k + 1) / Ranges - 1));
            var feed = new MarketFeed(data, thesis, Concepts.Signals, last);
            feed.Run(feed.Start(start), end, start, b => streamed[b.AsOf.DayNumber - from.DayNumber] = b);
        });
        Assert.All(streamed, Assert.NotNull);
        var batch = new BoardResult[days];
        Parallel.For(0, days, i => batch[i] = ThesisBoard.Evaluate(thesis, data, from.AddDays(i), Concepts.Signals));
        for (int i = 0; i < batch.Length; i++) StreamAssert.Equal(batch[i], streamed[i]);
    }
}

/// <summary>Comparing a streamed board with a batch one.</summary>
internal static class StreamAssert
{
    public const double Relative = 1e-12;

    public static void Equal(BoardResult expected, BoardResult actual)
    {
        var day = $"{expected.AsOf:yyyy-MM-dd}";
        Assert.Equal(expected.AsOf, actual.AsOf);
        for (int k = 0; k < expected.Signals.Count; k++)
        {
            var (e, a) = (expected.Signals[k], actual.Signals[k]);
            var what = $"{day} {e.Id}";
            Assert.True(e.State == a.State, $"{what}: state {e.State} expected, streamed {a.State} ({e.Explanation})");
            Assert.True(e.Label == a.Label, $"{what}: label {e.Label} expected, streamed {a.Label}");
            Assert.True(e.Since == a.Since, $"{what}: since {e.Since} expected, streamed {a.Since}");
            Assert.True(e.From == a.From && e.To == a.To, $"{what}: window {e.From}..{e.To} expected, streamed {a.From}..{a.To}");
            Assert.True(e.Stale == a.Stale, $"{what}: stale {e.Stale} expected, streamed {a.Stale}");
            Assert.Equal(e.Inputs, a.Inputs);
            Agreement.Close(e.Value, a.Value, Relative, $"{what} value");
            Assert.Equal(e.Fields.Keys.Order(), a.Fields.Keys.Order());
            foreach (var (key, value) in e.Fields) Agreement.Close(value, a.Fields[key], Relative, $"{what} {key}");
        }
        Agreement.Close(expected.Readiness, actual.Readiness, Relative, $"{day} readiness");
        Agreement.Close(expected.Counted, actual.Counted, Relative, $"{day} counted");
    }
}
