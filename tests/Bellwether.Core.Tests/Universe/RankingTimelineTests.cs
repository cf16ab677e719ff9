using Bellwether.Core.Universe;
using Xunit;

namespace Bellwether.Core.Tests.Universe;

public class RankingTimelineTests
{
    // List "caps" carries market caps (2020-01, 2020-02); list "order" gives only an order (2019-12, 2020-01, 2020-03).
    private static readonly RankedCoin[] Rankings =
    [
        new(new(2020, 1, 1), 1, "BTC", null, 1e11, "caps"), new(new(2020, 1, 1), 2, "ETH", null, 1e10, "caps"),
        new(new(2020, 2, 1), 2, "XRP", null, 1e10, "caps"), new(new(2020, 2, 1), 1, "BTC", null, 1e11, "caps"),
        new(new(2019, 12, 1), 1, "BTC", null, double.NaN, "order"), new(new(2020, 1, 1), 1, "BTC", null, double.NaN, "order"),
        new(new(2020, 3, 1), 1, "BTC", null, double.NaN, "order"),
    ];

    [Fact]
    public void Lists_with_market_caps_come_first_by_default()
    {
        var t = new RankingTimeline(Rankings);
        Assert.Equal(["caps", "order"], t.Lists);
        Assert.Equal(["BTC", "XRP"], t.InForce(new(2020, 2, 1))!.Coins.Select(c => c.Symbol));
    }

    [Theory]
    [InlineData("2019-11-30", null, null)]
    [InlineData("2019-12-15", "order", "2019-12-01")]
    [InlineData("2020-01-01", "caps", "2020-01-01")]   // tie on the date: the list with caps wins
    [InlineData("2020-01-31", "caps", "2020-01-01")]
    [InlineData("2020-03-15", "caps", "2020-02-01")]   // priority: caps keeps its stale February list
    public void Priority_uses_a_later_list_only_before_the_first_one_starts(string date, string? list, string? rankingDate) =>
        AssertInForce(new RankingTimeline(Rankings, null, RankingCombination.Priority), date, list, rankingDate);

    [Theory]
    [InlineData("2020-01-15", "caps", "2020-01-01")]
    [InlineData("2020-02-29", "caps", "2020-02-01")]
    [InlineData("2020-01-01", "caps", "2020-01-01")]   // tie on the date: the list with caps wins
    [InlineData("2020-03-15", "order", "2020-03-01")]  // latest: the fresher March list of "order"
    public void Latest_takes_the_most_recent_ranking_by_default(string date, string? list, string? rankingDate) =>
        AssertInForce(new RankingTimeline(Rankings), date, list, rankingDate);

    // Three lists share 2020-03-01: "zcaps" (market caps), "snap" (a collected snapshot list, with its time) and
    // "order"; "snap" alone has 2020-03-02. Names are chosen so that alphabetical order would give the opposite result.
    private static readonly RankedCoin[] SharedDates =
    [
        .. Rankings,
        new(new(2020, 3, 1), 1, "ETH", null, 1e10, "zcaps"),
        new(new(2020, 3, 1), 1, "SOL", null, double.NaN, "snap", new DateTime(2020, 3, 1, 10, 0, 0, DateTimeKind.Utc)),
        new(new(2020, 3, 2), 1, "SOL", null, double.NaN, "snap", new DateTime(2020, 3, 2, 11, 0, 0, DateTimeKind.Utc)),
    ];

    [Theory]
    [InlineData("2020-03-01", "zcaps", "2020-03-01")]  // caps beat a snapshot list and an order-only list
    [InlineData("2020-03-02", "snap", "2020-03-02")]   // the newest ranking of any list
    public void Shared_dates_go_to_market_caps_then_snapshot_lists_then_order_only(string date, string list, string rankingDate)
    {
        var t = new RankingTimeline(SharedDates);
        Assert.Equal(["caps", "zcaps", "snap", "order"], t.Lists);
        AssertInForce(t, date, list, rankingDate);
        // Without the caps list, the snapshot list beats the order-only one on their shared date.
        AssertInForce(new RankingTimeline(SharedDates.Where(r => !r.Source.EndsWith("caps"))), "2020-03-01", "snap", "2020-03-01");
        // A named order overrides the default on shared dates.
        AssertInForce(new RankingTimeline(SharedDates, ["order", "snap"]), "2020-03-01", "order", "2020-03-01");
    }

    [Fact]
    public void Named_priority_reorders_and_drops_lists()
    {
        var t = new RankingTimeline(Rankings, ["ORDER"]);
        Assert.Equal(["order"], t.Lists);
        AssertInForce(t, "2020-02-15", "order", "2020-01-01");
        Assert.Throws<ArgumentException>(() => new RankingTimeline(Rankings, ["nope"]));
    }

    private static void AssertInForce(RankingTimeline t, string date, string? list, string? rankingDate)
    {
        var s = t.InForce(DateOnly.Parse(date));
        Assert.Equal(list, s?.List);
        Assert.Equal(rankingDate is null ? null : DateOnly.Parse(rankingDate), s?.Date);
    }
}
