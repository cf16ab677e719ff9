using Bellwether.Core.Board;
using Bellwether.Core.Flows;
using Bellwether.Core.Instruments;
using Bellwether.Core.Releases;
using Bellwether.Core.Series;
using Bellwether.Core.Universe;

namespace Bellwether.Core.Streaming;

/// <summary>
/// Replays stored data into a <see cref="StreamingBoard"/> day by day, as it became public: each day the rows of
/// the view published by its end (<see cref="IMarketData.Published"/>) that were not fed yet, and the values that
/// view revised (a new vintage). The inputs are those the signals' states declare (<see cref="FeedInputs"/>), and for a
/// signal read in batch those its board reads on the last day.
/// </summary>
public sealed class MarketFeed
{
    private readonly IMarketData _source;
    private readonly ThesisDefinition _thesis;
    private readonly StreamingBoard _board;
    private readonly List<string> _series = [], _flows = [];
    private readonly HashSet<string> _seriesFed = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<AssetClass> _classes = [];
    private readonly Dictionary<string, FedSeries> _fed = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<AssetClass, (IReadOnlyList<DailySeries> List, FedSeries?[] Fed)> _classFed = [];
    private readonly Dictionary<string, int> _flowRowsFed = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<DateOnly, List<IReadOnlyList<RankedCoin>>> _rankings = [];
    private readonly IFeedTap? _tap;
    private readonly DateOnly _last;

    /// <param name="source">The stored data (latest values; its <see cref="IMarketData.Published"/> applies release
    /// rules).</param>
    /// <param name="thesis">The thesis the board follows.</param>
    /// <param name="kinds">The signal kinds.</param>
    /// <param name="last">The last day that will be fed (a signal read in batch: its inputs are those its board reads
    /// that day).</param>
    /// <param name="tap">Gets every call made on the board too (the rows for a board elsewhere).</param>
    public MarketFeed(IMarketData source, ThesisDefinition thesis, SignalKinds kinds, DateOnly last,
        int checkpointEvery = 32, IFeedTap? tap = null)
    {
        (_source, _thesis, _tap, _last) = (source, thesis, tap, last);
        var reads = FeedInputs.Of(thesis, kinds, source, last);
        _series.AddRange(reads.Series.Where(id => source.Series(id) is not null));
        _seriesFed.UnionWith(_series);
        _flows.AddRange(reads.Flows.Where(id => source.Flows(id) is not null));
        _classes.AddRange(reads.Classes);
        _board = new StreamingBoard(thesis, kinds, reads.Classifications ? source.Classifications() : [],
            checkpointEvery);
        // An input exists before its first row, as in the store; its buffer holds the rows up to the last day without
        // growing.
        foreach (var s in _series.Select(id => source.Series(id)!))
            DeclareSeries(s.Instrument, closesOnly: false).Reserve(s.IndexOnOrBefore(last) + 1);
        foreach (var t in _flows.Select(id => source.Flows(id)!))
        {
            _board.Data.FlowsOf(t.Instrument, t.Funds, t.Source);
            _tap?.Flows(t.Instrument, t.Funds, t.Source);
        }
        foreach (var s in _classes.SelectMany(source.ClosesOfClass))
            DeclareSeries(s.Instrument, closesOnly: true).Reserve(s.IndexOnOrBefore(last) + 1);
        foreach (var group in (reads.Rankings ? source.Rankings() : []).GroupBy(r => (r.Source, r.Date)))
        {
            if (!_rankings.TryGetValue(group.Key.Date, out var day)) _rankings[group.Key.Date] = day = [];
            day.Add([.. group]);
        }
        First = new[]
        {
            _series.Select(id => source.Series(id)!).Concat(_classes.SelectMany(source.ClosesOfClass))
                .Where(s => s.Count > 0).Select(s => s.Dates[0]),
            _flows.Select(id => source.Flows(id)!).Where(t => t.Count > 0).Select(t => t.Dates[0]),
            _rankings.Keys,
        }.SelectMany(d => d).DefaultIfEmpty(last).Min();
    }

