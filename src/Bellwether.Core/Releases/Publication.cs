using System.Collections.Concurrent;
using Bellwether.Core.Board;
using Bellwether.Core.Flows;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Core.Universe;

namespace Bellwether.Core.Releases;

/// <summary>
/// Market data as it was published: <see cref="At"/> gives the view of one day, in which a series holds only the
/// observations public by the end of that day (by its release rule, or by its stored vintages, each observation with
/// the value in force that day). Series released on their own date pass through whole (readers cut them by date, as
/// without release rules), so their structures are built once; a lagged series is cut once per published state and
/// shared by every day with that state.
/// </summary>
public sealed class Publication
{
    private readonly IMarketData _data;
    private readonly ReleaseRules _rules;
    private readonly Func<string, SeriesVintages?> _vintages;
    private readonly ConcurrentDictionary<string, Lazy<Timeline?>> _timelines = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SharedStates> _cuts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<object, SharedStates> _shared = new();
    private readonly ConcurrentDictionary<object, string[]> _readDuringBuild = new();

    /// <param name="data">The whole data, latest values.</param>
    /// <param name="rules">Each series' release rule.</param>
    /// <param name="vintages">The stored vintages of a series id, or null when it has none.</param>
    public Publication(IMarketData data, ReleaseRules rules, Func<string, SeriesVintages?>? vintages = null)
    {
        _data = data;
        _rules = rules;
        _vintages = vintages ?? (_ => null);
    }

    /// <summary>The data as published by the end of <paramref name="asOf"/>.</summary>
    public IMarketData At(DateOnly asOf) => new View(this, asOf);

    /// <summary>The release rule of <paramref name="instrument"/>.</summary>
    public SeriesRelease RuleOf(Instrument instrument) => _rules.For(instrument);

    /// <summary>
    /// The last observation date of series <paramref name="id"/> public by the end of <paramref name="asOf"/>, or null.
    /// </summary>
    public DateOnly? LastPublished(string id, DateOnly asOf)
    {
        var timeline = TimelineOf(id);
        if (timeline is null) return null;
        var (n, _) = timeline.State(asOf);
        return n > 0 ? timeline.ObservationDate(n - 1) : null;
    }

    /// <summary>
    /// How many stored rows of series <paramref name="id"/> are public by the end of <paramref name="asOf"/> when a
    /// release rule delays them and no vintage changes their values: the published series is then the first that many
    /// stored rows, which a stream reads without a cut per day. Null otherwise (no rule applies, or vintages do).
    /// </summary>
    public int? StoredRowsPublished(string id, DateOnly asOf) =>
        TimelineOf(id) is { HasVintages: false } timeline ? timeline.State(asOf).Rows : null;

    private Timeline? TimelineOf(string id) => _timelines.GetOrAdd(id, key => new Lazy<Timeline?>(() =>
    {
        if (_data.Series(key) is { } series)
        {
            var release = _rules.For(series.Instrument).Rule;
            var vintages = _vintages(series.Instrument.Id);
            return release.IsSameDay && vintages is null ? null : new Timeline(series, null, release, vintages);
        }
        if (_data.Flows(key) is { } table)
        {
            var release = _rules.For(table.Instrument).Rule;
            return release.IsSameDay ? null : new Timeline(null, table, release, null);
        }
        return null;
    })).Value;

    private object Cut(string id, Timeline timeline, DateOnly asOf)
    {
        var state = timeline.State(asOf);
        return _cuts.GetOrAdd(id, _ => new SharedStates())
            .GetOrAdd($"{state.Rows}.{state.Epoch}", () => timeline.Cut(state, asOf)).Value;
    }

    /// <summary>One series' observations in release order, with what is public on a day.</summary>
    private sealed class Timeline
    {
        private readonly DailySeries? _series;
        private readonly FlowTable? _table;
        private readonly DateOnly[] _published; // per row, never before an earlier row's
        private readonly SeriesVintages? _vintages;
        private readonly DateOnly[] _epochs; // distinct vintage starts, ascending

