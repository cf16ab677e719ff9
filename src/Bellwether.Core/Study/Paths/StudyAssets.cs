using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Series;
using Bellwether.Core.Study.Basket;
using Bellwether.Core.Universe;

namespace Bellwether.Core.Study.Paths;

/// <summary>The assets the study and the backtest measure, built from the crypto data as of one day.</summary>
/// <param name="Btc">Bitcoin's closes.</param>
/// <param name="Eth">Ether's closes (null when there is no ETH series).</param>
/// <param name="Basket">The equal-weight point-in-time top-altcoin basket.</param>
/// <param name="EthBtc">ETH/BTC on days both have a close (null without ETH).</param>
/// <param name="AltSeason">The Altcoin Season Index (id <c>ALTSEASON</c>, measured as a change in points).</param>
public sealed record StudyAssets(CalendarPath Btc, CalendarPath? Eth, AltcoinBasketResult Basket, CalendarPath? EthBtc, CalendarPath AltSeason)
{
    /// <summary>The path id of the Altcoin Season Index.</summary>
    public const string AltSeasonId = "ALTSEASON";

    /// <summary>The paths in study order: BTC, ETH, the basket, ETH/BTC, the index (missing ones left out).</summary>
    public IReadOnlyList<CalendarPath> All => new[] { Btc, Eth, Basket.Level, EthBtc, AltSeason }.OfType<CalendarPath>().ToList();

    /// <summary>
    /// Builds every asset from data dated on or before <paramref name="asOf"/> only (later rows and rankings are cut
    /// first). The index and the basket share one <see cref="AltcoinSeasonIndex"/>, so they use the same universe.
    /// </summary>
    /// <param name="crypto">Every crypto daily series (BTC and ETH among them).</param>
    /// <param name="rankings">Dated market-cap rankings.</param>
    /// <param name="classifications">Coin lists with the stablecoin and wrapped flags.</param>
    /// <param name="asOf">The last day of data.</param>
    /// <param name="basket">Basket size.</param>
    /// <param name="index">Index window and size (90 days, top 50).</param>
    /// <exception cref="ArgumentException">There is no Bitcoin series.</exception>
    public static StudyAssets Build(IEnumerable<DailySeries> crypto, IEnumerable<RankedCoin> rankings, IEnumerable<CoinClassification> classifications,
        DateOnly asOf, AltcoinBasketParameters basket, AltcoinSeasonParameters index)
    {
        var coins = crypto.Select(c => c.AsOf(asOf)).Where(c => c.Count > 0).ToList();
        var universe = new AltcoinSeasonIndex(coins, rankings.Where(r => r.Date <= asOf), classifications);
        var bench = universe.Options.Benchmark;
        var btcSeries = coins.FirstOrDefault(c =>
                            string.Equals(c.Instrument.Symbol, bench, StringComparison.OrdinalIgnoreCase))
                        ?? throw new ArgumentException($"no {bench} series", nameof(crypto));
        var ethSeries = coins.FirstOrDefault(c =>
            string.Equals(c.Instrument.Symbol, "ETH", StringComparison.OrdinalIgnoreCase));

        var firstRanking = universe.Rankings.Snapshots.Count > 0 ? universe.Rankings.Snapshots.Min(s => s.Date) : asOf.AddDays(1);
        var altBasket = AltcoinBasket.Build(universe, coins, firstRanking, asOf, basket);
        var points = universe.History(firstRanking, asOf, index);
        var altSeason = new CalendarPath(AltSeasonId, "points", PathMeasure.Change, firstRanking, points.Select(p => p.Index).ToArray());
        return new StudyAssets(CalendarPath.OfCloses(btcSeries), ethSeries is null ? null : CalendarPath.OfCloses(ethSeries), altBasket,
            ethSeries is null ? null : CalendarPath.OfCloses(RatioSeries.Of(ethSeries, btcSeries)), altSeason);
    }
}
