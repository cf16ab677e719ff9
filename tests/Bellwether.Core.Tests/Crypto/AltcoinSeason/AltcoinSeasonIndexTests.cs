using Bellwether.Core.Calendars;
using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Core.Universe;
using Xunit;

namespace Bellwether.Core.Tests.Crypto.AltcoinSeason;

/// <summary>Hand-derived cases on a tiny universe: window 2025-01-01 → 2025-01-11 (N = 10), BTC 100 → 110 (+10%).</summary>
public class AltcoinSeasonIndexTests
{
    private static readonly DateOnly Start = new(2025, 1, 1), End = new(2025, 1, 11);
    private static readonly AltcoinSeasonParameters Ten = new(WindowDays: 10, TopCount: 10);

    private static DailySeries Coin(string id, params (DateOnly Date, double Close)[] rows) =>
        new(new Instrument(id, AssetClass.Crypto, "USD", Instrument.ContractScaleOf(id), CalendarKind.EveryDay),
            rows.Select(r => new DailyBar(r.Date, double.NaN, double.NaN, double.NaN, r.Close, double.NaN, double.NaN, "t")).ToList());

    private static DailySeries Pair(string id, double start, double end) => Coin(id, (Start, start), (End, end));

    private static readonly DailySeries[] Coins =
    [
        Pair("BTC", 100, 110),
        Pair("USDT", 1, 1),
        Pair("AAA", 100, 150),                                   // +50%: beats
        Coin("BBB", (new(2025, 1, 5), 1), (End, 2)),             // no close at t − N
        Pair("CCC", 10, 10.5),                                   // +5%: lags
        Pair("1000BONK", 1, 2),                                  // BONK's only series, per 1000 tokens: +100%
        Pair("DDD", 5, 6),                                       // +20%: beats
        Pair("EEE", 1, 1.1),                                     // exactly BTC's ratio: a tie does not beat
    ];

    private static readonly string[] Order = ["BTC", "USDT", "AAA", "BBB", "CCC", "BONK", "DDD", "EEE", "AAA", "FFF"];

    private static IEnumerable<RankedCoin> Ranking(DateOnly date, string list = "L") =>
        Order.Select((s, i) => new RankedCoin(date, i + 1, s, null, double.NaN, list));

    private static readonly CoinClassification[] Flags = [new("USDT", "Tether", true, false, "stablecoin")];

    private static AltcoinSeasonIndex Make(AltcoinUniverseOptions? options = null) =>
        new(Coins, Ranking(Start), Flags, options);

    [Fact]
    public void Counts_the_first_K_coins_with_both_closes_and_fills_past_skipped_ones()
    {
        var r = Make().At(End, Ten with { TopCount = 3 });
        Assert.Equal(IndexStatus.Ok, r.Status);
        Assert.Equal(["AAA", "CCC", "BONK"], r.Eligible.Select(c => c.Symbol));
        Assert.Equal(100.0 * 2 / 3, r.Index);
        Assert.Equal(Season.Neutral, r.Season);
        Assert.Equal("1000BONK", r.Eligible[2].Series);
        Assert.Equal(1.0, r.Eligible[2].Return, 12); // the contract scale cancels out
        Assert.Equal([("BTC", SkipReason.Benchmark), ("USDT", SkipReason.Stablecoin), ("BBB", SkipReason.MissingStartClose)],
            r.Skipped.Select(s => (s.Symbol, s.Reason)));
        Assert.Equal("BBB: no close on 2025-01-01 (first close 2025-01-05)", r.Skipped[2].Detail);
        Assert.Equal(0.1, r.BenchmarkReturn, 12);
        Assert.False(r.ShortOfTop);
    }

    [Fact]
    public void Runs_out_of_coins_below_K_and_says_so()
    {
        var r = Make().At(End, Ten);
        Assert.Equal(["AAA", "CCC", "BONK", "DDD", "EEE"], r.Eligible.Select(c => c.Symbol));
        Assert.Equal(60.0, r.Index); // AAA, BONK, DDD of 5; EEE ties BTC exactly
        Assert.Equal(["AAA", "BONK", "DDD"], r.Eligible.Where(c => c.BeatsBenchmark).Select(c => c.Symbol));
        Assert.Equal(["BONK", "AAA", "DDD"], r.Outperformers.Select(c => c.Symbol));
        Assert.True(r.ShortOfTop);
        Assert.Contains(r.Skipped, s => s is { Symbol: "AAA", Rank: 9, Reason: SkipReason.DuplicateSymbol });
        Assert.Contains(r.Skipped, s => s is { Symbol: "FFF", Reason: SkipReason.NoDailySeries });
    }

    [Fact]
    public void Overrides_exclude_include_and_alias()
    {
        var options = new AltcoinUniverseOptions(Exclude: ["AAA"], Include: ["USDT"],
            Aliases: new Dictionary<string, IReadOnlyList<string>> { ["FFF"] = ["DDD"] });
        var r = Make(options).At(End, Ten);
        // USDT (flat, lags) joins, AAA leaves, FFF is priced from DDD's series (+20%, beats).
        Assert.Equal(["USDT", "CCC", "BONK", "DDD", "EEE", "FFF"], r.Eligible.Select(c => c.Symbol));
        Assert.Equal(100.0 * 3 / 6, r.Index);
        Assert.Contains(r.Skipped, s => s is { Symbol: "AAA", Reason: SkipReason.ExcludedByOption });
    }

