using Bellwether.Core.Board;
using Bellwether.Core.Calendars;
using Bellwether.Core.Charts;
using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Instruments;
using Bellwether.Core.Signals;
using Bellwether.Core.Universe;

namespace Bellwether.Core.Measurements.AltSeason;

/// <summary>
/// <c>altseason</c> (alias <c>altcoin_season_index</c>): the Altcoin Season Index (share of the top-K altcoins whose
/// N-day return beat Bitcoin's, 0–100) as of a date, read from <see cref="AltcoinSeasonIndex.History"/> with the
/// default universe (every ranking list, the coin lists' stablecoin and wrapped flags), with the day its season began
/// and its value 30 days earlier. A reading on too few coins or an old ranking is a result with its status.
/// </summary>
public sealed class AltSeasonMeasurement : Measurement<AltSeasonOf, AltSeasonReading>
{
    /// <summary>N; a claim reads a list (once called <c>windows_days</c>).</summary>
    public static readonly MeasurementParameter WindowDays = new("window_days", "90",
        "N: the return window in calendar days (30 month, 90 season, 365 year)")
    {
        Aliases = ["windows_days"],
    };

    /// <summary>K; a claim reads a list (once called <c>tops</c>).</summary>
    public static readonly MeasurementParameter Top = new("top", "50",
        "K: eligible altcoins counted (50 as blockchaincenter.net, 100 as CoinMarketCap)")
    {
        Aliases = ["tops"],
    };

    public static readonly MeasurementParameter AltcoinSeason = new("altcoin_season", "75",
        "an index at or above this is Altcoin Season");
    public static readonly MeasurementParameter BitcoinSeason = new("bitcoin_season", "25",
        "an index at or below this is Bitcoin Season");
    public static readonly MeasurementParameter MinCoverage = new("min_coverage", "0.8",
        "share of K that must be eligible; a reading on fewer coins is partial and not counted");
    public static readonly MeasurementParameter MaxRankingAge = new("max_ranking_age_days", "35",
        "oldest ranking in force (days) for a counted reading; older is stale_ranking and not counted");

    private const int MonthDays = 30;

    public override string Name => "altseason";
    public override IReadOnlyList<string> Aliases { get; } = ["altcoin_season_index"];
    public override IReadOnlyList<MeasurementParameter> Parameters { get; } =
        [WindowDays, Top, AltcoinSeason, BitcoinSeason, MinCoverage, MaxRankingAge];

    public override AltSeasonOf Parse(IParameterValues values) =>
        Parse(values, values.Integer(WindowDays), values.Integer(Top));

    /// <summary>The parameters with N and K given (a claim reads several of each).</summary>
    /// <exception cref="ThesisException">A value is not valid.</exception>
    public static AltSeasonOf Parse(IParameterValues values, int windowDays, int top)
    {
        double altcoin = values.Number(AltcoinSeason), bitcoin = values.Number(BitcoinSeason);
        double coverage = values.Number(MinCoverage);
        int age = values.Integer(MaxRankingAge);
        return values.Build(() =>
            new AltSeasonOf(new AltcoinSeasonParameters(windowDays, top, altcoin, bitcoin, coverage, age)));
    }

    public override Measured<AltSeasonReading> Measure(AltSeasonOf o, IMarketData data, DateOnly asOf)
    {
        var p = o.Index;
        var index = Index(data);
        var benchmark = data.Series(index.Options.Benchmark);
        var inputs = new List<SignalInput>
        {
            benchmark is null ? SignalInput.Missing(index.Options.Benchmark) : SignalInput.Of(benchmark, asOf),
        };
        var ranking = index.Rankings.InForce(asOf);
        if (ranking is not null) inputs.Add(SignalInput.Of(ranking.List, CalendarKind.Monthly, ranking.Date, asOf));

        // The reading, its band's run and the 30-day change come from daily histories (one pass each, every day point
        // in time), read at the as-of date.
        var history = History(data, index, p, asOf.Year);
        var point = history.Point(asOf);
        if (point is not { IsDefined: true } today)
        {
            string why = point is { } x ? Say.Word(x.Status).Replace('_', ' ')
                : ranking is null ? "no ranking" : "no benchmark closes";
            return Measured.NotMeasurable<AltSeasonReading>($"no {Describe(p)} on {Say.Date(asOf)}: {why}", inputs);
        }
        int run = history.RunStarts[asOf.DayNumber - history.First.DayNumber];
        double monthAgo = history.Point(asOf.AddDays(-MonthDays))?.Index ?? double.NaN;
        return Measured.Of(new AltSeasonReading(index, p, today, ranking!, history.First.AddDays(run), run == 0,
            monthAgo), inputs);
    }