        public Timeline(DailySeries? series, FlowTable? table, ReleaseRule rule, SeriesVintages? vintages)
        {
            _series = series;
            _table = table;
            _vintages = vintages;
            ReadOnlySpan<DateOnly> dates = series is null ? table!.Dates : series.Dates.AsSpan();
            _published = new DateOnly[dates.Length];
            var firstVintage = new Dictionary<DateOnly, DateOnly>();
            DateOnly recordStart = DateOnly.MinValue;
            if (vintages is { Count: > 0 })
            {
                recordStart = vintages.RecordStart;
                for (int v = vintages.Count - 1; v >= 0; v--) firstVintage[vintages.Dates[v]] = vintages.Starts[v];
            }
            var latest = DateOnly.MinValue;
            for (int i = 0; i < dates.Length; i++)
            {
                // A first vintage after the record began is the observation's first release; one at the record's start
                // only says it was already public then, so the rule dates it.
                var p = firstVintage.TryGetValue(dates[i], out var start) && start > recordStart
                    ? start : rule.Release(dates[i]);
                if (p < latest) p = latest;
                _published[i] = latest = p;
            }
            _epochs = vintages is null ? [] : vintages.Starts.Distinct().Order().ToArray();
        }

        public bool HasVintages => _vintages is not null;

        /// <summary>The stored series, or null for a flow table.</summary>
        public DailySeries? Series => _series;

        public DateOnly ObservationDate(int i) => _series?.Dates[i] ?? _table!.Dates[i];

        /// <summary>Rows public by the end of <paramref name="asOf"/>, and how many vintage starts passed.</summary>
        public (int Rows, int Epoch) State(DateOnly asOf) => (UpperBound(_published, asOf), UpperBound(_epochs, asOf));