    [Fact]
    public void Undefined_without_ranking_benchmark_or_eligible_coins()
    {
        var index = Make();
        Assert.Equal(IndexStatus.NoRanking, index.At(Start.AddDays(-1), Ten).Status);
        var noBtc = index.At(End.AddDays(1), Ten);
        Assert.Equal(IndexStatus.NoBenchmarkCloses, noBtc.Status);
        Assert.True(double.IsNaN(noBtc.Index));
        Assert.Equal(Season.Undefined, noBtc.Season);
        var onlyBtc = new AltcoinSeasonIndex([Pair("BTC", 1, 2)], Ranking(Start), []).At(End, Ten);
        Assert.Equal(IndexStatus.NoEligibleCoins, onlyBtc.Status);
    }

    [Theory]
    // 5 of 10 eligible (50%); the ranking of 2025-01-01 is 10 days old at t = 2025-01-11.
    [InlineData(0.5, 10, IndexStatus.Ok)]
    [InlineData(0.51, 10, IndexStatus.Partial)]      // 5 < 0.51 × 10
    [InlineData(0.5, 9, IndexStatus.StaleRanking)]   // 10 days > 9
    [InlineData(0.9, 9, IndexStatus.StaleRanking)]   // both: a stale ranking is reported first
    public void Status_says_how_much_the_reading_rests_on(double minCoverage, int maxAge, IndexStatus status)
    {
        var p = Ten with { MinCoverage = minCoverage, MaxRankingAgeDays = maxAge };
        var r = Make().At(End, p);
        Assert.Equal(status, r.Status);
        Assert.Equal(60.0, r.Index); // the value stays: only its status changes
        Assert.Equal((0.5, 10), (r.Coverage, r.RankingAgeDays));
        var point = Make().History(End, End, p)[0];
        Assert.Equal((status, 10, true), (point.Status, point.RankingAgeDays, point.IsDefined));
    }

