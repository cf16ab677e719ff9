namespace Bellwether.Core.Universe;

/// <summary>How several ranking lists combine into the one ranking in force at a date.</summary>
public enum RankingCombination
{
    /// <summary>
    /// The most recent ranking on or before the date across all lists; when two lists share that date, the list
    /// earlier in the order wins (the default).
    /// </summary>
    Latest,
    /// <summary>
    /// The first list (in order) that has a ranking on or before the date supplies its latest one; a later list is
    /// used only where the earlier ones have not started yet.
    /// </summary>
    Priority,
}

/// <summary>One dated ranking of one list, coins in rank order.</summary>
/// <param name="List">The list it comes from, e.g. <c>cmc_monthly_top200_snapshots</c>.</param>
/// <param name="Date">When the ranking was taken.</param>
/// <param name="Coins">The ranked coins, rank 1 first.</param>
public sealed record RankingSnapshot(string List, DateOnly Date, IReadOnlyList<RankedCoin> Coins);

/// <summary>
/// Dated market-cap rankings from one or more lists, answering "which ranking is in force at a date": the latest
/// one dated on or before it, chosen across lists by a <see cref="RankingCombination"/>. Only rankings dated on or
/// before the date are ever consulted.
/// </summary>
public sealed class RankingTimeline
{
    private readonly DateOnly[][] _dates;      // per list (priority order), its ranking dates ascending
    private readonly int[][] _snapshotOf;      // per list, the snapshot index of each of its dates

    /// <summary>Groups <paramref name="rankings"/> by list and date.</summary>
    /// <param name="priority">
    /// List names (case-insensitive) in order; lists not named are ignored. Null: every list in
    /// <see cref="DefaultPrecedence"/>.
    /// </param>
    /// <exception cref="ArgumentException">A named list has no rankings.</exception>
    public RankingTimeline(IEnumerable<RankedCoin> rankings, IReadOnlyList<string>? priority = null,
        RankingCombination combination = RankingCombination.Latest)
        : this(Grouped(rankings), priority, combination)
    {
    }

    /// <summary>
    /// The timeline of rankings already grouped (<see cref="RankingList"/>): per list (names compared
    /// case-insensitively) its rankings in date order, as the public constructor groups rows.
    /// </summary>
    /// <exception cref="ArgumentException">A named list has no rankings.</exception>
    internal RankingTimeline(IReadOnlyDictionary<string, RankingList> byList, IReadOnlyList<string>? priority,
        RankingCombination combination)
    {
        Combination = combination;
        List<string> order;
        if (priority is null)
            order = byList.OrderBy(kv => kv.Value.Precedence).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => kv.Key).ToList();
        else
        {
            order = [];
            foreach (var name in priority)
            {
                var key = byList.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
                          ?? throw new ArgumentException(
                              $"no ranking list '{name}' (known: {string.Join(", ", byList.Keys.Order())})",
                              nameof(priority));
                if (!order.Contains(key)) order.Add(key);
            }
        }
        Lists = order;
        var snapshots = new List<RankingSnapshot>();
        _dates = new DateOnly[order.Count][];
        _snapshotOf = new int[order.Count][];
        for (int l = 0; l < order.Count; l++)
        {
            var list = byList[order[l]].Snapshots;
            _dates[l] = [.. list.Select(x => x.Date)];
            _snapshotOf[l] = [.. Enumerable.Range(snapshots.Count, list.Count)];
            snapshots.AddRange(list);
        }
        Snapshots = snapshots;
    }

    /// <summary>One list's rankings in date order, and its <see cref="DefaultPrecedence"/> over them.</summary>
    internal sealed class RankingList(string name)
    {
        private readonly List<RankingSnapshot> _snapshots = [];

        public IReadOnlyList<RankingSnapshot> Snapshots => _snapshots;

        public int Precedence { get; private set; } = int.MaxValue;

        /// <summary>Adds the list's rows dated <paramref name="rows"/>[0].Date (all its rows that day), dated after
        /// the rankings it has, as a snapshot of its coins in rank order (then symbol).</summary>
        public void Add(List<RankedCoin> rows)
        {
            if (!IsSorted(rows)) rows.Sort(ByDateAndRank);
            _snapshots.Add(new RankingSnapshot(name, rows[0].Date, rows));
            Precedence = Math.Min(Precedence, DefaultPrecedence(rows));
        }
    }

    /// <summary>Rows grouped by list (case-insensitive), each list's rows by date into snapshots.</summary>
    private static Dictionary<string, RankingList> Grouped(IEnumerable<RankedCoin> rankings)
    {
        var byList = new Dictionary<string, List<RankedCoin>>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in rankings)
        {
            if (!byList.TryGetValue(r.Source, out var list)) byList[r.Source] = list = [];
            list.Add(r);
        }
        var grouped = new Dictionary<string, RankingList>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, rows) in byList)
        {
            if (!IsSorted(rows)) rows.Sort(ByDateAndRank); // a store hands them over sorted already
            var list = grouped[name] = new RankingList(name);
            for (int start = 0, end; start < rows.Count; start = end)
            {
                for (end = start + 1; end < rows.Count && rows[end].Date == rows[start].Date; end++) { }
                list.Add(rows.GetRange(start, end - start));
            }
        }
        return grouped;
    }

    /// <summary>The lists used, in priority order.</summary>
    public IReadOnlyList<string> Lists { get; }

    /// <summary>How the lists combine.</summary>
    public RankingCombination Combination { get; }

    /// <summary>Every ranking of every list used, grouped by list in priority order, then by date.</summary>
    public IReadOnlyList<RankingSnapshot> Snapshots { get; }

    /// <summary>The ranking in force at <paramref name="date"/>, or null when no list has one on or before
    /// it.</summary>
    public RankingSnapshot? InForce(DateOnly date) => InForceIndex(date) is var i and >= 0 ? Snapshots[i] : null;

    /// <summary>The index in <see cref="Snapshots"/> of the ranking in force at <paramref name="date"/>, or
    /// -1.</summary>
    public int InForceIndex(DateOnly date)
    {
        int best = -1;
        DateOnly bestDate = default;
        for (int l = 0; l < _dates.Length; l++)
        {
            int i = Array.BinarySearch(_dates[l], date);
            if (i < 0) i = ~i - 1;
            if (i < 0) continue;
            if (Combination == RankingCombination.Priority) return _snapshotOf[l][i];
            if (best < 0 || _dates[l][i] > bestDate) (best, bestDate) = (_snapshotOf[l][i], _dates[l][i]);
        }
        return best;
    }

    /// <summary>
    /// The default order of lists (lower first, then by name), which decides between two lists that share a date:
    /// 0 for a list that carries market caps (a true market-cap ranking), 1 for a collected snapshot list (it says
    /// when it was taken), 2 for any other order-only list (e.g. one filtered to what a data vendor lists).
    /// </summary>
    public static int DefaultPrecedence(IReadOnlyCollection<RankedCoin> list) =>
        list.Any(r => !double.IsNaN(r.MarketCapUsd)) ? 0 : list.Any(r => r.SnapshotUtc is not null) ? 1 : 2;

    private static int ByDateAndRank(RankedCoin a, RankedCoin b) =>
        a.Date != b.Date ? a.Date.CompareTo(b.Date) : a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank)
        : string.CompareOrdinal(a.Symbol, b.Symbol);

    private static bool IsSorted(List<RankedCoin> rows)
    {
        for (int i = 1; i < rows.Count; i++)
            if (ByDateAndRank(rows[i - 1], rows[i]) > 0) return false;
        return true;
    }
}
