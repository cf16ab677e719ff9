using Bellwether.Core.Flows;
using Bellwether.Core.Instruments;
using Bellwether.Core.Releases;
using Bellwether.Core.Series;
using Bellwether.Core.Universe;

namespace Bellwether.Core.Board;

/// <summary>What signals may read. Implementations load from a store; <see cref="AsOfMarketData"/> cuts at a
/// date.</summary>
public interface IMarketData
{
    /// <summary>The daily series of <paramref name="id"/>, or null when there is none.</summary>
    DailySeries? Series(string id);

    /// <summary>The flow table <paramref name="id"/>, or null when there is none.</summary>
    FlowTable? Flows(string id);

    /// <summary>
    /// The closes of every series of an asset class (e.g. all crypto coins), ordered by id: series whose other columns
    /// may be NaN, for statistics over many instruments that read closes alone.
    /// </summary>
    IReadOnlyList<DailySeries> ClosesOfClass(AssetClass assetClass);

    /// <summary>The rankings of a list, or of every list when <paramref name="list"/> is null (ordered by list, date,
    /// rank); empty when there is none.</summary>
    IReadOnlyList<RankedCoin> Rankings(string? list = null);

    /// <summary>The classifications of a coin list, or of every list when <paramref name="list"/> is null; empty when
    /// there is none.</summary>
    IReadOnlyList<CoinClassification> Classifications(string? list = null);

    /// <summary>
    /// A structure built once from this data and kept (an equal <paramref name="key"/> returns the same object), for
    /// core objects that are prepared from a whole history and then queried at a date without reading anything dated
    /// after it (e.g. the Altcoin Season Index's dense closes and ranking timeline). The key must name everything the
    /// build depends on.
    /// </summary>
    T Shared<T>(SharedKey<T> key, Func<IMarketData, T> build) where T : class;

    /// <summary>
    /// The data as published by the end of <paramref name="date"/>: a lagged series (a FRED release, a flow table)
    /// holds only the observations public by then, with the values in force that day
    /// (see <see cref="Releases.Publication"/>).
    /// Readers still cut by date. Data without release rules returns itself.
    /// </summary>
    IMarketData Published(DateOnly date) => this;

    /// <summary>The release rules and vintages <see cref="Published"/> applies, or null when it applies none.</summary>
    Publication? Publication => null;

    /// <summary>
    /// <see cref="Shared{T}"/> for a structure built from the series or flow tables <paramref name="ids"/> alone, whose
    /// reader queries it only up to the last date of what this data hands out. A view of what was published on a day
    /// passes every stored row of them to <paramref name="build"/> and keeps one structure for all days, where
    /// <see cref="Shared{T}"/> would build one per day's published rows.
    /// </summary>
    T SharedHistory<T>(SharedKey<T> key, IReadOnlyList<string> ids, Func<IMarketData, T> build) where T : class =>
        Shared(key, build);

    /// <summary>
    /// <see cref="Series"/> without the cut: a series whose first rows are the ones handed out, with their values. A
    /// view of what was published on a day gives every stored row of a series without vintages and the count public
    /// then, for readers that need only how current the series is and read its values from a whole-history structure
    /// (<see cref="SharedHistory{T}"/>); cutting a long daily series per day costs more than the reading. Null when
    /// there is no such series.
    /// </summary>
    SeriesPrefix? Prefix(string id) => Series(id) is { } series ? new SeriesPrefix(series, series.Count) : null;
}

/// <summary>The first <paramref name="Rows"/> rows of <paramref name="Series"/>.</summary>
public readonly record struct SeriesPrefix(DailySeries Series, int Rows)
{
    /// <summary>The date of the last row, or null when there is none.</summary>
    public DateOnly? LastDate => Rows > 0 ? Series.Dates[Rows - 1] : null;
}

/// <summary>
/// Market data as it was known at the end of <see cref="AsOf"/>: rows, flows and rankings dated after it are
/// invisible, and <see cref="Shared{T}"/> builds from this cut view. A whole-history structure
/// (<see cref="SharedHistory{T}"/>) is the inner data's, read only up to what this view hands out, so the views of one
/// data set share it. Tests evaluate boards on it to prove that the board on full data reads nothing after its date
/// (data loaded already cut is the independent check of the whole-history structures).
/// </summary>
public sealed class AsOfMarketData(IMarketData inner, DateOnly asOf) : IMarketData
{
    private readonly Dictionary<string, DailySeries?> _series = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, FlowTable?> _flows = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<AssetClass, IReadOnlyList<DailySeries>> _classes = [];
    private readonly SharedStructures _shared = new();
    private readonly Dictionary<DateOnly, AsOfMarketData> _published = [];
    private readonly Lock _lock = new();

    public DateOnly AsOf { get; } = asOf;

    public DailySeries? Series(string id)
    {
        lock (_lock)
        {
            if (!_series.TryGetValue(id, out var s)) _series[id] = s = inner.Series(id)?.AsOf(AsOf);
            return s;
        }
    }

    public FlowTable? Flows(string id)
    {
        lock (_lock)
        {
            if (_flows.TryGetValue(id, out var cached)) return cached;
            var t = inner.Flows(id);
            if (t is not null)
            {
                int found = Array.BinarySearch(t.Dates, AsOf);
                int n = found >= 0 ? found + 1 : ~found;
                if (n < t.Count) t = t with
                {
                    Dates = t.Dates[..n],
                    Values = t.Values.Select(v => v[..n]).ToArray(),
                    Total = t.Total[..n]
                };
            }
            return _flows[id] = t;
        }
    }

    /// <summary>Each series of the class cut at <see cref="AsOf"/>; a series with no row by then is left out.</summary>
    public IReadOnlyList<DailySeries> ClosesOfClass(AssetClass assetClass)
    {
        lock (_lock)
        {
            if (!_classes.TryGetValue(assetClass, out var list))
                _classes[assetClass] = list = inner.ClosesOfClass(assetClass).Select(s => s.AsOf(AsOf))
                    .Where(s => s.Count > 0).ToList();
            return list;
        }
    }

    /// <summary>The inner prefix, without the rows dated after <see cref="AsOf"/>.</summary>
    public SeriesPrefix? Prefix(string id) => inner.Prefix(id) is { } p
        ? p with { Rows = Math.Min(p.Rows, p.Series.IndexOnOrBefore(AsOf) + 1) } : null;

    public IReadOnlyList<RankedCoin> Rankings(string? list = null) => inner.Rankings(list).Where(r => r.Date <= AsOf)
        .ToList();

    public IReadOnlyList<CoinClassification> Classifications(string? list = null) => inner.Classifications(list);

    /// <summary>
    /// The inner data as published by the end of <paramref name="date"/>, cut at <see cref="AsOf"/> (one view per
    /// date).
    /// </summary>
    public IMarketData Published(DateOnly date)
    {
        var published = inner.Published(date);
        if (ReferenceEquals(published, inner)) return this;
        lock (_lock)
        {
            if (!_published.TryGetValue(date, out var view))
                _published[date] = view = new AsOfMarketData(published, AsOf);
            return view;
        }
    }

    public T Shared<T>(SharedKey<T> key, Func<IMarketData, T> build) where T : class =>
        _shared.GetOrBuild(key, () => build(this));

    public T SharedHistory<T>(SharedKey<T> key, IReadOnlyList<string> ids, Func<IMarketData, T> build)
        where T : class => inner.SharedHistory(key, ids, build);
}
