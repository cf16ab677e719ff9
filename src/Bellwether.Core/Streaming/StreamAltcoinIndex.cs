using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Instruments;

namespace Bellwether.Core.Streaming;

/// <summary>
/// The Altcoin Season Index over a stream's data, shared by every <c>altseason</c> signal of the stream: the ranking
/// resolution (<see cref="AltcoinSeasonIndex"/>) is rebuilt only when a ranking or a coin arrives, closes are read
/// from the coins' buffers as known at the end of the day (O(1) per close on rows without gaps), and each point
/// (date, window, size) is computed once per day and data however many signals read it. It keeps no state of its own
/// beyond what the data determines, so checkpoints and snapshots leave it out.
/// </summary>
internal sealed class StreamAltcoinIndex(StreamMarketData data)
{
    private readonly List<StreamMarketData.SeriesBuffer> _coins = [];
    private readonly Dictionary<(int Day, AltcoinSeasonParameters Parameters), AltcoinSeasonPoint> _points = [];
    private int _seriesSeen, _rankingRows = -1, _rankingChanges = -1;
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
        bool rebuild = false;
        for (; _seriesSeen < data.AllSeries.Count; _seriesSeen++)
            if (data.AllSeries[_seriesSeen] is { Instrument.Class: AssetClass.Crypto } coin)
            {
                _coins.Add(coin);
                rebuild = true;
            }
        int rankingRows = data.RankingRowsBy(day);
        if (!rebuild && rankingRows == _rankingRows && data.RankingChanges == _rankingChanges) return;
        (_rankingRows, _rankingChanges) = (rankingRows, data.RankingChanges);
        var rankings = data.RankingLists.Values.SelectMany(l => l).Where(r => r.Date <= day).ToList();
        Index = new AltcoinSeasonIndex(_coins.Select(c => c.Instrument), rankings, data.Classifications, Close);
        FirstRanking = Index.Rankings.Snapshots.Count > 0 ? Index.Rankings.Snapshots.Min(x => x.Date) : null;
    }

    /// <summary>The index at <paramref name="date"/> with <paramref name="parameters"/>, on the data known by the last
    /// <see cref="KnownBy"/>.</summary>
    public AltcoinSeasonPoint Point(DateOnly date, AltcoinSeasonParameters parameters)
    {
        var key = (date.DayNumber, parameters);
        if (!_points.TryGetValue(key, out var point)) _points[key] = point = Index.Point(date, parameters);
        return point;
    }

    private double Close(int coin, int day) =>
        _coins[coin].CloseOn(day, _knownBy) is var close && close > 0 && double.IsFinite(close) ? close : double.NaN;
}
