using Bellwether.Core.Board;
using Bellwether.Core.Calendars;
using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Instruments;
using Bellwether.Core.Measurements.AltSeason;
using Bellwether.Core.Signals;

namespace Bellwether.Core.Streaming;

/// <summary>
/// <c>altseason</c> incrementally: each coin keeps its closes of the last N + 1 calendar days in a ring (the index
/// at t reads closes at t and t − N only), the index walks the ranking in force once per variant per day (O(K)), and
/// the season's run and the value 30 days ago come from the days already computed. The ranking resolution
/// (<see cref="AltcoinSeasonIndex"/>) is rebuilt only when a ranking or a coin arrives. Memory O(coins × N).
/// </summary>
internal sealed class AltSeasonState(AltSeasonOf options) : ISignalState
{
    private const int MonthDays = 30;

    private readonly int _span = Math.Max(options.Index.WindowDays, options.Variants.Max(v => v.Days)) + 1;
    private readonly List<Coin> _coins = [];
    private readonly Dictionary<string, int> _coinIndex = new(StringComparer.OrdinalIgnoreCase);
    private readonly double[] _month = new double[MonthDays + 1];
    private readonly int[] _monthDays = new int[MonthDays + 1];
    private AltcoinSeasonIndex? _index;
    private int _rankingRows = -1;
    private DateOnly? _firstRanking, _computed, _lastChange;
    private Season _season;

    private sealed class Coin(string id, int span)
    {
        public string Id { get; } = id;
        public Instrument? Instrument { get; set; }
        public int Consumed { get; set; }
        public double[] Closes { get; } = new double[span];
        public int[] Days { get; } = new int[span];
    }

    public SignalReading Advance(StreamMarketData data, DateOnly day)
    {
        Consume(data, day);
        for (var d = _computed is { } c && c.DayNumber >= day.DayNumber - MonthDays ? c.AddDays(1)
            : day; d <= day; d = d.AddDays(1)) Compute(d);
        _computed = day;
        var p = options.Index;
        var benchmarkId = AltcoinUniverseOptions.Default.Benchmark;
        var benchmark = data.Series(benchmarkId);
        var inputs = new List<SignalInput> { benchmark is null || benchmark.ClosesOnly
            ? SignalInput.Missing(benchmarkId) : LastClose(benchmark, day) };
        var ranking = _index?.Rankings.InForce(day);
        if (ranking is not null) inputs.Add(SignalInput.Of(ranking.List, CalendarKind.Monthly, ranking.Date, day));
        var today = _index?.Point(day, p);
        if (today is not { IsDefined: true } t || t.Status is IndexStatus.StaleRanking or IndexStatus.Partial)
            return SignalReading.NotMeasurable(
                $"no Altcoin Season Index ({p.WindowDays} days, top {p.TopCount}) on {Say.Date(day)}", inputs);
        var monthAgo = day.AddDays(-MonthDays).DayNumber;
        double monthAgoIndex = _monthDays[Slot(monthAgo, _month.Length)] == monthAgo
            ? _month[Slot(monthAgo, _month.Length)] : double.NaN;
        var fields = new Dictionary<string, double>();
        foreach (var (days, top, parameters) in options.Variants) fields[$"d{days}_k{top}"] = _index!.Point(day,
            parameters).Index;
        fields["change_30d"] = t.Index - monthAgoIndex;
        fields["eligible"] = t.Eligible;
        fields["coverage"] = (double)t.Eligible / p.TopCount;
        fields["ranking_age_days"] = day.DayNumber - ranking!.Date.DayNumber;
        // The batch looks for the run within a history from 1 January two years back (or the first ranking).
        var first = new DateOnly(day.Year - 2, 1, 1) is var jan && jan > _firstRanking!.Value ? jan
            : _firstRanking.Value;
        var since = _lastChange is { } change && change > first ? change : first;
        return new SignalReading(true, t.Index, Say.Word(p.SeasonOf(t.Index)), since, "", day.AddDays(-p.WindowDays),
            day, inputs, fields, "index");
    }

    /// <summary>
    /// The season's run is looked for from 1 January two years back and the change from 30 days back, both from days
    /// computed one after another (a first day computes that day alone).
    /// </summary>
    public DateOnly WarmUpFrom(DateOnly firstRead) =>
        firstRead.Year > 2 ? new DateOnly(firstRead.Year - 2, 1, 1).AddDays(-MonthDays) : DateOnly.MinValue;

