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
/// Two ranking lists whose names differ only in case ("top" and "TOP") are one list to the ranking timeline
/// (<see cref="RankingTimeline"/> groups names case-insensitively). The stream's Altcoin Season Index groups its
/// rankings per list name as they arrive (names compared exactly), so with such lists it falls back to grouping every
/// ranking row afresh (<c>StreamAltcoinIndex.KnownBy</c>): the streamed <c>altseason</c> reading still equals the batch
/// board's on every day. One difference is pinned: the merged list's name. The batch names it by the spelling that
/// sorts first among all the data's rankings ("TOP"), later ones included; the stream knows only the rankings arrived,
/// so until the second spelling arrives its ranking input reads "top". Inputs are compared ignoring case.
/// Synthetic, seeded data: six coins and the benchmark over 240 days, rankings every 20 days alternating the names.
/// </summary>
public class RankingListCaseTests
{
    private const string Thesis = """
        name: case test
        description: one Altcoin Season Index signal
        signals:
          - id: alts
            title: Altcoin Season Index (30 days, top 4)
            kind: altseason
            weight: 1
            params: { window_days: 30, top: 4 }
            supports: { value: ">= 50" }
        """;

    [Fact]
    public void Lists_named_alike_but_for_case_stream_as_the_batch_reads_them()
    {
        var data = Synthetic();
        var thesis = ThesisFile.Read(Thesis, "case.yaml", Concepts.Signals);
        var last = data.ClosesOfClass(AssetClass.Crypto)[0].Dates[^1];
        var feed = new MarketFeed(data, thesis, Concepts.Signals, last);
        var streamed = new List<BoardResult>();
        feed.Run(feed.First, last, feed.First, streamed.Add);
        Assert.Equal(last.DayNumber - feed.First.DayNumber + 1, streamed.Count);
        var renamed = 0;
        foreach (var board in streamed)
        {
            var batch = ThesisBoard.Evaluate(thesis, data, board.AsOf, Concepts.Signals);
            StreamAssert.Equal(InputsUpperCase(batch), InputsUpperCase(board));
            if (!batch.Signals[0].Inputs.SequenceEqual(board.Signals[0].Inputs)) renamed++;
        }
        // The 20 days of the first ranking ("top"), before "TOP" arrives on day 20.
        Assert.Equal(20, renamed);
        Assert.True(streamed.Count(b => b.Signals[0].State != SignalState.NotMeasurable) > 100,
            "too few measurable days to compare");
        Assert.Contains(streamed.SelectMany(b => b.Signals[0].Inputs),
            i => i.Id.Equals("top", StringComparison.OrdinalIgnoreCase));
    }

    private static BoardResult InputsUpperCase(BoardResult board) => board with
    {
        Signals = [.. board.Signals.Select(s =>
            s with { Inputs = [.. s.Inputs.Select(i => i with { Id = i.Id.ToUpperInvariant() })] })],
    };

    private static RankedData Synthetic()
    {
        var random = new Random(15);
        var start = new DateOnly(2024, 1, 1);
        string[] symbols = ["BTC", "AAA", "BBB", "CCC", "DDD", "EEE", "FFF"];
        var series = symbols.Select(symbol =>
        {
            double price = 100;
            var dates = Enumerable.Range(0, 240).Select(start.AddDays).ToArray();
            var closes = dates.Select(_ => price *= Math.Exp(0.04 * (random.NextDouble() - 0.5))).ToArray();
            return DailySeries.OfCloses(new Instrument(symbol, AssetClass.Crypto, "USD", 1, CalendarKind.EveryDay),
                [.. dates], [.. closes], "synthetic");
        }).ToArray();
        // Every 20 days a ranking of all seven, in a shuffled order, under "top" and "TOP" in turn.
        var rankings = Enumerable.Range(0, 12).SelectMany(k => symbols.OrderBy(_ => random.Next())
            .Select((symbol, r) => new RankedCoin(start.AddDays(20 * k), r + 1, symbol, null, 1e9 / (r + 1),
                k % 2 == 0 ? "top" : "TOP"))).ToList();
        return new RankedData(series, rankings);
    }

    /// <summary>Coins and rankings in memory.</summary>
    private sealed class RankedData(DailySeries[] series, List<RankedCoin> rankings) : IMarketData
    {
        private readonly SharedStructures _shared = new();

        public DailySeries? Series(string id) =>
            series.FirstOrDefault(s => s.Instrument.Id.Equals(id, StringComparison.OrdinalIgnoreCase));

        public FlowTable? Flows(string id) => null;

        public IReadOnlyList<DailySeries> ClosesOfClass(AssetClass assetClass) =>
            [.. series.Where(s => s.Instrument.Class == assetClass)];

        public IReadOnlyList<RankedCoin> Rankings(string? list = null) =>
            [.. rankings.Where(r => list is null || r.Source == list).OrderBy(r => r.Source, StringComparer.Ordinal)
                .ThenBy(r => r.Date).ThenBy(r => r.Rank)];

        public IReadOnlyList<CoinClassification> Classifications(string? list = null) => [];

        public T Shared<T>(SharedKey<T> key, Func<IMarketData, T> build) where T : class =>
            _shared.GetOrBuild(key, () => build(this));
    }
}
