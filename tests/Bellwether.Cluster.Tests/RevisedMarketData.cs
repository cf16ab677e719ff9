using Bellwether.Core.Board;
using Bellwether.Core.Flows;
using Bellwether.Core.Instruments;
using Bellwether.Core.Releases;
using Bellwether.Core.Series;
using Bellwether.Core.Universe;

namespace Bellwether.Cluster.Tests;

/// <summary>
/// The data with one bar revised: the close of series <paramref name="id"/> on its last bar on or before
/// <paramref name="date"/> is 1% higher, in the data and in every published view of it (a revision of the past, as a
/// new import of a corrected file makes).
/// </summary>
internal sealed class RevisedMarketData(IMarketData inner, string id, DateOnly date) : IMarketData
{
    private readonly SharedStructures _shared = new();
    // One revised object per series object (shared by the published views): a feed reads a series afresh only when
    // its object changes.
    private Dictionary<DailySeries, DailySeries> _revised = new(ReferenceEqualityComparer.Instance);

    public DailySeries? Series(string seriesId) =>
        inner.Series(seriesId) is not { } s ? null : Touches(s) ? Revise(s) : s;

    public FlowTable? Flows(string tableId) => inner.Flows(tableId);

    public IReadOnlyList<DailySeries> ClosesOfClass(AssetClass assetClass)
    {
        var list = inner.ClosesOfClass(assetClass);
        return list.Any(Touches) ? [.. list.Select(s => Touches(s) ? Revise(s) : s)] : list;
    }

    public IReadOnlyList<RankedCoin> Rankings(string? list = null) => inner.Rankings(list);

    public IReadOnlyList<CoinClassification> Classifications(string? list = null) => inner.Classifications(list);

    public IMarketData Published(DateOnly day) =>
        new RevisedMarketData(inner.Published(day), id, date) { _revised = _revised };

    public Publication? Publication => inner.Publication;

    public T Shared<T>(SharedKey<T> key, Func<IMarketData, T> build) where T : class =>
        _shared.GetOrBuild(key, () => build(this));

    private bool Touches(DailySeries s) =>
        string.Equals(s.Instrument.Id, id, StringComparison.OrdinalIgnoreCase) && s.IndexOnOrBefore(date) >= 0;

    private DailySeries Revise(DailySeries s)
    {
        lock (_revised)
        {
            if (_revised.TryGetValue(s, out var made)) return made;
            int at = s.IndexOnOrBefore(date);
            return _revised[s] = new DailySeries(s.Instrument,
                [.. Enumerable.Range(0, s.Count)
                    .Select(i => i == at ? s[i] with { Close = s[i].Close * 1.01 } : s[i])]);
        }
    }
}