    /// <summary>
    /// The index over the history span for K = 50 and 100 over 90 days (<see cref="AltSeasonChart"/>), with the
    /// published readings in the span beside the variant their definition names, and the comparison in words.
    /// </summary>
    public override Chart? Chart(AltSeasonOf o, ChartContext context)
    {
        var index = Index(context.View);
        // The index spans the whole data set: its benchmark must have a close by the chart's date.
        if (index.BenchmarkRange is not { } benchmark || benchmark.First > context.Date)
            return context.Missing("the Altcoin Season Index", index.Options.Benchmark);
        AltcoinSeasonParameters[] variants = [new(90, 50), new(90, 100)];
        var (from, to) = (context.HistoryFrom, context.Date);
        var histories = variants.Select(p => ($"top {p.TopCount}, {p.WindowDays} days", index.History(from, to, p)))
            .ToList();
        var comparisons = variants.Select((p, i) => PublishedComparison.Of(
            context.Published.Where(r => r.Date >= context.HistoryFrom && r.Date <= context.Date), p,
            d => histories[i].Item2[d.DayNumber - context.HistoryFrom.DayNumber])).ToList();
        context.Notes.AddRange(comparisons.Select(x => x.Sentence()).OfType<string>());
        return AltSeasonChart.Draw(histories, comparisons);
    }

    /// <summary>The index with parameters <paramref name="p"/> on <paramref name="asOf"/> (NaN when undefined), from
    /// the same daily histories as <see cref="Measure"/>.</summary>
    public static double IndexOn(IMarketData data, AltcoinSeasonParameters p, DateOnly asOf) =>
        History(data, Index(data), p, asOf.Year).Point(asOf)?.Index ?? double.NaN;

    /// <summary>The index's name with its N and K: "Altcoin Season Index (90 days, top 50)".</summary>
    public static string Describe(AltcoinSeasonParameters p) =>
        $"Altcoin Season Index ({p.WindowDays} days, top {p.TopCount})";

    /// <summary>
    /// The index over every coin, ranking and coin list of the whole data set, prepared once and shared by every view
    /// of it (the board, claims, charts and study of one run): it reads only rankings dated on or before t and closes
    /// dated t and t − N, so a view reads it up to its own date.
    /// </summary>
    public static AltcoinSeasonIndex Index(IMarketData data) => data.SharedHistory(new IndexKey(), NoReleaseRule,
        d => new AltcoinSeasonIndex(d.ClosesOfClass(AssetClass.Crypto), d.Rankings(), d.Classifications()));

    /// <summary>The lagged series the index's structures are built from: none (crypto closes and rankings are public
    /// at the end of their day).</summary>
    private static readonly IReadOnlyList<string> NoReleaseRule = [];

    /// <summary>
    /// The variant's index on every day from 1 January two years before <paramref name="year"/> (or its first
    /// ranking) to the end of <paramref name="year"/> (or Bitcoin's last close), shared by every date of that year:
    /// each day reads its own closes and ranking only. A season's run is looked for within it. The days are computed a
    /// calendar year at a time (<see cref="Year"/>), so consecutive years share two of their three years. Built once
    /// for every view of the data set, as the index.
    /// </summary>
    private static IndexHistory History(IMarketData data, AltcoinSeasonIndex index, AltcoinSeasonParameters p,
        int year) =>
        data.SharedHistory(new HistoryKey(p, year), NoReleaseRule, d =>
        {
            var first = Clip(index, year - 2).First;
            return new IndexHistory(first, [.. Enumerable.Range(year - 2, 3).SelectMany(y => Year(d, index, p, y))], p);
        });

