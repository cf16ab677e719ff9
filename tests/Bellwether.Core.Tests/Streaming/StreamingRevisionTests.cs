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
/// Revisions, late data and snapshots: a stream that receives wrong values, late rankings and corrections on random
/// (seeded) days ends in the state of a stream that never saw them (its snapshot byte for byte) and reads as the batch
/// board; a stream resumed from a snapshot equals one that ran through; a snapshot of another format is refused.
/// </summary>
public class StreamingRevisionTests
{
    /// <summary>The excerpt in both tiers: three streams per test replay it from its first day (the equality tests
    /// cover all of the data).</summary>
    private static readonly Lazy<StoreMarketData> Data = new(() =>
        new StoreMarketData(Excerpt.OpenStore()));
    private static readonly Lazy<ThesisDefinition> Thesis = new(() => ThesisFile.LoadDefault(Concepts.Signals));

    /// <summary>The last 400 days of the data: long enough for every window to be full on the excerpt.</summary>
    private static (MarketFeed Feed, DateOnly From, DateOnly Last) Open(int checkpointEvery = 16)
    {
        var last = MarketFeed.LastDay(Data.Value);
        var feed = new MarketFeed(Data.Value, Thesis.Value, Concepts.Signals, last, checkpointEvery);
        var from = last.AddDays(-400) > feed.First ? last.AddDays(-400) : feed.First;
        return (feed, from, last);
    }

    [Fact]
    public void Revised_bars_flows_and_late_rankings_end_in_the_state_of_a_run_without_them()
    {
        var (clean, from, last) = Open();
        clean.Run(clean.First, last, last, null);
        var (revised, _, _) = Open();
        var random = new Random(15);
        var days = Enumerable.Range(0, 12).Select(_ => from.AddDays(random.Next(last.DayNumber - from.DayNumber))).ToHashSet();
        var board = revised.Board;
        int revisions = 0;
        var checkedDays = new List<BoardResult>();
        var reversedRankings = new List<(string List, DateOnly Date)>();
        var revisedBars = new List<(Bellwether.Core.Instruments.Instrument Instrument, DateOnly Date)>();
        for (var d = revised.First; d <= last; d = d.AddDays(1))
        {
            revised.Feed(d);
            if (days.Contains(d.AddDays(-1)))
            {
                // Yesterday's wrong rows are corrected today.
                foreach (var (instrument, date) in revisedBars)
                {
                    var stored = Data.Value.Series(instrument.Id)!;
                    board.Bar(instrument, stored[stored.IndexOf(date)], d);
                }
                revisedBars.Clear();
                foreach (var (list, date) in reversedRankings)
                    board.Ranking([.. Data.Value.Rankings(list).Where(r => r.Date == date)]);
                reversedRankings.Clear();
            }
            if (days.Contains(d))
            {
                revisions++;
                foreach (var s in board.Data.AllSeries.Where(s => !s.ClosesOnly && s.Count > 0).ToList())
                {
                    // A replaced last bar and a revised older one.
                    int lastRow = s.CountArrivedBy(d) - 1;
                    if (lastRow < 5) continue;
                    board.Bar(s.Instrument, s[lastRow] with { Close = s[lastRow].Close * 1.07, High = s[lastRow].High * 1.07 }, d);
                    int older = lastRow - 1 - random.Next(Math.Min(30, lastRow));
                    board.Bar(s.Instrument, s[older] with { Close = s[older].Close * 0.9 }, d);
                    revisedBars.Add((s.Instrument, s[lastRow].Date));
                    revisedBars.Add((s.Instrument, s[older].Date));
                }
                foreach (var list in board.Data.RankingLists.Values.ToList())
                {
                    // A late ranking: the latest snapshot again, in reverse order.
                    var latest = list.Where(r => r.Date <= d).GroupBy(r => r.Date).LastOrDefault();
                    if (latest is null) continue;
                    var reversed = latest.Reverse().Select((r, k) => r with { Rank = k + 1 }).ToList();
                    board.Ranking(reversed);
                    reversedRankings.Add((latest.First().Source, latest.Key));
                }
            }
            var result = board.Close(d, read: d > days.Max().AddDays(1));
            if (result is not null) checkedDays.Add(result);
        }
        Assert.True(revisions >= 10);
        Assert.Equal(clean.Board.Snapshot(), board.Snapshot());
        foreach (var day in checkedDays.TakeLast(20))
            StreamAssert.Equal(ThesisBoard.Evaluate(Thesis.Value, Data.Value, day.AsOf, Concepts.Signals), day);
    }

    [Fact]
    public void A_stream_resumed_from_a_snapshot_equals_one_that_ran_through_byte_for_byte()
    {
        var (through, from, last) = Open();
        through.Run(through.First, last, last, null);
        var middle = from.AddDays(150);
        var (first, _, _) = Open();
        first.Run(first.First, middle, middle, null);
        var snapshot = first.Board.Snapshot();

        var (resumed, _, _) = Open();
        for (var d = resumed.First; d <= middle; d = d.AddDays(1)) resumed.Feed(d);
        resumed.Board.Resume(snapshot);
        var boards = new List<BoardResult>();
        resumed.Run(middle.AddDays(1), last, last, boards.Add);
        Assert.Equal(through.Board.Snapshot(), resumed.Board.Snapshot());
        StreamAssert.Equal(ThesisBoard.Evaluate(Thesis.Value, Data.Value, last, Concepts.Signals), Assert.Single(boards));
    }

    [Fact]
    public void A_snapshot_of_another_format_version_or_thesis_is_refused()
    {
        var (feed, _, last) = Open();
        feed.Run(feed.First, feed.First.AddDays(10), last, null);
        var snapshot = feed.Board.Snapshot();
        var other = (byte[])snapshot.Clone();
        BitConverter.TryWriteBytes(other.AsSpan(8, 4), StreamingBoard.SnapshotVersion + 1);
        var e = Assert.Throws<InvalidDataException>(() => Open().Feed.Board.Resume(other));
        Assert.Contains("format", e.Message, StringComparison.Ordinal);
        var thesis = Thesis.Value with { Signals = [.. Thesis.Value.Signals.Skip(1)] };
        var board = new StreamingBoard(thesis, Concepts.Signals, []);
        Assert.Throws<InvalidDataException>(() => board.Resume(snapshot));
        Assert.Throws<InvalidDataException>(() => Open().Feed.Board.Resume([1, 2, 3]));
    }
}