        private static int UpperBound(DateOnly[] sorted, DateOnly d)
        {
            int lo = 0, hi = sorted.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] <= d) lo = mid + 1; else hi = mid;
            }
            return lo;
        }

        public object Cut((int Rows, int Epoch) state, DateOnly asOf)
        {
            int n = state.Rows;
            if (_table is { } t)
                return n == t.Count ? t
                    : t with { Dates = t.Dates[..n], Values = [.. t.Values.Select(v => v[..n])], Total = t.Total[..n] };
            var s = _series!;
            if (n == 0) return new DailySeries(s.Instrument, []);
            if (_vintages is null || state.Epoch == 0) return s.Between(null, s.Dates[n - 1]);
            // Each observation with its value in force at the end of asOf (the vintage with the latest start by then).
            var inForce = new Dictionary<DateOnly, double>();
            for (int v = 0; v < _vintages.Count; v++)
                if (_vintages.Starts[v] <= asOf) inForce[_vintages.Dates[v]] = _vintages.Values[v];
            var bars = new List<DailyBar>(n);
            for (int i = 0; i < n; i++)
            {
                var bar = s[i];
                bars.Add(inForce.TryGetValue(bar.Date, out var value) ? bar with { Close = value } : bar);
            }
            return new DailySeries(s.Instrument, bars);
        }
    }

    /// <summary>
    /// One day's view. A structure built from it (<see cref="Shared{T}"/>) is kept under its key and the published
    /// state of every lagged input this view handed out before or read during the build, so days that saw the same
    /// inputs share it. Board evaluations take one view per signal read, so one signal's inputs never key another's.
    /// </summary>
    private sealed class View(Publication root, DateOnly asOf) : IMarketData
    {
        private readonly List<(string Id, Timeline Timeline)> _handedOut = [];
        private readonly Lock _lock = new();

        public DailySeries? Series(string id)
        {
            var timeline = root.TimelineOf(id);
            if (timeline is null) return root._data.Series(id);
            Record(id, timeline);
            return root.Cut(id, timeline, asOf) as DailySeries;
        }

        // Without vintages the published rows are the first stored ones, values unchanged: no cut is needed.
        public SeriesPrefix? Prefix(string id)
        {
            var timeline = root.TimelineOf(id);
            if (timeline is not { HasVintages: false, Series: { } stored })
                return Series(id) is { } series ? new SeriesPrefix(series, series.Count) : null;
            Record(id, timeline);
            return new SeriesPrefix(stored, timeline.State(asOf).Rows);
        }

        public FlowTable? Flows(string id)
        {
            var timeline = root.TimelineOf(id);
            if (timeline is null) return root._data.Flows(id);
            Record(id, timeline);
            return root.Cut(id, timeline, asOf) as FlowTable;
        }

        // Crypto closes and rankings are public at the end of their day: the reader's date cut is the release cut.
        public IReadOnlyList<DailySeries> ClosesOfClass(AssetClass assetClass) => root._data.ClosesOfClass(assetClass);

        public IReadOnlyList<RankedCoin> Rankings(string? list = null) => root._data.Rankings(list);

        public IReadOnlyList<CoinClassification> Classifications(string? list = null) =>
            root._data.Classifications(list);

        public IMarketData Published(DateOnly date) => date == asOf ? this : root.At(date);

        // Whole-history structures of a series without vintages are the same for every day (the reader bounds its
        // queries by the published rows); with vintages, each day's values differ, so they are built per state.
        public T SharedHistory<T>(SharedKey<T> key, IReadOnlyList<string> ids, Func<IMarketData, T> build)
            where T : class =>
            ids.Any(id => root.TimelineOf(id) is { HasVintages: true })
                ? Shared(key, build) : root._data.SharedHistory(key, ids, build);

        public T Shared<T>(SharedKey<T> key, Func<IMarketData, T> build) where T : class
        {
            var ids = root._readDuringBuild.GetValueOrDefault(key) ?? [];
            foreach (var id in ids)
                if (root.TimelineOf(id) is { } t) Record(id, t);
            string signature;
            int before;
            lock (_lock)
            {
                before = _handedOut.Count;
                signature = Signature(_handedOut);
            }
            var entry = root._shared.GetOrAdd(key, _ => new SharedStates()).GetOrAdd(signature, () =>
            {
                var built = build(this);
                lock (_lock)
                    if (_handedOut.Count > before)
                        root._readDuringBuild[key] =
                            [.. ids.Union(_handedOut.Skip(before).Select(h => h.Id), StringComparer.OrdinalIgnoreCase)];
                return built;
            });
            return (T)entry.Value;
        }

        private void Record(string id, Timeline timeline)
        {
            lock (_lock)
                if (!_handedOut.Any(h => string.Equals(h.Id, id, StringComparison.OrdinalIgnoreCase)))
                    _handedOut.Add((id, timeline));
        }

        private string Signature(List<(string Id, Timeline Timeline)> inputs) =>
            string.Join(';', inputs.Select(h => (Id: h.Id.ToUpperInvariant(), State: h.Timeline.State(asOf))).Order()
                .Select(x => $"{x.Id}:{x.State.Rows}.{x.State.Epoch}"));
    }

    /// <summary>
    /// The structures of one key (or the cuts of one series), one per published state of its inputs. A history walks
    /// the days in order (a few threads at a time), so only the states used last are kept: a daily-released input
    /// (DFF) would otherwise keep a copy per day.
    /// </summary>
    private sealed class SharedStates
    {
        private const int Kept = 16;
        private readonly Dictionary<string, LinkedListNode<(string Signature, Lazy<object> Entry)>> _bySignature =
            new(StringComparer.Ordinal);
        private readonly LinkedList<(string Signature, Lazy<object> Entry)> _recent = new();
        private readonly Lock _lock = new();

        public Lazy<object> GetOrAdd(string signature, Func<object> build)
        {
            lock (_lock)
            {
                if (_bySignature.TryGetValue(signature, out var found))
                {
                    _recent.Remove(found);
                    _recent.AddFirst(found);
                    return found.Value.Entry;
                }
                var entry = new Lazy<object>(build, LazyThreadSafetyMode.ExecutionAndPublication);
                var node = _recent.AddFirst((signature, entry));
                _bySignature[signature] = node;
                if (_recent.Count > Kept)
                {
                    _bySignature.Remove(_recent.Last!.Value.Signature);
                    _recent.RemoveLast();
                }
                return node.Value.Entry;
            }
        }
    }
}
