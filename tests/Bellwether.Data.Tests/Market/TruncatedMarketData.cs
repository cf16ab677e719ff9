using Bellwether.Core.Board;
using Bellwether.Core.Flows;
using Bellwether.Core.Instruments;
using Bellwether.Core.Releases;
using Bellwether.Core.Series;
using Bellwether.Core.Universe;
using Bellwether.Data.Store;

namespace Bellwether.Data.Tests.Market;

/// <summary>
/// The store's data as it stood on a date, loaded already cut (the store's own date filter, or a filter here): an
/// independent stand-in for "the data truncated at d", to compare boards on full data with.
/// </summary>
internal sealed class TruncatedMarketData(BellwetherStore store, DateOnly asOf) : IMarketData
{
    private readonly Dictionary<string, object?> _cache = new(StringComparer.Ordinal);
    private readonly SharedStructures _shared = new();
    private Publication? _publication;

    /// <summary>The release rules over the truncated data, so boards on it see what was published as the full data's do.</summary>
    public IMarketData Published(DateOnly date)
    {
        lock (_cache) _publication ??= new Publication(this, ReleaseRules.Default);
        return _publication.At(date);
    }

    private T Cached<T>(string key, Func<T> load)
    {
        lock (_cache)
        {
            if (!_cache.TryGetValue(key, out var o)) _cache[key] = o = load();
            return (T)o!;
        }
    }

    public DailySeries? Series(string id) => Cached($"series:{id}", () =>
        store.FindInstrument(id) is { Class: not AssetClass.EtfFlows } i ? store.LoadSeries(i.Id, to: asOf) : null);

    public FlowTable? Flows(string id) => Cached($"flows:{id}", () =>
    {
        if (store.FindInstrument(id) is not { Class: AssetClass.EtfFlows } i) return null;
        var t = store.LoadFlows(i.Id);
        var keep = t.Dates.Select((d, k) => (d, k)).Where(x => x.d <= asOf).Select(x => x.k).ToArray();
        return t with { Dates = keep.Select(k => t.Dates[k]).ToArray(), Values = t.Values.Select(v => keep.Select(k => v[k]).ToArray()).ToArray(), Total = keep.Select(k => t.Total[k]).ToArray() };
    });

    public IReadOnlyList<DailySeries> ClosesOfClass(AssetClass assetClass) =>
        Cached($"class:{assetClass}", () => (IReadOnlyList<DailySeries>)store.LoadSeriesOfClass(assetClass, asOf));

    public IReadOnlyList<RankedCoin> Rankings(string? list = null) =>
        Cached($"rankings:{list}", () => (IReadOnlyList<RankedCoin>)store.LoadRankings(list).Where(r => r.Date <= asOf).ToList());

    public IReadOnlyList<CoinClassification> Classifications(string? list = null) =>
        Cached($"lists:{list}", () => (IReadOnlyList<CoinClassification>)store.LoadClassifications(list));

    public T Shared<T>(SharedKey<T> key, Func<IMarketData, T> build) where T : class =>
        _shared.GetOrBuild(key, () => build(this));
}