    [Fact]
    public void Default_limits_are_80_percent_of_K_and_35_days()
    {
        var p = new AltcoinSeasonParameters(10, 6);
        Assert.Equal(IndexStatus.Ok, Make().At(End, p with { TopCount = 5 }).Status);  // 5 of 5
        Assert.Equal(IndexStatus.Ok, Make().At(End, p with { TopCount = 6 }).Status);  // 5 of 6 = 83%
        Assert.Equal(IndexStatus.Partial, Make().At(End, p with { TopCount = 7 }).Status); // 5 of 7 = 71%
        var late = new AltcoinSeasonIndex(Coins, Ranking(End.AddDays(-36)), Flags).At(End, p with { TopCount = 5 });
        Assert.Equal((IndexStatus.StaleRanking, 36), (late.Status, late.RankingAgeDays));
        Assert.Throws<ArgumentOutOfRangeException>(() => p with { MinCoverage = 1.5 });
        Assert.Throws<ArgumentOutOfRangeException>(() => p with { MaxRankingAgeDays = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new AltcoinSeasonParameters(90, 50, 25, 75));
    }

    [Fact]
    public void Missing_end_close_reports_the_last_close_known_at_t()
    {
        var coins = new[] { Pair("BTC", 100, 110), Coin("OLD", (Start, 1), (new(2025, 1, 3), 1)) };
        var r = new AltcoinSeasonIndex(coins, [new(Start, 1, "OLD", null, double.NaN, "L")], []).At(End, Ten);
        var s = Assert.Single(r.Skipped);
        Assert.Equal(SkipReason.MissingEndClose, s.Reason);
        Assert.Equal("OLD: no close on 2025-01-11 (last close 2025-01-03)", s.Detail);
    }

    [Fact]
    public void History_agrees_with_single_dates()
    {
        var index = Make();
        var history = index.History(Start.AddDays(-1), End.AddDays(1), Ten);
        Assert.Equal(13, history.Length);
        foreach (var p in history)
        {
            var r = index.At(p.Date, Ten);
            Assert.Equal((r.Index, r.EligibleCount, r.Status), (p.Index, p.Eligible, p.Status));
        }
        Assert.Equal(IndexStatus.NoBenchmarkCloses, history[5].Status); // 2025-01-05: BTC has no close
    }

    [Fact]
    public void One_walk_for_several_sizes_equals_a_walk_for_each()
    {
        var index = Make();
        // Sizes met on the way (1, 3), where the coins run out (5 of 7 and 10), in no order, one with its own limits.
        AltcoinSeasonParameters[] sizes =
        [
            Ten, Ten with { TopCount = 3 }, Ten with { TopCount = 1 }, Ten with { TopCount = 7, MinCoverage = 0.9 },
            Ten with { TopCount = 5 },
        ];
        var points = new AltcoinSeasonPoint[sizes.Length];
        for (var date = Start.AddDays(-1); date <= End.AddDays(1); date = date.AddDays(1))
        {
            index.Points(date, sizes, points);
            for (int k = 0; k < sizes.Length; k++) Assert.Equal(index.History(date, date, sizes[k])[0], points[k]);
        }
        index.Points(End, sizes, points);
        Assert.Equal([60.0, 100.0 * 2 / 3, 100.0, 60.0, 60.0], points.Select(p => p.Index));
        Assert.Equal(IndexStatus.Partial, points[3].Status); // 5 of 7 < 90%
        Assert.Throws<ArgumentException>(() => index.Points(End, [Ten, Ten], new AltcoinSeasonPoint[1]));
    }

    [Fact]
    public void One_walk_for_several_windows_equals_a_walk_for_each()
    {
        // Daily closes over 40 days; a coin listed late and one with a gap, a second series for one symbol that
        // starts earlier than its first, so the series a coin is priced from depends on the window.
        var start = new DateOnly(2025, 3, 1);
        DailySeries Daily(string id, int from, int to, Func<int, double> close) =>
            Coin(id, [.. Enumerable.Range(from, to - from + 1).Select(d => (start.AddDays(d), close(d)))]);
        DailySeries[] coins =
        [
            Daily("BTC", 0, 39, d => 100 + d),
            Daily("AAA", 0, 39, d => 50 + 2 * d),
            Daily("BBB", 12, 39, d => 10 + 0.05 * d * d),           // listed on day 12
            Daily("CCC", 0, 39, d => d is 20 or 21 ? double.NaN : 30 - 0.2 * d), // no close on days 20 and 21
            Daily("DDD", 25, 39, d => 5 + d),                       // DDD's own series starts late
            Daily("1000DDD", 0, 39, d => 5000 + 900 * d),           // the same coin per 1000 tokens, from day 0
            Daily("EEE", 0, 39, d => 200 - d),
        ];
        var ranking = new[] { "BTC", "BBB", "AAA", "DDD", "CCC", "EEE" }
            .Select((c, r) => new RankedCoin(start, r + 1, c, null, double.NaN, "L"));
        var index = new AltcoinSeasonIndex(coins, ranking, []);
        AltcoinSeasonParameters[] parameters =
        [
            new(WindowDays: 10, TopCount: 3), new(WindowDays: 2, TopCount: 4), new(WindowDays: 30, TopCount: 2),
            new(WindowDays: 10, TopCount: 5), new(WindowDays: 2, TopCount: 1), new(WindowDays: 15, TopCount: 9),
        ];
        var points = new AltcoinSeasonPoint[parameters.Length];
        int ok = 0;
        for (var date = start.AddDays(-1); date <= start.AddDays(41); date = date.AddDays(1))
        {
            index.Points(date, parameters, points);
            for (int k = 0; k < parameters.Length; k++)
            {
                Assert.Equal(index.History(date, date, parameters[k])[0], points[k]);
                if (points[k].Status == IndexStatus.Ok) ok++;
            }
        }
        Assert.True(ok > 100, $"only {ok} points ok");
        // Day 22, window 2: BBB, AAA, DDD (from 1000DDD: DDD starts on day 25), CCC (no close on day 20) skipped,
        // EEE; BTC +2/120: BBB and DDD beat it, AAA (+4/90) beats it, EEE falls.
        index.Points(start.AddDays(22), parameters, points);
        Assert.Equal((75.0, 4, 3), (points[1].Index, points[1].Eligible, points[1].Outperformers));
        // Day 27, window 10: BBB, AAA and DDD, priced from 1000DDD (DDD's own series has day 27 but not day 17), all
        // beat BTC (+10/117): 29,300 / 20,300 − 1 = +44%.
        index.Points(start.AddDays(27), parameters, points);
        Assert.Equal((100.0, 3, 3), (points[0].Index, points[0].Eligible, points[0].Outperformers));
        Assert.Equal(29300.0 / 20300 - 1,
            index.At(start.AddDays(27), parameters[0]).Eligible.Single(c => c.Symbol == "DDD").Return, 12);
    }

    [Theory]
    [InlineData(75, Season.AltcoinSeason)]
    [InlineData(74.99, Season.Neutral)]
    [InlineData(25.01, Season.Neutral)]
    [InlineData(25, Season.BitcoinSeason)]
    [InlineData(double.NaN, Season.Undefined)]
    public void Seasons_include_their_thresholds(double index, Season season) =>
        Assert.Equal(season, new AltcoinSeasonParameters().SeasonOf(index));

    [Fact]
    public void Rejects_nonsense_parameters()
    {
        var index = Make();
        Assert.Throws<ArgumentOutOfRangeException>(() => index.At(End, new AltcoinSeasonParameters(WindowDays: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.At(End, new AltcoinSeasonParameters(TopCount: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.At(End, new AltcoinSeasonParameters(AltcoinSeasonThreshold: 20)));
    }
}