    /// <summary>The last day of <paramref name="source"/>'s crypto closes and the thesis's series: a feed's natural
    /// end.</summary>
    public static DateOnly LastDay(IMarketData source) =>
        source.ClosesOfClass(AssetClass.Crypto).Where(s => s.Count > 0).Select(s => s.Dates[^1])
        .DefaultIfEmpty(DateOnly.MinValue).Max();

    /// <summary>The board fed.</summary>
    public StreamingBoard Board => _board;

    /// <summary>The first day any input has a row: the day to start feeding.</summary>
    public DateOnly First { get; }

    /// <summary>
    /// The day to start feeding and closing for boards from <paramref name="firstRead"/> on: the states' warm-up
    /// (<see cref="StreamingBoard.WarmUpFrom"/>), not before <see cref="First"/>. The first <see cref="Feed"/> then
    /// feeds every row published by that day at once, so the days before it are not replayed one by one
    /// (<paramref name="firstRead"/> itself when it comes before <see cref="First"/>).
    /// </summary>
    public DateOnly Start(DateOnly firstRead)
    {
        var day = _board.WarmUpFrom(firstRead);
        return day >= First ? day : First < firstRead ? First : firstRead;
    }

    /// <summary>The ids fed: series, then flow tables.</summary>
    public IEnumerable<string> Inputs => _series.Concat(_flows);

    /// <summary>Feeds what became public on <paramref name="day"/> (without closing it).</summary>
    public void Feed(DateOnly day)
    {
        var published = _source.Published(day);
        // A lagged series without vintages is the first rows of the stored one: no cut per day, no values to compare.
        foreach (var id in _series)
            if (_source.Publication?.StoredRowsPublished(id, day) is { } rows)
                FeedSeries(_source.Series(id)!, day, closesOnly: false, rows);
            else FeedSeries(published.Series(id)!, day, closesOnly: false);
        foreach (var c in _classes)
        {
            // The same list every day (a class's closes have no release lag): its series' records are found once.
            var list = published.ClosesOfClass(c);
            bool changed = !_classFed.TryGetValue(c, out var fed) || !ReferenceEquals(fed.List, list);
            if (changed)
                _classFed[c] = fed = (list,
                    [.. list.Select(s => _seriesFed.Contains(s.Instrument.Id) ? null : Fed(s, closesOnly: true))]);
            // Without a tap a list is fed ahead, whole, when it is new: each row arrives on its date (today when dated
            // earlier), as fed day by day, and the days until the list changes cost nothing (≈ 360 coins' buffers not
            // touched each day). A tap gets each day's rows on that day.
            bool ahead = _tap is null;
            if (changed || !ahead)
                for (int k = 0; k < list.Count; k++)
                    if (fed.Fed[k] is { } f) FeedSeries(f, list[k], day, closesOnly: true, ahead: ahead);
        }
        foreach (var id in _flows)
            if (published.Flows(id) is { } table) FeedFlows(table, day);
        foreach (var snapshot in _rankings.GetValueOrDefault(day) ?? [])
        {
            _board.Ranking(snapshot);
            _tap?.Ranking(snapshot);
        }
    }

    /// <summary>
    /// Feeds the rows known by the last day <paramref name="snapshot"/> closed and resumes the board from it, so the
    /// next day to feed and close is the one after; null when the snapshot closed no day (nothing is fed).
    /// </summary>
    /// <exception cref="InvalidDataException">The snapshot is refused (another version or thesis, other data): this
    /// feed has been fed and must not be used; replay with a new one.</exception>
    public DateOnly? Resume(byte[] snapshot)
    {
        if (StreamingBoard.SnapshotDay(snapshot, _thesis) is not { } day) return null;
        for (var d = First; d <= day; d = d.AddDays(1)) Feed(d);
        _board.Resume(snapshot);
        return day;
    }

