using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Core.Universe;

namespace Bellwether.Core.Crypto.AltcoinSeason;

/// <summary>
/// The Altcoin Season Index (docs/altseason.md): at a date t, walk the ranking in force at t in rank order, leave out
/// the benchmark and flagged coins, count the first K coins with closes at both t and t − N, and report
/// 100 × (those whose N-day return beats the benchmark's) / (those counted). A coin without both closes is skipped
/// and the next-ranked coin takes its place. Built once from the data; every evaluation reads only rankings dated on
/// or before t and closes dated t and t − N, so a result as of t never depends on later data.
/// </summary>
public sealed class AltcoinSeasonIndex
{
    private readonly string[] _seriesIds;
    private readonly double[][] _closes;    // per series, closes by calendar day from _firstDay (NaN: no valid close)
    private readonly int[] _firstDay;       // per series, DayNumber of _closes[s][0] (its first valid close)
    private readonly int _benchmark;        // series index of the benchmark, -1 when absent
    private readonly Candidate[]?[] _candidates; // per ranking snapshot, its coins resolved to series on first use
    private readonly Dictionary<string, SkipReason> _exclusions;
    private readonly Dictionary<string, int[]> _seriesOf;
    // (series, day number) → close, instead of _closes (a stream's windows)
    private readonly Func<int, int, double>? _close;

