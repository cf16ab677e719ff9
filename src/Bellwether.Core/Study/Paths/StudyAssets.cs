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
public sealed record StudyAssets(CalendarPath Btc, CalendarPath? Eth, AltcoinBasketResult Basket, CalendarPath? EthBtc,
    CalendarPath AltSeason)
{
    /// <summary>The path id of the Altcoin Season Index.</summary>
    public const string AltSeasonId = "ALTSEASON";

    /// <summary>The paths in study order: BTC, ETH, the basket, ETH/BTC, the index (missing ones left out).</summary>
    public IReadOnlyList<CalendarPath> All => new[] { Btc, Eth, Basket.Level, EthBtc, AltSeason }.OfType<CalendarPath>()
        .ToList();

    /// <summary>
    /// Every asset the study can measure, in study order, with the name a reader sees (<see cref="AssetNames"/>; none:
    /// its id) and whether a trade can hold it (a ratio and an index cannot).
    /// </summary>
    public static IReadOnlyList<StudyAsset> Declared { get; } =
    [
        new("BTC", "Bitcoin", Holdable: true), new("ETH", "Ether", Holdable: true),
        new(AltcoinBasket.Id, "the altcoin basket", Holdable: true), new("ETH/BTC", null, Holdable: false),
        new(AltSeasonId, "the Altcoin Season Index", Holdable: false),
    ];

    /// <summary>The ids of every asset the study can measure, in study order.</summary>
    public static IReadOnlyList<string> Ids { get; } = Declared.Select(a => a.Id).ToList();

    /// <summary>The ids of the assets a trade can hold.</summary>
    public static IReadOnlyList<string> Holdable { get; } = Declared.Where(a => a.Holdable).Select(a => a.Id).ToList();

    /// <summary>The path of <paramref name="id"/> (one of <see cref="Ids"/>), or null when the data has none.</summary>
    public CalendarPath? Find(string id) =>
        All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The paths of <paramref name="ids"/> in study order (all of them when null), missing ones left
    /// out.</summary>
    public IReadOnlyList<CalendarPath> Select(IReadOnlyCollection<string>? ids) =>
        ids is null ? All : All.Where(p => ids.Contains(p.Id, StringComparer.OrdinalIgnoreCase)).ToList();

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
    public static StudyAssets Build(IEnumerable<DailySeries> crypto, IEnumerable<RankedCoin> rankings,
        IEnumerable<CoinClassification> classifications,
        DateOnly asOf, AltcoinBasketParameters basket, AltcoinSeasonParameters index)
    {
        var coins = crypto.Select(c => c.AsOf(asOf)).Where(c => c.Count > 0).ToList();
        return Build(new AltcoinSeasonIndex(coins, rankings.Where(r => r.Date <= asOf), classifications), coins, asOf,
            basket, index);
    }

    /// <summary>
    /// <see cref="Build(IEnumerable{DailySeries}, IEnumerable{RankedCoin}, IEnumerable{CoinClassification}, DateOnly,
    /// AltcoinBasketParameters, AltcoinSeasonParameters)"/> on an index already prepared (the one the board, claims and
    /// charts of the same data read): it is read up to <paramref name="asOf"/> only, each day reading its own ranking
    /// and closes, so an index over later data gives the same assets.
    /// </summary>
    /// <param name="universe">The Altcoin Season Index over the coins, rankings and coin lists.</param>
    /// <param name="crypto">Every crypto daily series (BTC and ETH among them); rows after <paramref name="asOf"/> are
    /// cut.</param>
    /// <param name="asOf">The last day of data.</param>
    /// <param name="basket">Basket size.</param>
    /// <param name="index">Index window and size (90 days, top 50).</param>
    /// <exception cref="ArgumentException">There is no Bitcoin series.</exception>
    public static StudyAssets Build(AltcoinSeasonIndex universe, IEnumerable<DailySeries> crypto, DateOnly asOf,
        AltcoinBasketParameters basket, AltcoinSeasonParameters index)
    {
        var coins = crypto.Select(c => c.AsOf(asOf)).Where(c => c.Count > 0).ToList();
        var bench = universe.Options.Benchmark;
        var btcSeries = coins.FirstOrDefault(c =>
                            string.Equals(c.Instrument.Symbol, bench, StringComparison.OrdinalIgnoreCase))
                        ?? throw new ArgumentException($"no {bench} series", nameof(crypto));
        var ethSeries = coins.FirstOrDefault(c =>
            string.Equals(c.Instrument.Symbol, "ETH", StringComparison.OrdinalIgnoreCase));

        var firstRanking = universe.Rankings.Snapshots.Count > 0
            && universe.Rankings.Snapshots.Min(s => s.Date) is var first && first <= asOf ? first : asOf.AddDays(1);
        var altBasket = AltcoinBasket.Build(universe, coins, firstRanking, asOf, basket);
        var points = universe.History(firstRanking, asOf, index);
        var altSeason = new CalendarPath(AltSeasonId, "points", PathMeasure.Change, firstRanking,
            points.Select(p => p.Index).ToArray());
        return new StudyAssets(CalendarPath.OfCloses(btcSeries), ethSeries is null ? null
            : CalendarPath.OfCloses(ethSeries), altBasket,
            ethSeries is null ? null : CalendarPath.OfCloses(RatioSeries.Of(ethSeries, btcSeries)), altSeason);
    }
}

/// <summary>An asset the study can measure.</summary>
/// <param name="Id">Its id in thesis files, options and JSON (<c>BTC</c>, <c>ALT_BASKET</c>).</param>
/// <param name="Name">What a reader sees, as a sentence writes it ("the altcoin basket"); null: the id.</param>
/// <param name="Holdable">Whether a trade can hold it.</param>
public sealed record StudyAsset(string Id, string? Name, bool Holdable);
