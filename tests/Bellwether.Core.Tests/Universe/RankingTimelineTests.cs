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
        AssertInForce(new RankingTimeline(Rankings), date, list, rankingDate);

    [Theory]
    [InlineData("2020-01-15", "caps", "2020-01-01")]
    [InlineData("2020-02-29", "caps", "2020-02-01")]
    [InlineData("2020-03-15", "order", "2020-03-01")]  // latest: the fresher March list of "order"
    public void Latest_takes_the_most_recent_ranking(string date, string? list, string? rankingDate) =>
        AssertInForce(new RankingTimeline(Rankings, null, RankingCombination.Latest), date, list, rankingDate);

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
