using Bellwether.Core.Board;
using Bellwether.Core.Calendars;
using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Instruments;
using Bellwether.Core.Signals;

namespace Bellwether.Core.Measurements.AltSeason;

/// <summary>
/// <c>altseason</c>: the Altcoin Season Index (share of the top-K altcoins whose N-day return beat Bitcoin's), read from
/// <see cref="AltcoinSeasonIndex.History"/> with the default universe (every ranking list, the coin lists' stablecoin and
/// wrapped flags). Value: the index, 0–100. Label: <c>bitcoin_season</c>, <c>neutral</c>, <c>altcoin_season</c>, since
/// the first day of the current run of days in that band. Fields give the other published variants (N = 30, 90, 365;
/// K = 50, 100) and the change over 30 days.
/// </summary>
public sealed class AltSeasonSignal : SignalKind<AltSeasonSignalOptions>
{
    /// <summary>N, shared with the <c>altseason</c> claim (which reads a list, once called <c>windows_days</c>).
    /// </summary>
    internal static readonly MeasurementParameter WindowDays = new("window_days", "90",
        "N: the return window in calendar days (30 month, 90 season, 365 year)")
    { Aliases = ["windows_days"] };

    /// <summary>K, shared with the <c>altseason</c> claim (which reads a list, once called <c>tops</c>).</summary>
    internal static readonly MeasurementParameter Top = new("top", "50",
        "K: eligible altcoins counted (50 as blockchaincenter.net, 100 as CoinMarketCap)")
    { Aliases = ["tops"] };
    private static readonly MeasurementParameter AltcoinSeason = new("altcoin_season", "75",
        "an index at or above this is Altcoin Season");
    private static readonly MeasurementParameter BitcoinSeason = new("bitcoin_season", "25",
        "an index at or below this is Bitcoin Season");
    private static readonly MeasurementParameter MinCoverage = new("min_coverage", "0.8",
        "share of K that must be eligible; a reading on fewer coins is partial and not counted");
    private static readonly MeasurementParameter MaxRankingAge = new("max_ranking_age_days", "35",
        "oldest ranking in force (days) for a counted reading; older is stale_ranking and not counted");

    /// <summary>The published variants reported as fields: (N, K).</summary>
    private static readonly (int Days, int Top)[] Variants = [(30, 50), (90, 50), (365, 50), (30, 100), (90, 100), (365, 100)];

    public override string Name => "altseason";
    public override IReadOnlyList<string> Aliases { get; } = ["altcoin_season_index"];
    public override string Description => "Altcoin Season Index: share of the top-K altcoins beating Bitcoin over N days (0–100), with the 30/90/365-day, K=50/100 variants";
    public override IReadOnlyList<MeasurementParameter> Parameters { get; } =
        [WindowDays, Top, AltcoinSeason, BitcoinSeason, MinCoverage, MaxRankingAge];
    public override IReadOnlyList<string> Labels { get; } = ["bitcoin_season", "neutral", "altcoin_season"];
    public override IReadOnlyList<string> Fields { get; } =
        [.. Variants.Select(v => FieldName(v.Days, v.Top)), "change_30d", "eligible", "coverage", "ranking_age_days"];

    private static string FieldName(int days, int top) => $"d{days}_k{top}";

    protected override AltSeasonSignalOptions Parse(SignalSpec spec)
    {
        var p = new AltcoinSeasonParameters(spec.Integer(WindowDays), spec.Integer(Top), spec.Number(AltcoinSeason),
            spec.Number(BitcoinSeason), spec.Number(MinCoverage), spec.Integer(MaxRankingAge));
        return new AltSeasonSignalOptions(p, [.. Variants.Select(v => (v.Days, v.Top, p with { WindowDays = v.Days, TopCount = v.Top }))]);
    }

