using Bellwether.Core.Flows;
using Bellwether.Core.Series;
using Bellwether.Core.Universe;

namespace Bellwether.Core.Board;

/// <summary>What signals may read. Implementations load from a store; <see cref="AsOfMarketData"/> cuts at a date.</summary>
public interface IMarketData
{
    /// <summary>The daily series of <paramref name="id"/>, or null when there is none.</summary>
    DailySeries? Series(string id);

    /// <summary>The flow table <paramref name="id"/>, or null when there is none.</summary>
    FlowTable? Flows(string id);

    /// <summary>The rankings of a list (ordered by date then rank), empty when there is none.</summary>
    IReadOnlyList<RankedCoin> Rankings(string list);

    /// <summary>The classifications of a coin list, empty when there is none.</summary>
    IReadOnlyList<CoinClassification> Classifications(string list);
}

/// <summary>
/// Market data as it was known at the end of <see cref="AsOf"/>: rows, flows and rankings dated after it are
/// invisible. This is how every board evaluation stays point in time.
/// </summary>
public sealed class AsOfMarketData(IMarketData inner, DateOnly asOf) : IMarketData
{
    private readonly Dictionary<string, DailySeries?> _series = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, FlowTable?> _flows = new(StringComparer.OrdinalIgnoreCase);

    public DateOnly AsOf { get; } = asOf;

    public DailySeries? Series(string id)
    {
        if (!_series.TryGetValue(id, out var s)) _series[id] = s = inner.Series(id)?.AsOf(AsOf);
        return s;
    }

    public FlowTable? Flows(string id)
    {
        if (_flows.TryGetValue(id, out var cached)) return cached;
        var t = inner.Flows(id);
        if (t is not null)
        {
            int found = Array.BinarySearch(t.Dates, AsOf);
            int n = found >= 0 ? found + 1 : ~found;
            if (n < t.Count) t = t with { Dates = t.Dates[..n], Values = t.Values.Select(v => v[..n]).ToArray(), Total = t.Total[..n] };
        }
        return _flows[id] = t;
    }

    public IReadOnlyList<RankedCoin> Rankings(string list) => inner.Rankings(list).Where(r => r.Date <= AsOf).ToList();

    public IReadOnlyList<CoinClassification> Classifications(string list) => inner.Classifications(list);
}
