using Bellwether.Core.Alerts;
using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Streaming;
using Bellwether.Data.Alerts;
using Bellwether.Data.Market;
using Bellwether.Data.Thesis;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Alerts;

/// <summary>
/// Alerts on the stream: the day boards a stream closes (<see cref="StreamingBoard.Close"/>) give exactly the
/// notifications, byte for byte as JSON (the webhook body), and the same engine memory as the batch boards of
/// <see cref="AlertReplay.Boards"/>, for the shipped rules and for rules of every condition kind, over the last two
/// years of the data and two weeks past its end (staleness). On the excerpt without BELLWETHER_DATA, on all data
/// with it.
/// </summary>
public class AlertStreamEqualityTests
{
    private static readonly Lazy<StoreMarketData> Data = new(() => new StoreMarketData(TestData.OpenStore()));

    public static TheoryData<string> Rules() => ["alerts/example.yaml", "tests/fixtures/alerts/every-kind.yaml"];

    [Theory]
    [MemberData(nameof(Rules))]
    public void The_streamed_day_boards_give_the_notifications_of_the_batch_boards(string rules)
    {
        var thesis = ThesisFile.LoadDefault(Concepts.Signals);
        var file = AlertRulesFile.LoadFor(Path.Combine(Reference.RepoRoot, rules), thesis, Concepts.Signals);
        var data = Data.Value;
        var end = MarketFeed.LastDay(data);
        var (from, to) = (end.AddDays(-730), end.AddDays(14));
        var feed = new MarketFeed(data, thesis, Concepts.Signals, to);
        if (from < feed.First) from = feed.First;
        var streamed = new List<BoardResult>();
        feed.Run(feed.Start(from), to, from, streamed.Add);
        var batch = AlertReplay.Boards(thesis, data, from, to, Concepts.Signals);
        var (expected, expectedMemory) = AlertTexts.Replay(file.Rules, batch, thesis.Name);
        var (actual, actualMemory) = AlertTexts.Replay(file.Rules, streamed, thesis.Name);
        Assert.True(expected.Count > 20, $"only {expected.Count} notifications: the rules test too little");
        Assert.Equal(expected, actual);
        Assert.Equal(expectedMemory, actualMemory);
    }
}
