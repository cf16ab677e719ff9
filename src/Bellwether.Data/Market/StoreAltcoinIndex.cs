using Bellwether.Core.Board;
using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Instruments;
using Bellwether.Core.Measurements.AltSeason;
using Bellwether.Data.Store;

namespace Bellwether.Data.Market;

/// <summary>Altcoin Season Indices built from the store, one per as-of date, from rows dated on or before it.</summary>
public static class StoreAltcoinIndex
{
    /// <summary>
    /// A source that loads every crypto series, ranking and coin list dated on or before the date asked for (cached per
    /// date); null for a date when the store has no coins or no rankings.
    /// </summary>
    public static AltcoinIndexSource Source(BellwetherStore store, AltcoinUniverseOptions? options = null) =>
        Source(new StoreMarketData(store), options);

    /// <summary>
    /// The same from market data already loaded (the report shares one cache between the board, the charts and the
    /// claims): every crypto series, ranking and coin list as known on the date asked for.
    /// </summary>
    public static AltcoinIndexSource Source(IMarketData data, AltcoinUniverseOptions? options = null)
    {
        var cache = new Dictionary<DateOnly, AltcoinUniverse?>();
        return asOf =>
        {
            if (cache.TryGetValue(asOf, out var index)) return index;
            var view = new AsOfMarketData(data, asOf);
            var coins = view.ClosesOfClass(AssetClass.Crypto);
            var rankings = view.Rankings();
            return cache[asOf] = coins.Count == 0 || rankings.Count == 0 ? null
                : new AltcoinUniverse(new AltcoinSeasonIndex(coins, rankings, view.Classifications(), options),
                    coins.ToDictionary(c => c.Instrument.Id, StringComparer.OrdinalIgnoreCase));
        };
    }
}
