using Bellwether.Core.Board;
using Bellwether.Core.Calendars;
using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Instruments;
using Bellwether.Core.Measurements.AltSeason;
using Bellwether.Core.Signals;

namespace Bellwether.Core.Streaming;

/// <summary>
/// <c>altseason</c> incrementally: the stream's one <see cref="StreamAltcoinIndex"/> (shared by every
/// <c>altseason</c> signal) walks the ranking in force once per variant per day (O(K)), and this state keeps the
/// season's run and the last 30 days' values for the change. Memory O(1) per signal; the index's resolution O(coins).
/// </summary>
internal sealed class AltSeasonState(AltSeasonOf options) : ISignalState
{
    private const int MonthDays = 30;

    private readonly double[] _month = new double[MonthDays + 1];
    private readonly int[] _monthDays = new int[MonthDays + 1];
    private DateOnly? _computed, _lastChange;
    private Season _season;

    public SignalReading Advance(StreamMarketData data, DateOnly day)
    {
        var index = data.AltcoinIndex;
        index.KnownBy(day);
        for (var d = _computed is { } c && c.DayNumber >= day.DayNumber - MonthDays ? c.AddDays(1)
            : day; d <= day; d = d.AddDays(1)) Compute(index, d);
        _computed = day;
        var p = options.Index;
        var benchmarkId = AltcoinUniverseOptions.Default.Benchmark;
        var benchmark = data.Series(benchmarkId);
        var inputs = new List<SignalInput> { benchmark is null || benchmark.ClosesOnly
            ? SignalInput.Missing(benchmarkId) : LastClose(benchmark, day) };
        var ranking = index.Index.Rankings.InForce(day);
        if (ranking is not null) inputs.Add(SignalInput.Of(ranking.List, CalendarKind.Monthly, ranking.Date, day));
        var today = index.Point(day, p);
        if (today is not { IsDefined: true } t || t.Status is IndexStatus.StaleRanking or IndexStatus.Partial)
            return SignalReading.NotMeasurable(
                $"no Altcoin Season Index ({p.WindowDays} days, top {p.TopCount}) on {Say.Date(day)}", inputs);
        var monthAgo = day.AddDays(-MonthDays).DayNumber;
        double monthAgoIndex = _monthDays[Slot(monthAgo, _month.Length)] == monthAgo
            ? _month[Slot(monthAgo, _month.Length)] : double.NaN;
        var fields = new Dictionary<string, double>(options.Variants.Count + 4);
        foreach (var (days, top, parameters) in options.Variants) fields[$"d{days}_k{top}"] = index.Point(day,
            parameters).Index;
        fields["change_30d"] = t.Index - monthAgoIndex;
        fields["eligible"] = t.Eligible;
        fields["coverage"] = (double)t.Eligible / p.TopCount;
        fields["ranking_age_days"] = day.DayNumber - ranking!.Date.DayNumber;
        // The batch looks for the run within a history from 1 January two years back (or the first ranking).
        var first = new DateOnly(day.Year - 2, 1, 1) is var jan && jan > index.FirstRanking!.Value ? jan
            : index.FirstRanking.Value;
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

    /// <summary>The index of day <paramref name="d"/>: its season's run and the value kept for 30 days later.</summary>
    private void Compute(StreamAltcoinIndex index, DateOnly d)
    {
        if (index.FirstRanking is not { } firstRanking || d < firstRanking) return;
        var point = index.Point(d, options.Index);
        var season = options.Index.SeasonOf(point.Index);
        if (d > firstRanking && season != _season) _lastChange = d;
        _season = season;
        int slot = Slot(d.DayNumber, _month.Length);
        (_month[slot], _monthDays[slot]) = (point.Index, d.DayNumber);
    }

    private static int Slot(int day, int length) => day % length;

    public void Declare(FeedInputs inputs)
    {
        inputs.Series.Add(AltcoinUniverseOptions.Default.Benchmark);
        inputs.Classes.Add(AssetClass.Crypto);
        (inputs.Rankings, inputs.Classifications) = (true, true);
    }

    public void Write(BinaryWriter w)
    {
        for (int k = 0; k < _month.Length; k++) { w.Write(_monthDays[k]); w.Write(_month[k]); }
        Snapshots.Write(w, _computed); Snapshots.Write(w, _lastChange); w.Write((int)_season);
    }

    public void Read(BinaryReader r)
    {
        for (int k = 0; k < _month.Length; k++) { _monthDays[k] = r.ReadInt32(); _month[k] = r.ReadDouble(); }
        (_computed, _lastChange, _season) = (Snapshots.ReadDate(r), Snapshots.ReadDate(r), (Season)r.ReadInt32());
    }
}