    /// <summary>Prepares the index over <paramref name="coins"/> (one daily series per symbol, ids upper
    /// case).</summary>
    /// <param name="coins">Daily series; a close that is NaN or not positive counts as no close.</param>
    /// <param name="rankings">Dated market-cap rankings of one or more lists.</param>
    /// <param name="classifications">Coin lists whose stablecoin and wrapped flags exclude coins (a flag in any list
    /// counts).</param>
    /// <param name="options">Benchmark, ranking lists, overrides and aliases (null:
    /// <see cref="AltcoinUniverseOptions.Default"/>).</param>
    /// <exception cref="ArgumentException">Two series share an id, or a ranking list named in the options is
    /// absent.</exception>
    public AltcoinSeasonIndex(IEnumerable<DailySeries> coins, IEnumerable<RankedCoin> rankings,
        IEnumerable<CoinClassification> classifications, AltcoinUniverseOptions? options = null)
    {
        Options = options ?? AltcoinUniverseOptions.Default;
        var series = coins.ToList();
        _seriesIds = new string[series.Count];
        _closes = new double[series.Count][];
        _firstDay = new int[series.Count];
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int s = 0; s < series.Count; s++)
        {
            _seriesIds[s] = series[s].Instrument.Symbol.ToUpperInvariant();
            if (!index.TryAdd(_seriesIds[s], s)) throw new ArgumentException($"two series with id {_seriesIds[s]}",
                nameof(coins));
            (_firstDay[s], _closes[s]) = DenseCloses(series[s]);
        }
        _benchmark = index.GetValueOrDefault(Options.Benchmark.ToUpperInvariant(), -1);
        Rankings = new RankingTimeline(rankings, Options.RankingPriority, Options.Combination);
        _exclusions = Exclusions(classifications, Options);
        _seriesOf = SeriesCandidates(index, Options);
        _candidates = new Candidate[]?[Rankings.Snapshots.Count];
    }

    /// <summary>
    /// The index over <paramref name="coins"/> whose closes come from <paramref name="close"/> (series index in
    /// <paramref name="coins"/> order, day number → close, NaN for none): a stream keeps only the days a window reads.
    /// </summary>
    internal AltcoinSeasonIndex(IEnumerable<Instrument> coins, IEnumerable<RankedCoin> rankings,
        IEnumerable<CoinClassification> classifications, Func<int, int, double> close)
        : this(coins.Select(c => DailySeries.OfCloses(c, [], [], "")), rankings, classifications) => _close = close;

    private AltcoinSeasonIndex(AltcoinSeasonIndex coins, RankingTimeline rankings)
    {
        Options = coins.Options;
        (_seriesIds, _closes, _firstDay, _benchmark) = (coins._seriesIds, coins._closes, coins._firstDay,
            coins._benchmark);
        (_exclusions, _seriesOf, _close) = (coins._exclusions, coins._seriesOf, coins._close);
        Rankings = rankings;
        _candidates = new Candidate[]?[Rankings.Snapshots.Count];
    }

    /// <summary>The same coins with the rankings <paramref name="byList"/> (a stream's, grouped as they arrive): the
    /// coins' resolution is reused.</summary>
    internal AltcoinSeasonIndex WithRankings(IReadOnlyDictionary<string, RankingTimeline.RankingList> byList) =>
        new(this, new RankingTimeline(byList, Options.RankingPriority, Options.Combination));

    /// <summary>The index at <paramref name="date"/> without the coin lists (one step of
    /// <see cref="History"/>).</summary>
    internal AltcoinSeasonPoint Point(DateOnly date, AltcoinSeasonParameters parameters) =>
        Evaluate(date, parameters, null, null);

    /// <summary>The universe options in use.</summary>
    public AltcoinUniverseOptions Options { get; }

    /// <summary>The combined rankings the index draws from.</summary>
    public RankingTimeline Rankings { get; }

    /// <summary>The index at <paramref name="date"/>, with its eligible and skipped coins.</summary>
    public AltcoinSeasonReading At(DateOnly date, AltcoinSeasonParameters parameters)
    {
        var eligible = new List<CoinReturn>();
        var skipped = new List<SkippedCoin>();
        var point = Evaluate(date, parameters, eligible, skipped);
        int snapshot = Rankings.InForceIndex(date);
        double benchmarkRatio = Ratio(_benchmark, date.DayNumber, parameters.WindowDays);
        return new AltcoinSeasonReading(date, parameters, point.Index, parameters.SeasonOf(point.Index), point.Status,
            eligible, skipped, benchmarkRatio - 1, snapshot >= 0 ? Rankings.Snapshots[snapshot] : null);
    }

    /// <summary>The index for every calendar day from <paramref name="from"/> to <paramref name="to"/> (inclusive), in
    /// one pass.</summary>
    public AltcoinSeasonPoint[] History(DateOnly from, DateOnly to, AltcoinSeasonParameters parameters)
    {
        if (to < from) return [];
        var points = new AltcoinSeasonPoint[to.DayNumber - from.DayNumber + 1];
        for (int i = 0; i < points.Length; i++) points[i] = Evaluate(from.AddDays(i), parameters, null, null);
        return points;
    }

    /// <summary>
    /// The universe at <paramref name="date"/>: the first <paramref name="topCount"/> altcoins of the ranking in force
    /// (same exclusions, duplicate rule and series resolution as the index) that have a close on that date, in rank
    /// order. Empty when no ranking is in force. Reads only the ranking in force and closes dated
    /// <paramref name="date"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="topCount"/> is below 1.</exception>
    public IReadOnlyList<UniverseMember> Members(DateOnly date, int topCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(topCount, 1);
        int snapshot = Rankings.InForceIndex(date);
        if (snapshot < 0) return [];
        var members = new List<UniverseMember>(topCount);
        foreach (var c in CandidatesOf(snapshot))
        {
            if (c.Exclusion is not null) continue;
            int used = Array.FindIndex(c.Series, s => !double.IsNaN(Close(s, date.DayNumber)));
            if (used < 0) continue;
            members.Add(new UniverseMember(c.Symbol, c.Rank, _seriesIds[c.Series[used]]));
            if (members.Count == topCount) break;
        }
        return members;
    }

    /// <summary>The first and last date with a benchmark close, or null without a benchmark series.</summary>
    public (DateOnly First, DateOnly Last)? BenchmarkRange
    {
        get
        {
            if (_benchmark < 0) return null;
            var closes = _closes[_benchmark];
            if (closes.Length == 0) return null;
            int last = closes.Length - 1;
            while (double.IsNaN(closes[last])) last--;
            return (DateOnly.FromDayNumber(_firstDay[_benchmark]),
                DateOnly.FromDayNumber(_firstDay[_benchmark] + last));
        }
    }

    /// <summary>The walk for one window and size (<see cref="At"/>, <see cref="History"/>, <see cref="Point"/>).
    /// </summary>
    private AltcoinSeasonPoint Evaluate(DateOnly date, AltcoinSeasonParameters p, List<CoinReturn>? eligible,
        List<SkippedCoin>? skipped)
    {
        AltcoinSeasonPoint point = default;
        Walk(date, new ReadOnlySpan<AltcoinSeasonParameters>(in p), new Span<AltcoinSeasonPoint>(ref point), eligible,
            skipped);
        return point;
    }

    /// <summary>
    /// The index at <paramref name="date"/> with several windows and sizes in one walk of the ranking: point k equals
    /// <see cref="Point"/> with <paramref name="parameters"/>[k]. Each coin's close at <paramref name="date"/> is read
    /// once for every window, and the walk for a size passes every smaller size's end of the same window on its way
    /// (the first K coins counted are the same): the six published variants cost one walk a day, not six.
    /// </summary>
    /// <exception cref="ArgumentException">Not one point per parameter set.</exception>
    public void Points(DateOnly date, ReadOnlySpan<AltcoinSeasonParameters> parameters,
        Span<AltcoinSeasonPoint> points)
    {
        if (points.Length != parameters.Length) throw new ArgumentException("one point per parameter set",
            nameof(points));
        Walk(date, parameters, points, null, null);
    }

    /// <summary>
    /// The walk: the ranking in force at <paramref name="date"/> in rank order, counting for each parameter set the
    /// coins with closes at <paramref name="date"/> and its window's start, until it has its size; fills
    /// <paramref name="points"/> (one per parameter set) and, with a single parameter set, the lists when given.
    /// </summary>
    private void Walk(DateOnly date, ReadOnlySpan<AltcoinSeasonParameters> parameters, Span<AltcoinSeasonPoint> points,
        List<CoinReturn>? eligible, List<SkippedCoin>? skipped)
    {
        int snapshot = Rankings.InForceIndex(date);
        if (snapshot < 0)
        {
            points.Fill(new(date, double.NaN, 0, 0, IndexStatus.NoRanking));
            return;
        }
        int day = date.DayNumber, age = day - Rankings.Snapshots[snapshot].Date.DayNumber, open = 0;
        int m = parameters.Length;
        Span<double> benchmark = m <= 16 ? stackalloc double[m] : new double[m];
        Span<int> counts = m <= 16 ? stackalloc int[m] : new int[m], beats = m <= 16 ? stackalloc int[m] : new int[m];
        for (int k = 0; k < m; k++)
        {
            benchmark[k] = Ratio(_benchmark, day, parameters[k].WindowDays);
            if (double.IsNaN(benchmark[k])) points[k] = new(date, double.NaN, 0, 0, IndexStatus.NoBenchmarkCloses, age);
            else open++;
        }
        foreach (var c in CandidatesOf(snapshot))
        {
            if (open == 0) break;
            if (c.Exclusion is { } reason)
            {
                skipped?.Add(new SkippedCoin(c.Symbol, c.Rank, reason, null));
                continue;
            }
            // The close at t of the coin's first series with one (the series a window uses has one).
            int first = 0;
            double end = double.NaN;
            for (; first < c.Series.Length && double.IsNaN(end = Close(c.Series[first], day)); first++) { }
            for (int k = 0; k < m; k++)
            {
                if (double.IsNaN(benchmark[k]) || counts[k] == parameters[k].TopCount) continue;
                int n = parameters[k].WindowDays, used = -1;
                double ratio = double.NaN;
                for (int u = first; u < c.Series.Length; u++)
                {
                    ratio = (u == first ? end : Close(c.Series[u], day)) / Close(c.Series[u], day - n);
                    if (!double.IsNaN(ratio)) { used = c.Series[u]; break; }
                }
                if (used < 0)
                {
                    skipped?.Add(MissingCloses(c, day, n));
                    continue;
                }
                bool beat = ratio > benchmark[k];
                (counts[k], beats[k]) = (counts[k] + 1, beats[k] + (beat ? 1 : 0));
                eligible?.Add(new CoinReturn(c.Symbol, c.Rank, _seriesIds[used], ratio - 1, beat));
                if (counts[k] == parameters[k].TopCount) open--;
            }
        }
        for (int k = 0; k < m; k++)
            if (!double.IsNaN(benchmark[k])) points[k] = PointOf(date, parameters[k], counts[k], beats[k], age);
    }

    private static AltcoinSeasonPoint PointOf(DateOnly date, AltcoinSeasonParameters p, int count, int beats,
        int age) =>
        count == 0
            ? new(date, double.NaN, 0, 0, IndexStatus.NoEligibleCoins, age)
            : new(date, 100.0 * beats / count, count, beats, p.StatusOf(count, age), age);

    /// <summary>
    /// The ranked coins of snapshot <paramref name="snapshot"/> resolved to series, on first use: a stream rebuilds the
    /// index as rankings and coins arrive and reads its latest rankings only. Resolving is deterministic, so two
    /// threads resolving at once store equal arrays.
    /// </summary>
    private Candidate[] CandidatesOf(int snapshot) =>
        _candidates[snapshot] ??= Resolve(Rankings.Snapshots[snapshot], _exclusions, _seriesOf);

    /// <summary>close(t) / close(t − n) of series <paramref name="s"/>, NaN unless both closes exist.</summary>
    private double Ratio(int s, int day, int n) => s < 0 ? double.NaN : Close(s, day) / Close(s, day - n);

    private double Close(int s, int day)
    {
        if (_close is not null) return _close(s, day);
        int i = day - _firstDay[s];
        var closes = _closes[s];
        return (uint)i < (uint)closes.Length ? closes[i] : double.NaN;
    }

    private SkippedCoin MissingCloses(in Candidate c, int day, int n)
    {
        // A series whose first close comes after t does not exist yet as of t.
        var known = c.Series.Where(s => _closes[s].Length > 0 && _firstDay[s] <= day).ToArray();
        if (known.Length == 0) return new SkippedCoin(c.Symbol, c.Rank, SkipReason.NoDailySeries, null);
        var notes = new List<string>();
        foreach (int s in known)
        {
            bool start = !double.IsNaN(Close(s, day - n)), end = !double.IsNaN(Close(s, day));
            var missing = start ? $"no close on {Day(day)}" : end ? $"no close on {Day(day - n)}"
                : $"no close on {Day(day - n)} or {Day(day)}";
            // Only what is known at t: the first close if it came after t − N, the last close on or before t.
            string coverage = _firstDay[s] > day - n ? $"first close {Day(_firstDay[s])}"
                : !end ? $"last close {Day(LastCloseOnOrBefore(s, day))}" : "a gap in the series";
            notes.Add($"{_seriesIds[s]}: {missing} ({coverage})");
        }
        bool hasStart = !double.IsNaN(Close(known[0], day - n)), hasEnd = !double.IsNaN(Close(known[0], day));
        var reason = hasStart ? SkipReason.MissingEndClose : hasEnd ? SkipReason.MissingStartClose
            : SkipReason.MissingBothCloses;
        return new SkippedCoin(c.Symbol, c.Rank, reason, string.Join("; ", notes));
    }

    private int LastCloseOnOrBefore(int s, int day)
    {
        var closes = _closes[s];
        for (int i = Math.Min(day - _firstDay[s], closes.Length - 1); i >= 0; i--)
            if (!double.IsNaN(closes[i])) return _firstDay[s] + i;
        return _firstDay[s];
    }

    private static string Day(int dayNumber) => DateOnly.FromDayNumber(dayNumber).ToString("yyyy-MM-dd");

    /// <summary>The closes of a series laid out by calendar day from its first valid close, NaN on days without
    /// one.</summary>
    private static (int FirstDay, double[] Closes) DenseCloses(DailySeries series)
    {
        int first = -1, last = -1;
        for (int i = 0; i < series.Count; i++)
        {
            if (!IsValid(series.Close[i])) continue;
            if (first < 0) first = i;
            last = i;
        }
        if (first < 0) return (0, []);
        int firstDay = series.Dates[first].DayNumber;
        var closes = new double[series.Dates[last].DayNumber - firstDay + 1];
        Array.Fill(closes, double.NaN);
        for (int i = first; i <= last; i++)
            if (IsValid(series.Close[i])) closes[series.Dates[i].DayNumber - firstDay] = series.Close[i];
        return (firstDay, closes);
    }

    private static bool IsValid(double close) => close > 0 && double.IsFinite(close);

    /// <summary>Symbol → exclusion reason: coin-list flags (stablecoin before wrapped), then the caller's excludes,
    /// minus includes.</summary>
    private static Dictionary<string, SkipReason> Exclusions(IEnumerable<CoinClassification> classifications,
        AltcoinUniverseOptions options)
    {
        var excluded = new Dictionary<string, SkipReason>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in classifications)
        {
            if (c.IsStablecoin) excluded[c.Symbol] = SkipReason.Stablecoin;
            else if (c.IsWrapped) excluded.TryAdd(c.Symbol, SkipReason.WrappedOrBacked);
        }
        foreach (var s in options.Exclude ?? []) excluded.TryAdd(s, SkipReason.ExcludedByOption);
        foreach (var s in options.Include ?? []) excluded.Remove(s);
        excluded[options.Benchmark] = SkipReason.Benchmark;
        return excluded;
    }

    /// <summary>
    /// Ranking symbol → series indices to try: its own series, then scaled contracts of it (<c>1000BONK</c> for
    /// <c>BONK</c>, smallest scale first), then the caller's aliases. Derived from the series ids, not from a table.
    /// </summary>
    private static Dictionary<string, int[]> SeriesCandidates(Dictionary<string, int> index,
        AltcoinUniverseOptions options)
    {
        var lists = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        void Add(string symbol, int s)
        {
            if (!lists.TryGetValue(symbol, out var list)) lists[symbol] = list = [];
            if (!list.Contains(s)) list.Add(s);
        }
        foreach (var (id, s) in index) Add(id, s);
        foreach (var (id, s) in index.Where(kv => Instrument.ContractScaleOf(kv.Key) > 1)
            .OrderBy(kv => Instrument.ContractScaleOf(kv.Key)).ThenBy(kv => kv.Key, StringComparer.Ordinal))
            Add(id.TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), s);
        foreach (var (symbol, targets) in options.Aliases ?? new Dictionary<string, IReadOnlyList<string>>())
            foreach (var t in targets)
                if (index.TryGetValue(t, out int s)) Add(symbol, s);
        return lists.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    private static Candidate[] Resolve(RankingSnapshot snapshot, Dictionary<string, SkipReason> exclusions,
        Dictionary<string, int[]> seriesOf)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new Candidate[snapshot.Coins.Count];
        for (int i = 0; i < result.Length; i++)
        {
            var coin = snapshot.Coins[i];
            SkipReason? exclusion = exclusions.TryGetValue(coin.Symbol, out var r) ? r : null;
            if (!seen.Add(coin.Symbol)) exclusion = SkipReason.DuplicateSymbol;
            result[i] = new Candidate(coin.Symbol, coin.Rank, exclusion, seriesOf.GetValueOrDefault(coin.Symbol) ?? []);
        }
        return result;
    }

    /// <summary>A ranked coin, resolved once per ranking: its exclusion if any, else the series to try.</summary>
    private readonly record struct Candidate(string Symbol, int Rank, SkipReason? Exclusion, int[] Series);
}