    /// <summary>Feeds and closes every day from <paramref name="from"/> to <paramref name="to"/>; the boards of days
    /// on or after <paramref name="readFrom"/> go to <paramref name="onBoard"/>.</summary>
    public void Run(DateOnly from, DateOnly to, DateOnly readFrom, Action<BoardResult>? onBoard)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            Feed(d);
            var board = _board.Close(d, read: onBoard is not null && d >= readFrom);
            if (board is not null) onBoard!(board);
        }
    }

    /// <summary>What was fed of one series: the object read last (a lagged view is a new object when its published
    /// state changed) and how many of its rows.</summary>
    private sealed class FedSeries(StreamMarketData.SeriesBuffer buffer)
    {
        public StreamMarketData.SeriesBuffer Buffer { get; } = buffer;
        public DailySeries? From { get; set; }
        public int Rows { get; set; }
    }

    private FedSeries Fed(DailySeries s, bool closesOnly)
    {
        if (!_fed.TryGetValue(s.Instrument.Id, out var fed))
            _fed[s.Instrument.Id] = fed = new FedSeries(DeclareSeries(s.Instrument, closesOnly));
        return fed;
    }

    private StreamMarketData.SeriesBuffer DeclareSeries(Instrument instrument, bool closesOnly)
    {
        _tap?.Series(instrument, closesOnly);
        return _board.Data.SeriesOf(instrument, closesOnly);
    }

    private void Bar(FedSeries fed, DailyBar bar, DateOnly day, bool closesOnly)
    {
        _board.Bar(fed.Buffer, bar, day, closesOnly);
        _tap?.Bar(fed.Buffer.Instrument, bar, day, closesOnly);
    }

    private void FeedSeries(DailySeries s, DateOnly day, bool closesOnly, int published = int.MaxValue) =>
        FeedSeries(Fed(s, closesOnly), s, day, closesOnly, published);

    /// <param name="published">Rows of <paramref name="s"/> public by then, when it is the stored series of a lagged
    /// one (<see cref="Publication.StoredRowsPublished"/>).</param>
    /// <param name="ahead">Feed the rows dated after <paramref name="day"/> too (up to the last day), each arriving on
    /// its date.</param>
    private void FeedSeries(FedSeries fed, DailySeries s, DateOnly day, bool closesOnly, int published = int.MaxValue,
        bool ahead = false)
    {
        int rows = fed.Rows, known = rows;
        if (ReferenceEquals(fed.From, s))
        {
            // The rows fed are unchanged: the next ones dated by then follow them.
            for (int limit = Math.Min(published, s.Count); known < limit && s.Dates[known] <= day; known++) { }
        }
        else
        {
            known = Math.Min(published, s.IndexOnOrBefore(ahead ? _last : day) + 1);
            // A lagged view is a new object when its published state changed: look for revised values in the rows fed.
            if (fed.From is { } previous)
                for (int i = 0; i < Math.Min(rows, known); i++)
                    if (BitConverter.DoubleToInt64Bits(previous.Close[i]) != BitConverter.DoubleToInt64Bits(s.Close[i])
                        || previous.Dates[i] != s.Dates[i])
                        Bar(fed, s[i], Arrival(s, i, day), closesOnly);
        }
        for (int i = rows; i < known; i++) Bar(fed, s[i], Arrival(s, i, day), closesOnly);
        fed.From = s;
        fed.Rows = Math.Max(rows, known);
    }

    /// <summary>The day row <paramref name="i"/> of <paramref name="s"/> arrives when fed on <paramref name="day"/>:
    /// that day, or its date when fed ahead.</summary>
    private static DateOnly Arrival(DailySeries s, int i, DateOnly day) => s.Dates[i] > day ? s.Dates[i] : day;

    private void FeedFlows(FlowTable t, DateOnly day)
    {
        var id = t.Instrument.Id;
        int known = Array.BinarySearch(t.Dates, day) is var i && i >= 0 ? i + 1 : ~i;
        int fed = _flowRowsFed.GetValueOrDefault(id);
        for (int r = fed; r < known; r++)
        {
            double[] values = [.. t.Values.Select(v => v[r])];
            bool derived = t.Derived?[r] ?? false;
            _board.Flow(t.Instrument, t.Funds, t.Source, t.Dates[r], values, t.Total[r], derived, day);
            _tap?.Flow(t.Instrument, t.Funds, t.Source, t.Dates[r], values, t.Total[r], derived, day);
        }
        _flowRowsFed[id] = Math.Max(known, fed);
    }
}
