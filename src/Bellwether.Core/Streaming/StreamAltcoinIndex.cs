using System.Runtime.InteropServices;
using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Instruments;
using Bellwether.Core.Universe;

namespace Bellwether.Core.Streaming;

/// <summary>
/// The Altcoin Season Index over a stream's data, shared by every <c>altseason</c> signal of the stream: the ranking
/// resolution (<see cref="AltcoinSeasonIndex"/>) is rebuilt only when a ranking or a coin arrives (a ranking is
/// grouped once and the coins' resolution kept: O(rankings), not O(ranking rows)), closes are read
/// from the coins' buffers as known at the end of the day (O(1) per close on rows without gaps), and the points of a
/// day (every window and size asked for) are computed in one walk of the ranking, once per day and data however many
/// signals read them. It keeps no state of its own beyond what the data determines, so checkpoints and snapshots leave
/// it out.
/// </summary>
internal sealed class StreamAltcoinIndex(StreamMarketData data)
{
    private readonly List<StreamMarketData.SeriesBuffer> _coins = [];
    // Every parameter set a point was asked with, in the order first asked; the points by day and that order.
    private readonly List<AltcoinSeasonParameters> _asked = [];
    private readonly Dictionary<(int Day, int Asked), AltcoinSeasonPoint> _points = [];
    // Per list (names case-insensitive, as the timeline groups them) its rankings dated by the last day, and per
    // list of the data the rows grouped into them.
    private readonly Dictionary<string, RankingTimeline.RankingList> _snapshots =
        new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _rowsGrouped = new(StringComparer.Ordinal);
    private AltcoinSeasonIndex? _coinsResolved;
    private int _seriesSeen, _rankingRevisions;
    private DateOnly _knownBy;
    private long _version = -1;

    /// <summary>The index as of the last <see cref="KnownBy"/>.</summary>
    public AltcoinSeasonIndex Index { get; private set; } = null!;

    /// <summary>The first ranking's date, or null without one.</summary>
    public DateOnly? FirstRanking { get; private set; }

    /// <summary>Brings the index to the data known at the end of <paramref name="day"/>.</summary>
    public void KnownBy(DateOnly day)
    {
        if (day == _knownBy && data.Version == _version) return;
        (_knownBy, _version) = (day, data.Version);
        _points.Clear();
        // A coin without rows yet is registered too (its closes read NaN, as a coin not yet listed): the feed creates
        // every coin's buffer at its start, so the index is rebuilt when a ranking arrives, not a coin.
        bool coins = false;
        for (; _seriesSeen < data.AllSeries.Count; _seriesSeen++)
            if (data.AllSeries[_seriesSeen] is { Instrument.Class: AssetClass.Crypto } coin)
            {
                _coins.Add(coin);
                coins = true;
            }
        if (coins)
            _coinsResolved = new AltcoinSeasonIndex(_coins.Select(c => c.Instrument), [], data.Classifications, Close);
        if (!GroupRankings(day) && !coins) return;
        Index = _snapshots.Count == data.RankingLists.Count ? _coinsResolved!.WithRankings(_snapshots)
            // Two lists whose names differ in case only are one list to the timeline: grouped from their rows.
            : new AltcoinSeasonIndex(_coins.Select(c => c.Instrument),
                data.RankingLists.Values.SelectMany(l => l).Where(r => r.Date <= day), data.Classifications, Close);
        FirstRanking = Index.Rankings.Snapshots.Count > 0 ? Index.Rankings.Snapshots.Min(x => x.Date) : null;
    }

    /// <summary>Groups the ranking rows dated by <paramref name="day"/> not grouped yet into snapshots (all of them
    /// again after a revision, or when the day is earlier: a replay); true when any changed.</summary>
    private bool GroupRankings(DateOnly day)
    {
        bool again = data.RankingRevisions != _rankingRevisions
            || data.RankingLists.Any(l =>
                StreamMarketData.RowsBy(l.Value, day) < _rowsGrouped.GetValueOrDefault(l.Key));
        if (again)
        {
            _rankingRevisions = data.RankingRevisions;
            _snapshots.Clear();
            _rowsGrouped.Clear();
        }
        bool changed = again;
        foreach (var (name, rows) in data.RankingLists)
        {
            int start = _rowsGrouped.GetValueOrDefault(name), by = StreamMarketData.RowsBy(rows, day);
            for (int end; start < by; start = end)
            {
                for (end = start + 1; end < by && rows[end].Date == rows[start].Date; end++) { }
                if (!_snapshots.TryGetValue(name, out var list)) _snapshots[name] = list = new(name);
                list.Add(rows.GetRange(start, end - start));
                changed = true;
            }
            _rowsGrouped[name] = by;
        }
        return changed;
    }

    /// <summary>
    /// The index at <paramref name="date"/> with <paramref name="parameters"/>, on the data known by the last
    /// <see cref="KnownBy"/>. Computed with every parameter set asked for so far, in one walk of the ranking
    /// (<see cref="AltcoinSeasonIndex.Points"/>): a day of the six published variants costs one walk, not six.
    /// </summary>
    public AltcoinSeasonPoint Point(DateOnly date, AltcoinSeasonParameters parameters)
    {
        int asked = _asked.IndexOf(parameters);
        if (asked < 0)
        {
            _asked.Add(parameters);
            asked = _asked.Count - 1;
        }
        if (_points.TryGetValue((date.DayNumber, asked), out var point)) return point;
        var points = new AltcoinSeasonPoint[_asked.Count];
        Index.Points(date, CollectionsMarshal.AsSpan(_asked), points);
        for (int k = 0; k < points.Length; k++) _points[(date.DayNumber, k)] = points[k];
        return points[asked];
    }

    private double Close(int coin, int day) =>
        _coins[coin].CloseOn(day, _knownBy) is var close && close > 0 && double.IsFinite(close) ? close : double.NaN;
}
