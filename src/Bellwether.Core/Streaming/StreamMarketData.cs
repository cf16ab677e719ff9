using System.Runtime.InteropServices;
using Bellwether.Core.Board;
using Bellwether.Core.Flows;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Core.Universe;

namespace Bellwether.Core.Streaming;

/// <summary>
/// What a <see cref="StreamingBoard"/> has been fed: per series its bars, per flow table its days, the rankings, each
/// row with the day it arrived (the day it became public). <see cref="At"/> is the data as known at the end of a day,
/// the view the batch kinds read when a kind has no incremental state. Rows of one series arrive in date order; a row
/// fed for an earlier date is a revision (a replaced bar or value) or a backfill (a new older bar), see
/// <see cref="StreamingBoard"/>.
/// </summary>
public sealed class StreamMarketData
{
    private readonly Dictionary<string, SeriesBuffer> _series = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<SeriesBuffer> _seriesInOrder = [];
    private readonly Dictionary<string, FlowBuffer> _flows = new(StringComparer.OrdinalIgnoreCase);
    private readonly SortedDictionary<string, List<RankedCoin>> _rankings = new(StringComparer.Ordinal);
    private StreamAltcoinIndex? _altcoinIndex;

    /// <param name="classifications">The coin lists (undated: they hold on every day).</param>
    public StreamMarketData(IReadOnlyList<CoinClassification> classifications) => Classifications = classifications;

    /// <summary>The coin lists.</summary>
    public IReadOnlyList<CoinClassification> Classifications { get; }

    /// <summary>The buffer of series <paramref name="id"/>, or null.</summary>
    public SeriesBuffer? Series(string id) => _series.GetValueOrDefault(id);

    /// <summary>The buffer of flow table <paramref name="id"/>, or null.</summary>
    public FlowBuffer? Flows(string id) => _flows.GetValueOrDefault(id);

    /// <summary>Every series buffer in the order first fed.</summary>
    public IReadOnlyList<SeriesBuffer> AllSeries => _seriesInOrder;

    /// <summary>Every flow buffer.</summary>
    public IEnumerable<FlowBuffer> AllFlows => _flows.Values;

    /// <summary>The rankings of every list, each list's rows in date and rank order.</summary>
    public IReadOnlyDictionary<string, List<RankedCoin>> RankingLists => _rankings;

    /// <summary>Changes to any row or ranking so far: a result derived from the data holds while it is
    /// unchanged.</summary>
    public long Version { get; private set; }

    /// <summary>Ranking snapshots added out of date order so far (late, re-sent or backfilled): each may change a
    /// list's earlier rows.</summary>
    public int RankingRevisions { get; private set; }

    /// <summary>The Altcoin Season Index over this data, one for every <c>altseason</c> signal of the
    /// stream.</summary>
    internal StreamAltcoinIndex AltcoinIndex => _altcoinIndex ??= new StreamAltcoinIndex(this);

    /// <summary>The series buffer of <paramref name="instrument"/>, created on first use.</summary>
    /// <param name="closesOnly">Its rows carry closes alone (the closes of a class,
    /// <see cref="IMarketData.ClosesOfClass"/>); a buffer fed full bars once stays full.</param>
    public SeriesBuffer SeriesOf(Instrument instrument, bool closesOnly = false)
    {
        if (!_series.TryGetValue(instrument.Id, out var buffer))
        {
            _series[instrument.Id] = buffer = new SeriesBuffer(this, instrument, closesOnly);
            _seriesInOrder.Add(buffer);
        }
        return buffer;
    }

    /// <summary>The flow buffer of <paramref name="instrument"/>, created on first use with its fund columns.</summary>
    public FlowBuffer FlowsOf(Instrument instrument, string[] funds, string source)
    {
        if (!_flows.TryGetValue(instrument.Id,
            out var buffer)) _flows[instrument.Id] = buffer = new FlowBuffer(this, instrument, funds, source);
        return buffer;
    }