    protected override SignalReading Read(AltSeasonSignalOptions o, IMarketData data, DateOnly asOf)
    {
        var p = o.Index;
        // Prepared once per data set: the index reads only rankings dated on or before t and closes dated t and t − N.
        var index = data.Shared(new IndexKey(), d => new AltcoinSeasonIndex(d.ClosesOfClass(AssetClass.Crypto), d.Rankings(), d.Classifications()));
        var benchmark = data.Series(index.Options.Benchmark);
        var inputs = new List<SignalInput> { benchmark is null ? SignalInput.Missing(index.Options.Benchmark) : SignalInput.Of(benchmark, asOf) };
        var ranking = index.Rankings.InForce(asOf);
        if (ranking is not null) inputs.Add(SignalInput.Of(ranking.List, CalendarKind.Monthly, ranking.Date, asOf));

        // The reading, its band's run, the 30-day change and the other variants come from daily histories (one pass
        // each, every day point in time), read at the as-of date.
        var history = History(data, index, p, asOf.Year);
        var point = history.Point(asOf);
        string name = $"Altcoin Season Index ({p.WindowDays} days, top {p.TopCount})";
        if (point is not { IsDefined: true } today)
        {
            string why = point is { } x ? Say.Word(x.Status).Replace('_', ' ') : ranking is null ? "no ranking" : "no benchmark closes";
            return SignalReading.NotMeasurable($"no {name} on {Say.Date(asOf)}: {why}", inputs);
        }
        // A reading on too few coins or an old ranking is shown in words but not counted.
        if (today.Status == IndexStatus.StaleRanking)
            return SignalReading.NotMeasurable($"{name} {Say.Number(today.Index, "0")} on {Say.Date(asOf)} rests on the ranking " +
                $"{ranking!.List} of {Say.Date(ranking.Date)}, {today.RankingAgeDays} days old (limit {p.MaxRankingAgeDays}): stale ranking", inputs);
        if (today.Status == IndexStatus.Partial)
            return SignalReading.NotMeasurable($"{name} {Say.Number(today.Index, "0")} on {Say.Date(asOf)} rests on {today.Eligible} " +
                $"of {p.TopCount} coins ({Say.Number(100.0 * today.Eligible / p.TopCount, "0")}%, minimum {Say.Number(100 * p.MinCoverage, "0")}%): partial", inputs);
        var season = p.SeasonOf(today.Index);
        int run = history.RunStarts[asOf.DayNumber - history.First.DayNumber];
        double monthAgo = history.Point(asOf.AddDays(-30))?.Index ?? double.NaN;

        var fields = new Dictionary<string, double>();
        foreach (var (days, top, parameters) in o.Variants)
            fields[FieldName(days, top)] = History(data, index, parameters, asOf.Year).Point(asOf)?.Index ?? double.NaN;
        fields["change_30d"] = today.Index - monthAgo;
        fields["eligible"] = today.Eligible;
        fields["coverage"] = (double)today.Eligible / p.TopCount;
        fields["ranking_age_days"] = asOf.DayNumber - ranking!.Date.DayNumber;

        var since = history.First.AddDays(run);
        string others = string.Join(", ", Variants.Where(v => v != (p.WindowDays, p.TopCount)).Select(v => $"{v.Days}d/K{v.Top} {Say.Number(fields[FieldName(v.Days, v.Top)], "0")}"));
        string sentence = $"{name} {Say.Number(today.Index, "0")} on {Say.Date(asOf)}: " +
                          $"{today.Outperformers} of {today.Eligible} altcoins beat Bitcoin over {p.WindowDays} days (ranking {ranking.List} of {Say.Date(ranking.Date)}); " +
                          $"{Say.Word(season).Replace('_', ' ')} since {Say.Date(since)}" + (run == 0 ? " or earlier" : "") +
                          (double.IsNaN(monthAgo) ? "" : $", {Say.Signed(today.Index - monthAgo, "0")} in 30 days") + $". Others: {others}.";
        return new SignalReading(true, today.Index, Say.Word(season), since, sentence, asOf.AddDays(-p.WindowDays), asOf, inputs, fields, "index");
    }

    /// <summary>
    /// The variant's index on every day from 1 January two years before <paramref name="year"/> (or its first ranking)
    /// to the end of <paramref name="year"/> (or Bitcoin's last close), shared by every date of that year: each day reads
    /// its own closes and ranking only. A season's run is looked for within it. The days are computed a calendar year at
    /// a time (<see cref="Year"/>), so consecutive years share two of their three years.
    /// </summary>
    private static IndexHistory History(IMarketData data, AltcoinSeasonIndex index, AltcoinSeasonParameters p, int year) =>
        data.Shared(new HistoryKey(p, year), d =>
        {
            var first = Clip(index, year - 2).First;
            return new IndexHistory(first, [.. Enumerable.Range(year - 2, 3).SelectMany(y => Year(d, index, p, y))], p);
        });

    /// <summary>The variant's index on every day of <paramref name="year"/> from its first ranking to Bitcoin's last close, in one pass.</summary>
    private static AltcoinSeasonPoint[] Year(IMarketData data, AltcoinSeasonIndex index, AltcoinSeasonParameters p, int year) =>
        data.Shared(new YearKey(p, year), _ => Clip(index, year) is var (first, last) && first <= last ? index.History(first, last, p) : []);

    /// <summary>The index prepared from every coin's closes and every ranking.</summary>
    private sealed record IndexKey : SharedKey<AltcoinSeasonIndex>;

    /// <summary>A variant's days around a year (<see cref="History"/>).</summary>
    private sealed record HistoryKey(AltcoinSeasonParameters Variant, int Year) : SharedKey<IndexHistory>;

    /// <summary>A variant's days of one calendar year (<see cref="Year"/>).</summary>
    private sealed record YearKey(AltcoinSeasonParameters Variant, int Year) : SharedKey<AltcoinSeasonPoint[]>;

    /// <summary>From 1 January of <paramref name="year"/> (or the first ranking) to its end (or Bitcoin's last close).</summary>
    private static (DateOnly First, DateOnly Last) Clip(AltcoinSeasonIndex index, int year)
    {
        var firstRanking = index.Rankings.Snapshots.Count > 0 ? index.Rankings.Snapshots.Min(s => s.Date) : DateOnly.MaxValue;
        var first = new DateOnly(year, 1, 1) > firstRanking ? new DateOnly(year, 1, 1) : firstRanking;
        var end = new DateOnly(year, 12, 31);
        return (first, index.BenchmarkRange?.Last is { } l && l < end ? l : end);
    }

    /// <summary>Daily index points from <see cref="First"/>, with the first point of each point's run of days in one season.</summary>
    private sealed record IndexHistory(DateOnly First, AltcoinSeasonPoint[] Points, int[] RunStarts)
    {
        /// <summary>The points, each run of days in one season (by <paramref name="p"/>'s bands) found in one pass.</summary>
        public IndexHistory(DateOnly first, AltcoinSeasonPoint[] points, AltcoinSeasonParameters p) : this(first, points, new int[points.Length])
        {
            for (int k = 1; k < points.Length; k++)
                RunStarts[k] = p.SeasonOf(points[k - 1].Index) == p.SeasonOf(points[k].Index) ? RunStarts[k - 1] : k;
        }

        /// <summary>The point of <paramref name="date"/>, null outside the history.</summary>
        public AltcoinSeasonPoint? Point(DateOnly date) => date.DayNumber - First.DayNumber is var i && i >= 0 && i < Points.Length ? Points[i] : null;
    }
}
