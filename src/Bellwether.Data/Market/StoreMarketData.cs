using System.Collections.Concurrent;
using Bellwether.Core.Board;
using Bellwether.Core.Flows;
using Bellwether.Core.Instruments;
using Bellwether.Core.Releases;
using Bellwether.Core.Series;
using Bellwether.Core.Universe;
using Bellwether.Data.Store;

namespace Bellwether.Data.Market;

/// <summary>
/// Market data read from the store on first use and kept in memory (one load per instrument). Safe to share between
/// threads: cached reads take no lock, and loads on different threads run at once, each on its own connection
/// (<see cref="BellwetherStore.Concurrently"/>). <see cref="Published"/> applies each series' release rule
/// (<see cref="ReleaseRules.Default"/>) and stored vintages, unless built with <c>releaseLags: false</c>.
/// </summary>
public sealed class StoreMarketData : IMarketData
{
    // Keyed by text for what the store holds and by SharedKey for structures built from it: the two never collide.
    private readonly ConcurrentDictionary<object, Lazy<object?>> _cache = new();
    private readonly BellwetherStore _store;
    private readonly Publication? _publication;

    /// <param name="releaseLags">False reads every row as public on its own date
    /// (<c>--ignore-release-lags</c>).</param>
    public StoreMarketData(BellwetherStore store, bool releaseLags = true)
    {
        _store = store;
        if (releaseLags)
            _publication = new Publication(this, ReleaseRules.Default,
                id => Cached<SeriesVintages?>($"vintages:{id.ToUpperInvariant()}",
                    () => FromStore(s => s.LoadVintages(id))));
    }

    /// <summary>The release rules in force, or null when release lags are ignored.</summary>
    public Publication? Publication => _publication;

    public IMarketData Published(DateOnly date) => _publication?.At(date) ?? this;

    /// <summary>The cached value of <paramref name="key"/>, built once (later callers wait for the first
    /// build).</summary>
    private T Cached<T>(object key, Func<T> build) =>
        (T)_cache.GetOrAdd(key, _ => new Lazy<object?>(() => build(), LazyThreadSafetyMode.ExecutionAndPublication))
        .Value!;

    private T FromStore<T>(Func<BellwetherStore, T> query) => _store.Concurrently(query);

    public DailySeries? Series(string id) => Cached($"series:{id.ToUpperInvariant()}", () => FromStore(s =>
        s.FindInstrument(id) is { Class: not AssetClass.EtfFlows } i ? s.LoadSeries(i.Id) : null));

    public FlowTable? Flows(string id) => Cached($"flows:{id.ToUpperInvariant()}", () => FromStore(s =>
        s.FindInstrument(id) is { Class: AssetClass.EtfFlows } i ? s.LoadFlows(i.Id) : null));

    /// <summary>Loaded in one query (<see cref="BellwetherStore.LoadClosesOfClass"/>), kept apart from the full series
    /// of <see cref="Series"/>.</summary>
    public IReadOnlyList<DailySeries> ClosesOfClass(AssetClass assetClass) =>
        Cached<IReadOnlyList<DailySeries>>($"closes:{assetClass}", () =>
            FromStore(s => s.LoadClosesOfClass(assetClass)));

    public IReadOnlyList<RankedCoin> Rankings(string? list = null) =>
        Cached<IReadOnlyList<RankedCoin>>($"rankings:{list}", () => FromStore(s => s.LoadRankings(list)));

    public IReadOnlyList<CoinClassification> Classifications(string? list = null) =>
        Cached<IReadOnlyList<CoinClassification>>($"lists:{list}", () => FromStore(s => s.LoadClassifications(list)));

    /// <summary>Built once per key, outside the store lock (the build reads series through this object).</summary>
    public T Shared<T>(SharedKey<T> key, Func<IMarketData, T> build) where T : class =>
        Cached(key, () => build(this));
}