    /// <summary>Adds the rows of one ranking snapshot (one list, one date, in rank order) to its list.</summary>
    /// <returns>True when the snapshot is dated after every earlier one of its list (false: a late ranking).</returns>
    public bool AddRanking(IReadOnlyList<RankedCoin> snapshot)
    {
        if (snapshot.Count == 0) return true;
        Version++;
        var first = snapshot[0];
        if (!_rankings.TryGetValue(first.Source, out var list)) _rankings[first.Source] = list = [];
        if (list.Count == 0 || list[^1].Date < first.Date)
        {
            list.AddRange(snapshot);
            return true;
        }
        RankingRevisions++;
        list.RemoveAll(r => r.Date == first.Date);
        int at = list.FindIndex(r => r.Date > first.Date);
        bool inOrder = at < 0;
        list.InsertRange(inOrder ? list.Count : at, snapshot);
        return inOrder && !list.Take(list.Count - snapshot.Count).Any(r => r.Date >= first.Date);
    }

    /// <summary>The rows of a ranking list (date order) dated on or before <paramref name="day"/>.</summary>
    public static int RowsBy(List<RankedCoin> list, DateOnly day)
    {
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (list[mid].Date <= day) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// A hash (FNV-1a) of the data known at the end of <paramref name="day"/> (null: none), in a fixed order: every
    /// series' rows with their arrival days, every flow table's, every ranking. Equal for equal data however it was fed
    /// (a revised row counts as it now stands), so a snapshot resumes only on the data it was taken on.
    /// </summary>
    public ulong ContentHash(DateOnly? day)
    {
        ulong h = 14695981039346656037;
        void Mix(long word) => h = (h ^ (ulong)word) * 1099511628211;
        void Text(string text)
        {
            foreach (char c in text) Mix(c);
            Mix(-1);
        }
        if (day is not { } last) return h;
        foreach (var b in _series.Values.OrderBy(b => b.Instrument.Id, StringComparer.Ordinal))
        {
            Text(b.Instrument.Id);
            for (int i = 0, n = b.CountArrivedBy(last); i < n; i++)
            {
                var bar = b[i];
                Mix(bar.Date.DayNumber); Mix(b.Arrived(i).DayNumber);
                foreach (var v in new[] { bar.Open, bar.High, bar.Low, bar.Close, bar.Volume, bar.MarketCap })
                    Mix(BitConverter.DoubleToInt64Bits(v));
            }
        }
        foreach (var t in _flows.Values.OrderBy(t => t.Instrument.Id, StringComparer.Ordinal))
        {
            Text(t.Instrument.Id);
            for (int i = 0, n = t.CountArrivedBy(last); i < n; i++)
            {
                Mix(t.Date(i).DayNumber); Mix(t.Arrived(i).DayNumber);
                foreach (var v in t.Values(i)) Mix(BitConverter.DoubleToInt64Bits(v));
                Mix(BitConverter.DoubleToInt64Bits(t.Total(i)));
            }
        }
        foreach (var (list, rows) in _rankings)
        {
            Text(list);
            foreach (var r in rows.Where(r => r.Date <= last))
            {
                Mix(r.Date.DayNumber); Mix(r.Rank); Text(r.Symbol); Mix(BitConverter.DoubleToInt64Bits(r.MarketCapUsd));
            }
        }
        return h;
    }

    /// <summary>The data known at the end of <paramref name="day"/>: rows arrived by then.</summary>
    public IMarketData At(DateOnly day) => new View(this, day);

    /// <summary>One series as fed: bars in date order, each with its arrival day (never before an earlier
    /// row's).</summary>
    public sealed class SeriesBuffer
    {
        private readonly StreamMarketData _owner;
        private readonly List<DailyBar> _bars = [];
        private readonly List<DateOnly> _arrived = [];

        internal SeriesBuffer(StreamMarketData owner, Instrument instrument, bool closesOnly) =>
            (_owner, Instrument, ClosesOnly) = (owner, instrument, closesOnly);

        public Instrument Instrument { get; }

        /// <summary>True while only closes were fed.</summary>
        public bool ClosesOnly { get; private set; }

        /// <summary>Rows fed.</summary>
        public int Count => _bars.Count;

        /// <summary>Changes (appends, revisions, backfills) so far: a materialised view is reused until it
        /// changes.</summary>
        public int Version { get; private set; }

        public DailyBar this[int i] => _bars[i];

        /// <summary>The day row <paramref name="i"/> arrived.</summary>
        public DateOnly Arrived(int i) => _arrived[i];

        /// <summary>Rows arrived by the end of <paramref name="day"/>.</summary>
        public int CountArrivedBy(DateOnly day)
        {
            int lo = 0, hi = _arrived.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (_arrived[mid] <= day) lo = mid + 1; else hi = mid;
            }
            return lo;
        }

        /// <summary>Makes room for <paramref name="rows"/> rows in all.</summary>
        public void Reserve(int rows)
        {
            _bars.EnsureCapacity(rows);
            _arrived.EnsureCapacity(rows);
        }

        /// <summary>Adds or replaces the bar of its date, arrived on <paramref name="arrived"/>.</summary>
        /// <returns>The row index changed when an existing row was replaced or a row was inserted before the last
        /// (a revision the states must replay), or -1 for an append.</returns>
        public int Put(DailyBar bar, DateOnly arrived, bool closesOnly)
        {
            Version++;
            _owner.Version++;
            if (!closesOnly) ClosesOnly = false;
            int n = _bars.Count;
            if (n == 0 || bar.Date > _bars[n - 1].Date)
            {
                _bars.Add(bar);
                _arrived.Add(n > 0 && _arrived[n - 1] > arrived ? _arrived[n - 1] : arrived);
                return -1;
            }
            int lo = FirstOnOrAfter(bar.Date.DayNumber);
            if (_bars[lo].Date == bar.Date) _bars[lo] = bar;
            else
            {
                // A backfilled row counts as arrived with its neighbours, so arrivals stay in row order.
                var at = lo > 0 && _arrived[lo - 1] > arrived ? _arrived[lo - 1] : arrived;
                _bars.Insert(lo, bar);
                _arrived.Insert(lo, at > _arrived[lo] ? _arrived[lo] : at);
            }
            return lo;
        }

        /// <summary>
        /// The close dated <paramref name="dayNumber"/> among the rows arrived by the end of
        /// <paramref name="knownBy"/>, or NaN: O(1) on rows without gaps, else a binary search.
        /// </summary>
        public double CloseOn(int dayNumber, DateOnly knownBy)
        {
            var bars = CollectionsMarshal.AsSpan(_bars);
            int n = bars.Length;
            if (n == 0) return double.NaN;
            // Rows one calendar day apart put the date at its distance from the last row.
            int i = n - 1 - (bars[n - 1].Date.DayNumber - dayNumber);
            if ((uint)i >= (uint)n || bars[i].Date.DayNumber != dayNumber) i = FirstOnOrAfter(dayNumber);
            // Arrival days rise with the rows: a row arrived by then has every earlier row arrived too.
            return i < n && bars[i].Date.DayNumber == dayNumber && _arrived[i] <= knownBy ? bars[i].Close
                : double.NaN;
        }

        private int FirstOnOrAfter(int dayNumber)
        {
            var bars = CollectionsMarshal.AsSpan(_bars);
            int lo = 0, hi = bars.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (bars[mid].Date.DayNumber < dayNumber) lo = mid + 1; else hi = mid;
            }
            return lo;
        }