    /// <summary>The variant's index on every day of <paramref name="year"/> from its first ranking to Bitcoin's last
    /// close, in one pass.</summary>
    private static AltcoinSeasonPoint[] Year(IMarketData data, AltcoinSeasonIndex index, AltcoinSeasonParameters p,
        int year) =>
        data.SharedHistory(new YearKey(p, year), NoReleaseRule,
            _ => Clip(index, year) is var (first, last) && first <= last ? index.History(first, last, p) : []);

    /// <summary>From 1 January of <paramref name="year"/> (or the first ranking) to its end (or Bitcoin's last close).
    /// </summary>
    private static (DateOnly First, DateOnly Last) Clip(AltcoinSeasonIndex index, int year)
    {
        var firstRanking = index.Rankings.Snapshots.Count > 0
            ? index.Rankings.Snapshots.Min(s => s.Date) : DateOnly.MaxValue;
        var first = new DateOnly(year, 1, 1) > firstRanking ? new DateOnly(year, 1, 1) : firstRanking;
        var end = new DateOnly(year, 12, 31);
        return (first, index.BenchmarkRange?.Last is { } l && l < end ? l : end);
    }

    /// <summary>Daily index points from <see cref="First"/>, with the first point of each point's run of days in one
    /// season.</summary>
    private sealed record IndexHistory(DateOnly First, AltcoinSeasonPoint[] Points, int[] RunStarts)
    {
        /// <summary>The points, each run of days in one season (by <paramref name="p"/>'s bands) found in one pass.
        /// </summary>
        public IndexHistory(DateOnly first, AltcoinSeasonPoint[] points, AltcoinSeasonParameters p)
            : this(first, points, new int[points.Length])
        {
            for (int k = 1; k < points.Length; k++)
                RunStarts[k] = p.SeasonOf(points[k - 1].Index) == p.SeasonOf(points[k].Index) ? RunStarts[k - 1] : k;
        }

        /// <summary>The point of <paramref name="date"/>, null outside the history.</summary>
        public AltcoinSeasonPoint? Point(DateOnly date) =>
            date.DayNumber - First.DayNumber is var i && i >= 0 && i < Points.Length ? Points[i] : null;
    }

    /// <summary>The index prepared from every coin's closes and every ranking.</summary>
    private sealed record IndexKey : SharedKey<AltcoinSeasonIndex>;

    /// <summary>A variant's days around a year (<see cref="History"/>).</summary>
    private sealed record HistoryKey(AltcoinSeasonParameters Variant, int Year) : SharedKey<IndexHistory>;

    /// <summary>A variant's days of one calendar year (<see cref="Year"/>).</summary>
    private sealed record YearKey(AltcoinSeasonParameters Variant, int Year) : SharedKey<AltcoinSeasonPoint[]>;
}

/// <summary>The Altcoin Season Index as of a date.</summary>
/// <param name="Index">The index it was read from.</param>
/// <param name="Parameters">N, K and the thresholds.</param>
/// <param name="Point">The day's index (0–100), coins counted and status.</param>
/// <param name="Ranking">The ranking in force.</param>
/// <param name="Since">The first day of the current run of days in the point's season.</param>
/// <param name="RunReachesStart">True when that run reaches the start of the history read (it may be older).</param>
/// <param name="MonthAgo">The index 30 days earlier (NaN when undefined).</param>
public sealed record AltSeasonReading(
    AltcoinSeasonIndex Index, AltcoinSeasonParameters Parameters, AltcoinSeasonPoint Point, RankingSnapshot Ranking,
    DateOnly Since, bool RunReachesStart, double MonthAgo)
{
    /// <summary>The point's season.</summary>
    public Season Season => Parameters.SeasonOf(Point.Index);

    /// <summary>The coins behind the point (eligible, skipped, Bitcoin's return): the same day's evaluation with its
    /// lists kept.</summary>
    public AltcoinSeasonReading Coins() => Index.At(Point.Date, Parameters);
}
