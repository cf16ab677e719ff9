using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Streaming;
using Bellwether.Core.Study.Readiness;
using Bellwether.Data.Market;
using Bellwether.Data.Thesis;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Study;

/// <summary>
/// The report's weekly readiness chart reads its points from the daily readiness components
/// (<see cref="ReadinessComponents.Weekly"/>): they are the batch history's (<see cref="ThesisBoard.History"/>, a board
/// per Friday) point for point. On the excerpt in both tiers (its last 120 days).
/// </summary>
public class ReadinessWeeklyTests
{
    [Fact]
    public void Weekly_points_are_the_batch_boards_of_every_friday()
    {
        var data = new StoreMarketData(Excerpt.OpenStore());
        var thesis = ThesisFile.LoadDefault(Concepts.Signals);
        var last = MarketFeed.LastDay(data);
        var (componentsFrom, weeklyFrom) = (last.AddDays(-120), last.AddDays(-100));
        var components = ReadinessHistory.Build(thesis, data, Concepts.Signals, componentsFrom, last);
        var weekly = components.Weekly(weeklyFrom);
        var batch = ThesisBoard.History(thesis, data, weeklyFrom, last, Concepts.Signals);
        Assert.True(batch.Count >= 14, $"{batch.Count} Fridays: too few to compare");
        Assert.Equal(batch.Select(p => p.Date), weekly.Select(p => p.Date));
        foreach (var (b, w) in batch.Zip(weekly))
        {
            Assert.Equal(b.Readiness, w.Readiness);
            Assert.Equal(b.Counted, w.Counted);
            Assert.Equal(b.States, w.States);
            Assert.Equal(b.Stale, w.Stale);
        }
        Assert.Contains(weekly, p => !double.IsNaN(p.Readiness));
        Assert.Contains(weekly, p => p.Stale.Contains(true) || p.States.Contains(SignalState.NotMeasurable));
    }
}