        /// <summary>The first <paramref name="count"/> rows as a series.</summary>
        public DailySeries Materialise(int count) => ClosesOnly
            ? DailySeries.OfCloses(Instrument, [.. _bars.Take(count).Select(b => b.Date)],
                [.. _bars.Take(count).Select(b => b.Close)], count > 0 ? _bars[0].Source : "")
            : new DailySeries(Instrument, _bars.GetRange(0, count));
    }

    /// <summary>One flow table as fed: one row per date, with its arrival day.</summary>
    public sealed class FlowBuffer
    {
        private readonly StreamMarketData _owner;
        private readonly List<DateOnly> _dates = [];
        private readonly List<double[]> _values = [];
        private readonly List<double> _total = [];
        private readonly List<bool> _derived = [];
        private readonly List<DateOnly> _arrived = [];

        internal FlowBuffer(StreamMarketData owner, Instrument instrument, string[] funds, string source) =>
            (_owner, Instrument, Funds, Source) = (owner, instrument, funds, source);

        public Instrument Instrument { get; }
        public string[] Funds { get; }
        public string Source { get; }
        public int Count => _dates.Count;
        public int Version { get; private set; }
        public bool AnyDerived { get; private set; }

        public DateOnly Date(int i) => _dates[i];

        /// <summary>Fund values of row <paramref name="i"/> in <see cref="Funds"/> order.</summary>
        public double[] Values(int i) => _values[i];

        public double Total(int i) => _total[i];

        /// <summary>The day row <paramref name="i"/> arrived (became public).</summary>
        public DateOnly Arrived(int i) => _arrived[i];

        public int CountArrivedBy(DateOnly day)
        {
            int lo = 0, hi = _arrived.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (_arrived[mid] <= day) lo = mid + 1; else hi = mid;
            }
            return lo;
        }

        /// <summary>Adds or replaces the row of <paramref name="date"/>; see <see cref="SeriesBuffer.Put"/>.</summary>
        public int Put(DateOnly date, double[] values, double total, bool derived, DateOnly arrived)
        {
            Version++;
            _owner.Version++;
            AnyDerived |= derived;
            int n = _dates.Count;
            if (n == 0 || date > _dates[n - 1])
            {
                _dates.Add(date); _values.Add(values); _total.Add(total); _derived.Add(derived);
                _arrived.Add(n > 0 && _arrived[n - 1] > arrived ? _arrived[n - 1] : arrived);
                return -1;
            }
            int i = _dates.BinarySearch(date);
            if (i >= 0)
            {
                (_values[i], _total[i], _derived[i]) = (values, total, derived);
                return i;
            }
            i = ~i;
            var at = i > 0 && _arrived[i - 1] > arrived ? _arrived[i - 1] : arrived;
            _dates.Insert(i, date); _values.Insert(i, values); _total.Insert(i, total); _derived.Insert(i, derived);
            _arrived.Insert(i, at > _arrived[i] ? _arrived[i] : at);
            return i;
        }

        public FlowTable Materialise(int count)
        {
            var table = new FlowTable(Instrument, Funds, [.. _dates.Take(count)],
                [.. Enumerable.Range(0, Funds.Length).Select(f => _values.Take(count).Select(v => v[f]).ToArray())],
                [.. _total.Take(count)], Source);
            return AnyDerived ? table with { Derived = [.. _derived.Take(count)] } : table;
        }
    }

    /// <summary>The data known at the end of a day, materialised on demand (the batch kinds' view).</summary>
    private sealed class View(StreamMarketData data, DateOnly day) : IMarketData
    {
        private readonly SharedStructures _shared = new();
        private readonly Dictionary<string, DailySeries?> _materialised = new(StringComparer.OrdinalIgnoreCase);
        private readonly Lock _lock = new();

        public DailySeries? Series(string id)
        {
            lock (_lock)
            {
                if (_materialised.TryGetValue(id, out var s)) return s;
                var buffer = data.Series(id);
                // A closes-only buffer stands for a series the source did not hand out whole.
                return _materialised[id] = buffer is null || buffer.ClosesOnly ? null
                    : buffer.Materialise(buffer.CountArrivedBy(day));
            }
        }

        public FlowTable? Flows(string id) =>
            data.Flows(id) is { } buffer ? buffer.Materialise(buffer.CountArrivedBy(day)) : null;

        public IReadOnlyList<DailySeries> ClosesOfClass(AssetClass assetClass) =>
        [
            .. data._seriesInOrder.Where(b => b.Instrument.Class == assetClass)
                .Select(b => (Buffer: b, Count: b.CountArrivedBy(day))).Where(x => x.Count > 0)
                .Select(x =>
                    DailySeries.OfCloses(x.Buffer.Instrument,
                        [.. Enumerable.Range(0, x.Count).Select(i => x.Buffer[i].Date)],
                    [.. Enumerable.Range(0, x.Count).Select(i => x.Buffer[i].Close)], x.Buffer[0].Source)),
        ];

        public IReadOnlyList<RankedCoin> Rankings(string? list = null) =>
        [
            .. data._rankings.Where(kv => list is null || kv.Key == list).SelectMany(kv => kv.Value)
                .Where(r => r.Date <= day),
        ];

        public IReadOnlyList<CoinClassification> Classifications(string? list = null) => data.Classifications;

        public T Shared<T>(SharedKey<T> key, Func<IMarketData, T> build) where T : class =>
            _shared.GetOrBuild(key, () => build(this));
    }
}
