using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Series;
using Bellwether.Core.Study.Basket;
using Bellwether.Core.Study.Paths;
using Bellwether.Core.Universe;
using Xunit;
using static Bellwether.Core.Tests.Study.Synthetic;

namespace Bellwether.Core.Tests.Study;

/// <summary>A four-day universe: BTC, a stablecoin, AAA, BBB (its close on day 2 missing), CCC; ranking from day 0.</summary>
public class AltcoinBasketTests
{
    private static readonly double NaN = double.NaN;

    private static readonly AltcoinSeasonIndex Index;
    private static readonly List<DailySeries> Coins =
    [
        Coin("BTC", Day0, 100, 100, 100, 100),
        Coin("USDT", Day0, 1, 1, 1, 1),
        Coin("AAA", Day0, 10, 11, 12.1, 12.1),   // +10%, +10%, 0
        Coin("BBB", Day0, 20, 30, NaN, 15),      // +50%, no close on day 2, …
        Coin("CCC", Day0, 5, 5, 4, 4),           // 0, −20%, 0
    ];

    static AltcoinBasketTests()
    {
        string[] order = ["BTC", "USDT", "AAA", "BBB", "CCC"];
        var ranking = order.Select((s, i) => new RankedCoin(Day0, i + 1, s, null, double.NaN, "L"));
        Index = new(Coins, ranking, [new CoinClassification("USDT", null, true, false, null)]);
    }

    [Fact]
    public void Members_are_the_index_universe_with_a_close_that_day()
    {
        Assert.Equal(["AAA", "BBB"], Index.Members(Day0, 2).Select(m => m.Symbol));
        Assert.Equal(["AAA", "CCC"], Index.Members(Day0.AddDays(2), 2).Select(m => m.Symbol)); // BBB has no close: the next coin
        Assert.Empty(Index.Members(Day0.AddDays(-1), 2));                                     // no ranking yet
    }

    [Fact]
    public void Equal_weight_daily_with_a_coin_missing_its_close_left_out_that_day()
    {
        var b = AltcoinBasket.Build(Index, Coins, Day0, Day0.AddDays(3), new AltcoinBasketParameters(TopCount: 2));
        // Day 1: AAA +10%, BBB +50% → +30%. Day 2: held AAA, BBB (chosen day 1); BBB has no close → AAA +10% only.
        // Day 3: held AAA, CCC (chosen day 2): 0 and 0 → 0.
        Assert.Equal(Day0, b.Level.First);
        Assert.Equal(100, b.Level.Values[0]);
        Assert.Equal(130, b.Level.Values[1], 10);
        Assert.Equal(143, b.Level.Values[2], 10);
        Assert.Equal(143, b.Level.Values[3], 10);
        Assert.Equal([0, 2, 2, 2], b.Held);
        Assert.Equal([0, 2, 1, 2], b.Priced);
        Assert.Equal(1, b.DroppedCoinDays);
        Assert.Equal(0, b.UnpricedDays);
    }

    [Fact]
    public void A_day_without_any_close_has_no_level_and_the_coins_are_kept()
    {
        List<DailySeries> coins = [Coin("BTC", Day0, 1, 1, 1, 1), Coin("AAA", Day0, 10, NaN, 20, 20)];
        var index = new AltcoinSeasonIndex(coins, [new RankedCoin(Day0, 1, "AAA", null, double.NaN, "L")], []);
        var b = AltcoinBasket.Build(index, coins, Day0.AddDays(-5), Day0.AddDays(3), new AltcoinBasketParameters(TopCount: 5));
        Assert.Equal(Day0, b.Level.First); // the first day with a member
        Assert.True(double.IsNaN(b.Level.Values[1]));
        Assert.Equal(200, b.Level.Values[2], 10); // day 2 measured from day 0, the last valued day
        Assert.Equal(1, b.UnpricedDays);
    }

    [Fact]
    public void A_basket_smaller_than_asked_reports_its_size_over_time_and_warns_with_dates()
    {
        var b = AltcoinBasket.Build(Index, Coins, Day0, Day0.AddDays(3), new AltcoinBasketParameters(TopCount: 3));
        // Day 2: BBB has no close, so the move averages AAA and CCC; chosen then, they alone carry day 3.
        Assert.Equal([0, 3, 2, 2], b.Priced);
        Assert.Equal([new BasketShortfall(Day0.AddDays(2), Day0.AddDays(3), 2)], b.Shortfalls(Day0, Day0.AddDays(3)));
        Assert.Empty(b.Shortfalls(Day0, Day0.AddDays(1)));
        Assert.Equal([new BasketMonth(new DateOnly(Day0.Year, Day0.Month, 1), 2, 3)], b.SizeByMonth(Day0, Day0.AddDays(3)));
        Assert.Equal($"the altcoin basket's daily move rested on fewer than the 3 coins asked on 2 days: " +
                     $"{Day0.AddDays(2):yyyy-MM-dd} to {Day0.AddDays(3):yyyy-MM-dd} (as few as 2); it is then not the basket its figures name.",
            Assert.Single(b.Warnings(Day0, Day0.AddDays(3), AssetNames.Study)));
        // Asked for 2, day 2's move rests on AAA alone (BBB was held without a close): one day short.
        Assert.Single(AltcoinBasket.Build(Index, Coins, Day0, Day0.AddDays(3), new AltcoinBasketParameters(TopCount: 2)).Shortfalls(Day0, Day0.AddDays(3)));
    }
}