    private static SignalInput LastClose(StreamMarketData.SeriesBuffer series, DateOnly day)
    {
        int i = series.CountArrivedBy(day) - 1;
        while (i >= 0 && double.IsNaN(series[i].Close)) i--;
        return SignalInput.Of(series.Instrument.Id, series.Instrument.Calendar, i >= 0 ? series[i].Date : null, day);
    }

    /// <summary>New coins and closes into the rings; a new coin or ranking makes the index be rebuilt.</summary>
    private void Consume(StreamMarketData data, DateOnly day)
    {
        bool rebuild = _index is null;
        foreach (var buffer in data.AllSeries)
        {
            if (buffer.Instrument.Class != AssetClass.Crypto) continue;
            // A coin without rows yet is registered too (its closes read NaN, as a coin not yet listed): the feed
            // creates every coin's buffer at its start, so the index is rebuilt when a ranking arrives, not a coin.
            int end = buffer.CountArrivedBy(day);
            if (!_coinIndex.TryGetValue(buffer.Instrument.Id, out int s))
            {
                _coinIndex[buffer.Instrument.Id] = s = _coins.Count;
                _coins.Add(new Coin(buffer.Instrument.Id, _span));
                rebuild = true;
            }
            var coin = _coins[s];
            coin.Instrument ??= buffer.Instrument;
            for (; coin.Consumed < end; coin.Consumed++)
            {
                var bar = buffer[coin.Consumed];
                int slot = Slot(bar.Date.DayNumber, _span);
                coin.Days[slot] = bar.Date.DayNumber;
                coin.Closes[slot] = bar.Close > 0 && double.IsFinite(bar.Close) ? bar.Close : double.NaN;
            }
        }
        int rankingRows = data.RankingRowsBy(day);
        if (!rebuild && rankingRows == _rankingRows) return;
        _rankingRows = rankingRows;
        var rankings = data.RankingLists.Values.SelectMany(l => l).Where(r => r.Date <= day).ToList();
        _index = new AltcoinSeasonIndex(_coins.Select(c => c.Instrument!), rankings, data.Classifications, Close);
        _firstRanking = _index.Rankings.Snapshots.Count > 0 ? _index.Rankings.Snapshots.Min(x => x.Date) : null;
    }

    private double Close(int s, int day)
    {
        var coin = _coins[s];
        int slot = Slot(day, _span);
        return coin.Days[slot] == day ? coin.Closes[slot] : double.NaN;
    }

    /// <summary>The index of day <paramref name="d"/>: its season's run and the value kept for 30 days later.</summary>
    private void Compute(DateOnly d)
    {
        if (_index is null || _firstRanking is not { } firstRanking || d < firstRanking) return;
        var point = _index.Point(d, options.Index);
        var season = options.Index.SeasonOf(point.Index);
        if (d > firstRanking && season != _season) _lastChange = d;
        _season = season;
        int slot = Slot(d.DayNumber, _month.Length);
        (_month[slot], _monthDays[slot]) = (point.Index, d.DayNumber);
    }

    private static int Slot(int day, int length) => day % length;

    public void Write(BinaryWriter w)
    {
        w.Write(_coins.Count);
        foreach (var c in _coins)
        {
            w.Write(c.Id); w.Write(c.Consumed);
            for (int k = 0; k < _span; k++) { w.Write(c.Days[k]); w.Write(c.Closes[k]); }
        }
        for (int k = 0; k < _month.Length; k++) { w.Write(_monthDays[k]); w.Write(_month[k]); }
        Snapshots.Write(w, _computed); Snapshots.Write(w, _lastChange); w.Write((int)_season);
    }

    public void Read(BinaryReader r)
    {
        _coins.Clear();
        _coinIndex.Clear();
        int n = r.ReadInt32();
        for (int s = 0; s < n; s++)
        {
            var c = new Coin(r.ReadString(), _span) { Consumed = r.ReadInt32() };
            for (int k = 0; k < _span; k++) { c.Days[k] = r.ReadInt32(); c.Closes[k] = r.ReadDouble(); }
            _coinIndex[c.Id] = s;
            _coins.Add(c);
        }
        for (int k = 0; k < _month.Length; k++) { _monthDays[k] = r.ReadInt32(); _month[k] = r.ReadDouble(); }
        (_computed, _lastChange, _season) = (Snapshots.ReadDate(r), Snapshots.ReadDate(r), (Season)r.ReadInt32());
        // Rebuilt from the data at the next day (the coins' instruments come from their buffers).
        (_index, _rankingRows) = (null, -1);
    }
}
