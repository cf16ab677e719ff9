using Bellwether.Data.Sources.Binance;
using Bellwether.Data.Sources.CoinGecko;
using Bellwether.Data.Sources.Farside;
using Bellwether.Data.Sources.Fred;
using Bellwether.Data.Sources.Stooq;
using Bellwether.Data.Sources.Yahoo;

namespace Bellwether.Data.Sources;

/// <summary>Builds the client of a source from its settings, its API key (null when none is configured) and the
/// clock.</summary>
public delegate IDataSource SourceConstructor(SourceSettings settings, string? key, TimeProvider time);

/// <summary>
/// Every source client by name, each registered with its own constructor: a new source is its folder plus one line
/// here (and its defaults in <see cref="SourceDefaults"/>).
/// </summary>
public static class SourceRegistry
{
    private static readonly Dictionary<string, SourceConstructor> Constructors = new(StringComparer.Ordinal)
    {
        ["yahoo"] = (s, _, time) => new YahooSource(s, time),
        ["binance"] = (s, _, time) => new BinanceSource(s, time),
        ["fred"] = (s, key, time) => new FredSource(s, key, time),
        ["stooq"] = (s, key, time) => new StooqSource(s, key, time),
        ["coingecko"] = (s, key, time) => new CoinGeckoSource(s, key, time),
        ["farside"] = (s, _, time) => new FarsideSource(s, time),
    };

    /// <summary>The names of the registered sources.</summary>
    public static IReadOnlyCollection<string> Names => Constructors.Keys;

    /// <summary>The client of the source <paramref name="settings"/> names.</summary>
    /// <exception cref="ArgumentException">No source of that name is registered.</exception>
    public static IDataSource Create(SourceSettings settings, string? key, TimeProvider time) =>
        Constructors.TryGetValue(settings.Name, out var construct)
            ? construct(settings, key, time)
            : throw new ArgumentException($"no client for source '{settings.Name}'", nameof(settings));
}
