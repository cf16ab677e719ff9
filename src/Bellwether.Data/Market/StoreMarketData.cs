using Bellwether.Core.Board;
using Bellwether.Core.Flows;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Core.Universe;
using Bellwether.Data.Store;

namespace Bellwether.Data.Market;

/// <summary>Market data read from the store on first use and kept in memory (one load per instrument).</summary>
public sealed class StoreMarketData(BellwetherStore store) : IMarketData
{
    private readonly Dictionary<string, DailySeries?> _series = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, FlowTable?> _flows = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IReadOnlyList<RankedCoin>> _rankings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<CoinClassification>> _lists = new(StringComparer.Ordinal);
    private readonly Dictionary<AssetClass, IReadOnlyList<DailySeries>> _classes = [];
    private readonly Dictionary<string, object> _shared = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public DailySeries? Series(string id)
    {
        lock (_lock)
        {
            if (_series.TryGetValue(id, out var s)) return s;
            var instrument = store.FindInstrument(id);
            return _series[id] = instrument is null || instrument.Class == AssetClass.EtfFlows ? null : store.LoadSeries(instrument.Id);
        }
    }

    public FlowTable? Flows(string id)
    {
        lock (_lock)
        {
            if (_flows.TryGetValue(id, out var t)) return t;
            var instrument = store.FindInstrument(id);
            return _flows[id] = instrument?.Class == AssetClass.EtfFlows ? store.LoadFlows(instrument.Id) : null;
        }
    }

    /// <summary>Loaded in one query (<see cref="BellwetherStore.LoadClosesOfClass"/>), kept apart from the full series of <see cref="Series"/>.</summary>
    public IReadOnlyList<DailySeries> ClosesOfClass(AssetClass assetClass)
    {
        lock (_lock)
        {
            if (!_classes.TryGetValue(assetClass, out var list)) _classes[assetClass] = list = store.LoadClosesOfClass(assetClass);
            return list;
        }
    }

    public IReadOnlyList<RankedCoin> Rankings(string? list = null)
    {
        lock (_lock)
        {
            if (!_rankings.TryGetValue(list ?? "", out var r)) _rankings[list ?? ""] = r = store.LoadRankings(list);
            return r;
        }
    }

    public IReadOnlyList<CoinClassification> Classifications(string? list = null)
    {
        lock (_lock)
        {
            if (!_lists.TryGetValue(list ?? "", out var c)) _lists[list ?? ""] = c = store.LoadClassifications(list);
            return c;
        }
    }

    public T Shared<T>(string key, Func<IMarketData, T> build) where T : class
    {
        lock (_lock)
        {
            if (_shared.TryGetValue(key, out var o)) return (T)o;
        }
        // Built outside the lock: the build reads series through this object.
        var built = build(this);
        lock (_lock) return (T)(_shared.TryAdd(key, built) ? built : _shared[key]);
    }
}
