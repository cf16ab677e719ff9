using Bellwether.Core.Board;
using Bellwether.Core.Flows;
using Bellwether.Core.Instruments;
using Bellwether.Core.Releases;
using Bellwether.Core.Series;
using Bellwether.Core.Universe;

namespace Bellwether.Core.Tests.Study;

/// <summary>
/// Market data with every value dated after <c>cut</c> changed: prices and values multiplied by a random factor
/// (seeded per id, so the same id always gets the same change), flows negated and scaled, later rankings reversed.
/// Everything dated on or before the cut is the inner data's, untouched.
/// </summary>
internal sealed class PerturbedMarketData(IMarketData inner, DateOnly cut) : IMarketData
{
    private readonly Dictionary<string, object?> _cache = new(StringComparer.OrdinalIgnoreCase);
    private readonly SharedStructures _shared = new();
    private readonly Lock _lock = new();
    private Publication? _publication;

    private T Cached<T>(string key, Func<T> make)
    {
        lock (_lock)
        {
            if (_cache.TryGetValue(key, out var o)) return (T)o!;
            var made = make();
            _cache[key] = made;
            return made;
        }
    }

    private static Random Rng(string id) => new(id.Aggregate(17, (h, c) => h * 31 + c));

    private DailySeries Perturb(DailySeries s)
    {
        var rng = Rng(s.Instrument.Id);
        return new DailySeries(s.Instrument, Enumerable.Range(0, s.Count).Select(i =>
        {
            var b = s[i];
            if (b.Date <= cut) return b;
            double f = 0.5 + rng.NextDouble();
            return b with { Open = b.Open * f, High = b.High * f, Low = b.Low * f, Close = b.Close * f, MarketCap = b.MarketCap * f };
        }).ToList());
    }

    public DailySeries? Series(string id) => Cached("s:" + id, () => inner.Series(id) is { } s ? Perturb(s) : null);

    public FlowTable? Flows(string id) => Cached("f:" + id, () =>
    {
        if (inner.Flows(id) is not { } t) return null;
        int first = Array.FindIndex(t.Dates, d => d > cut);
        if (first < 0) return t;
        var rng = Rng(id);
        double[] Change(double[] column) => [.. column.Select((v, i) => i < first ? v : -v * (0.5 + rng.NextDouble()))];
        return t with { Values = [.. t.Values.Select(Change)], Total = Change(t.Total) };
    });

    public IReadOnlyList<DailySeries> ClosesOfClass(AssetClass assetClass) =>
        Cached("c:" + assetClass, () => (IReadOnlyList<DailySeries>)inner.ClosesOfClass(assetClass).Select(Perturb).ToList());

    public IReadOnlyList<RankedCoin> Rankings(string? list = null) =>
        inner.Rankings(list).Select(r => r.Date <= cut ? r : r with { Rank = 1000 - r.Rank })
            .OrderBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.Date).ThenBy(r => r.Rank).ToList();

    public IReadOnlyList<CoinClassification> Classifications(string? list = null) => inner.Classifications(list);

    /// <summary>The same release rules as the data it perturbs, so both histories read what was published.</summary>
    public IMarketData Published(DateOnly asOf)
    {
        lock (_lock) _publication ??= new Publication(this, ReleaseRules.Default);
        return _publication.At(asOf);
    }

    public T Shared<T>(SharedKey<T> key, Func<IMarketData, T> build) where T : class =>
        _shared.GetOrBuild(key, () => build(this));
}
