using System.CommandLine;
using Bellwether.Core.Measurements.AltSeason;
using Bellwether.Core.Measurements;
using Bellwether.Core.Board;
using Bellwether.Core.Calendars;
using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Crypto.MarketSeries;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Core.Universe;
using Bellwether.Data.Store;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary><c>bellwether altseason</c>: the Altcoin Season Index as of a date, optionally with its daily history.</summary>
internal static class AltseasonCommand
{
    private const string DominanceId = "BTC_DOMINANCE";

    public static Command Create()
    {
        var asOf = new Option<string?>("--as-of") { Description = "Evaluate at this date (yyyy-MM-dd; default: --to, else Bitcoin's last close)" };
        var window = new Option<int>("--window") { Description = "N, the return window in calendar days (30, 90 or 365 are the published variants)", DefaultValueFactory = _ => 90 }
            .Between(1, OptionRange.MaxDays);
        var top = new Option<int>("--top") { Description = "K, the number of eligible altcoins counted (50 as blockchaincenter.net, 100 as CoinMarketCap)", DefaultValueFactory = _ => 50 }
            .Between(1, 10_000);
        var from = new Option<string?>("--from") { Description = "First day of a daily history (yyyy-MM-dd; default with --to: the first ranking)" };
        var to = new Option<string?>("--to") { Description = "Last day of a daily history (yyyy-MM-dd; default with --from: the as-of date)" };
        var rankings = new Option<string?>("--rankings") { Description = "Ranking lists in order, comma-separated; the first wins a shared date (default: market caps, then snapshot lists, then order-only)" };
        var mode = new Option<RankingCombination>("--ranking-mode") { Description = "latest: the most recent ranking of any list; priority: a later list only where earlier ones have not started", DefaultValueFactory = _ => RankingCombination.Latest };
        var minCoverage = new Option<double>("--min-coverage") { Description = "Share of K that must be eligible for status ok (0-1)", DefaultValueFactory = _ => AltcoinSeasonParameters.DefaultMinCoverage };
        var maxAge = new Option<int>("--max-ranking-age") { Description = "Oldest ranking in force, in days, for status ok", DefaultValueFactory = _ => AltcoinSeasonParameters.DefaultMaxRankingAgeDays };
        var exclude = new Option<string?>("--exclude") { Description = "Extra symbols to leave out, comma-separated" };
        var include = new Option<string?>("--include") { Description = "Symbols to keep although a coin list flags them, comma-separated" };
        var alias = new Option<string[]>("--alias") { Description = "RANKSYM=SERIES: also try SERIES's closes for RANKSYM (e.g. POL=MATIC); repeatable", AllowMultipleArgumentsPerToken = false };
        var command = new Command(Concepts.Signal<AltSeasonSignal>().Name,
            "Altcoin Season Index: the share of the top K altcoins whose N-day return beats Bitcoin's")
        {
            asOf, window, top, from, to, rankings, mode, exclude, include, alias, minCoverage, maxAge,
        };
        command.SetAction(parse =>
        {
            var parameters = new AltcoinSeasonParameters(parse.GetValue(window), parse.GetValue(top),
                MinCoverage: parse.GetValue(minCoverage), MaxRankingAgeDays: parse.GetValue(maxAge));
            if (parameters.WindowDays < 1) throw new UsageException("--window must be at least 1 day");
            if (parameters.TopCount < 1) throw new UsageException("--top must be at least 1");
            if (!(parameters.MinCoverage is >= 0 and <= 1)) throw new UsageException("--min-coverage must lie in 0-1");
            if (parameters.MaxRankingAgeDays < 0) throw new UsageException("--max-ranking-age must be at least 0");
            var asOfDate = StoreAccess.Date(parse, asOf);
            var fromDate = StoreAccess.Date(parse, from);
            var toDate = StoreAccess.Date(parse, to);
            if (fromDate > toDate) throw new UsageException("--from is after --to");
            if (asOfDate is { } a && toDate is { } t && a > t) throw new UsageException("--as-of is after --to");
            bool withHistory = fromDate is not null || toDate is not null;

            using var store = StoreAccess.OpenForRead(parse);
            var options = Options(parse, store, rankings, mode, exclude, include, alias);
            // Load only what is dated on or before the last day asked for: nothing later can leak into a result.
            DateOnly? loadTo = toDate ?? asOfDate;
            var coins = store.LoadSeriesOfClass(AssetClass.Crypto, loadTo);
            var index = new AltcoinSeasonIndex(coins, store.LoadRankings().Where(r => loadTo is null || r.Date <= loadTo),
                store.LoadClassifications(), options);
            var lastClose = index.BenchmarkRange?.Last
                ?? throw new InvalidOperationException($"no {options.Benchmark} closes in the store: import the crypto data first");
            var date = asOfDate ?? toDate ?? lastClose;
            var reading = index.At(date, parameters);
            AltcoinSeasonPoint[]? history = null;
            if (withHistory)
            {
                var first = fromDate ?? (index.Rankings.Snapshots.Count > 0 ? index.Rankings.Snapshots.Min(s => s.Date) : date);
                history = index.History(first, toDate ?? date, parameters);
            }
            // Published readings of this K and N, on the days shown (the as-of date, or the history's days).
            var shownFrom = history is { Length: > 0 } ? history[0].Date : date;
            var shownTo = history is { Length: > 0 } ? history[^1].Date : date;
            var published = PublishedComparison.Of(store.LoadPublishedReadings().Where(r => r.Date >= shownFrom && r.Date <= shownTo),
                parameters, d => history is { Length: > 0 } h ? h[d.DayNumber - h[0].Date.DayNumber] : index.History(d, d, parameters)[0]);
            var ethBtc = Latest.Of(EthBtc(coins, options.Benchmark)?.LatestOnOrBefore(date), CalendarKind.EveryDay, date);
            var dominance = store.FindInstrument(DominanceId) is not { } dominanceSeries ? null
                : Latest.Of(CryptoMarketSeries.BitcoinDominance(store.LoadSeries(DominanceId, to: date)).LatestOnOrBefore(date),
                    dominanceSeries.Calendar, date);

            if (parse.GetValue(Cli.Json)) Output.WriteJson(parse, Json(reading, history, published, ethBtc, dominance));
            else Print(Output.Console(parse), reading, history, published, ethBtc, dominance);
            return Cli.Ok;
        });
        return command;
    }

    private static AltcoinUniverseOptions Options(ParseResult parse, BellwetherStore store, Option<string?> rankings,
        Option<RankingCombination> mode, Option<string?> exclude, Option<string?> include, Option<string[]> alias)
    {
        var priority = List(parse.GetValue(rankings));
        var known = store.ListNames().Rankings;
        foreach (var name in priority ?? [])
            if (!known.Contains(name, StringComparer.OrdinalIgnoreCase))
                throw new UsageException($"--rankings: no ranking list '{name}' in the store (known: {string.Join(", ", known)})");
        var aliases = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var spec in parse.GetValue(alias) ?? [])
        {
            var parts = spec.Split('=', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                throw new UsageException($"--alias: '{spec}' is not RANKSYM=SERIES");
            var key = parts[0].ToUpperInvariant();
            aliases[key] = [.. aliases.GetValueOrDefault(key) ?? [], parts[1].ToUpperInvariant()];
        }
        return new AltcoinUniverseOptions(RankingPriority: priority, Combination: parse.GetValue(mode),
            Exclude: List(parse.GetValue(exclude)), Include: List(parse.GetValue(include)), Aliases: aliases);
    }

    private static List<string>? List(string? text) =>
        text is null ? null : text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => s.ToUpperInvariant()).ToList();

    /// <summary>A series' latest value on or before the reading's date, and whether it is too old for its calendar to be current.</summary>
    private sealed record Latest(DateOnly Date, double Value, bool Stale)
    {
        public static Latest? Of((DateOnly Date, double Value)? latest, CalendarKind calendar, DateOnly asOf) =>
            latest is { } l ? new Latest(l.Date, l.Value, Freshness.IsStale(TradingCalendar.For(calendar, l.Date), l.Date, asOf)) : null;

        /// <summary>The stale value said in words, or null when it is current.</summary>
        public string? Warning(string what, DateOnly asOf) => Stale
            ? $"stale: {what}'s last value is {asOf.DayNumber - Date.DayNumber} days before {asOf:yyyy-MM-dd}, not a current reading"
            : null;
    }

    private static DatedValues? EthBtc(List<DailySeries> coins, string benchmark)
    {
        var eth = coins.FirstOrDefault(s => s.Instrument.Id == "ETH");
        var btc = coins.FirstOrDefault(s => string.Equals(s.Instrument.Id, benchmark, StringComparison.OrdinalIgnoreCase));
        return eth is null || btc is null ? null : CryptoMarketSeries.EthBtc(eth, btc);
    }

    private static object Json(AltcoinSeasonReading r, AltcoinSeasonPoint[]? history, PublishedComparison published,
        Latest? ethBtc, Latest? dominance) => new
        {
            as_of = r.Date,
            window_days = r.Parameters.WindowDays,
            top = r.Parameters.TopCount,
            index = r.Index,
            season = r.Season,
            status = r.Status,
            eligible = r.EligibleCount,
            outperformer_count = r.Outperformers.Count,
            short_of_top = r.ShortOfTop,
            coverage = new
            {
                eligible = r.EligibleCount, top = r.Parameters.TopCount, share = r.Coverage, ranking_age_days = r.RankingAgeDays,
                min_share = r.Parameters.MinCoverage, max_ranking_age_days = r.Parameters.MaxRankingAgeDays,
            },
            bitcoin_return = r.BenchmarkReturn,
            thresholds = new { altcoin_season = r.Parameters.AltcoinSeasonThreshold, bitcoin_season = r.Parameters.BitcoinSeasonThreshold },
            ranking = r.Ranking is { } k ? new { list = k.List, date = k.Date, age_days = r.Date.DayNumber - k.Date.DayNumber } : null,
            outperformers = r.Outperformers.Select(c => new { symbol = c.Symbol, rank = c.Rank, @return = c.Return, series = c.Series }),
            coins = r.Eligible.Select(c => new { symbol = c.Symbol, rank = c.Rank, @return = c.Return, series = c.Series, beats_bitcoin = c.BeatsBenchmark }),
            skipped = r.Skipped.Select(s => new { symbol = s.Symbol, rank = s.Rank, reason = s.Reason, detail = s.Detail }),
            eth_btc = ethBtc is { } e ? new { date = e.Date, value = e.Value, stale = e.Stale } : null,
            btc_dominance = dominance is { } d ? new { date = d.Date, value = d.Value, stale = d.Stale } : null,
            warnings = new[] { ethBtc?.Warning("ETH/BTC", r.Date), dominance?.Warning("Bitcoin dominance", r.Date) }.OfType<string>(),
            history = history?.Select(h => new { date = h.Date, index = h.Index, eligible = h.Eligible, status = h.Status }),
            published = published.Readings.Select(c => new
            {
                date = c.Published.Date, value = c.Published.Value, provider = c.Published.Provider, definition = c.Published.Definition,
                computed = c.Computed.Index, difference = c.Difference, status = c.Computed.Status, eligible = c.Computed.Eligible,
                ranking_age_days = c.Computed.RankingAgeDays, source_url = c.Published.SourceUrl,
            }),
            published_summary = new { all = Summary(published.All), comparable = Summary(published.Comparable) },
        };

    private static object? Summary(ComparisonSummary? s) => s is null ? null : new
    {
        count = s.Count, mean_absolute_error = s.MeanAbsoluteError, bias = s.Bias,
        largest_gap = new { date = s.LargestGap.Published.Date, published = s.LargestGap.Published.Value, computed = s.LargestGap.Computed.Index, difference = s.LargestGap.Difference },
    };

    private static void Print(IAnsiConsole console, AltcoinSeasonReading r, AltcoinSeasonPoint[]? history, PublishedComparison published,
        Latest? ethBtc, Latest? dominance)
    {
        var p = r.Parameters;
        string title = $"Altcoin Season Index (top {p.TopCount}, {p.WindowDays} days) on {r.Date:yyyy-MM-dd}";
        if (!r.Status.IsDefined())
        {
            console.MarkupLine($"{title}: [yellow]undefined[/] ({Words(r.Status)}).");
        }
        else
        {
            console.MarkupLine($"{title}: [bold]{r.Index:0.#}[/], {Words(r.Season)}. {r.Outperformers.Count} of {r.EligibleCount} eligible altcoins beat Bitcoin's {r.BenchmarkReturn:+0.0%;-0.0%}"
                               + (r.ShortOfTop ? $" [yellow](only {r.EligibleCount} of {p.TopCount} had closes at both ends)[/]" : "") + ".");
            var table = new Table().Border(TableBorder.Simple).AddColumns("#", "coin", "rank", $"{p.WindowDays}-day return", "series");
            int shown = 0;
            foreach (var c in r.Outperformers.Take(10))
                table.AddRow((++shown).ToString(), Markup.Escape(c.Symbol), c.Rank.ToString(), $"{c.Return:+0.0%;-0.0%}", Markup.Escape(c.Series));
            if (shown > 0) console.Write(table);
            var coverage = $"Coverage: {r.EligibleCount} of {p.TopCount} eligible ({r.Coverage:0%}), ranking {r.RankingAgeDays} days old";
            console.MarkupLine(r.Status == IndexStatus.Ok ? $"{coverage}: ok."
                : $"{coverage}: [yellow]{Snake(r.Status)}[/] ({Words(r.Status, p)}); a board does not count this reading.");
        }
        if (r.Ranking is { } k) console.MarkupLine($"Ranking in force: {Markup.Escape(k.List)} of {k.Date:yyyy-MM-dd} ({r.Date.DayNumber - k.Date.DayNumber} days old).");
        var gaps = r.Skipped.Where(s => s.Reason is SkipReason.NoDailySeries or SkipReason.MissingStartClose
            or SkipReason.MissingEndClose or SkipReason.MissingBothCloses).ToList();
        if (gaps.Count > 0)
            console.MarkupLine($"Skipped for missing data: {Markup.Escape(string.Join(", ", gaps.Select(s => $"{s.Symbol} (#{s.Rank})")))}.");
        if (ethBtc is { } e)
            console.MarkupLine($"ETH/BTC {e.Value:0.00000} on {e.Date:yyyy-MM-dd}" + (e.Warning("ETH/BTC", r.Date) is { } w ? $" [yellow]({w})[/]." : "."));
        if (dominance is { } d)
            console.MarkupLine($"Bitcoin dominance {d.Value:0.0}% on {d.Date:yyyy-MM-dd}" +
                               (d.Warning("Bitcoin dominance", r.Date) is { } w ? $" [yellow]({w})[/]."
                                   : d.Date < r.Date ? " (latest available)." : "."));
        if (history is { Length: > 0 }) PrintHistory(console, p, history);
        if (published.Readings.Count > 0) PrintPublished(console, published);
    }

    private static void PrintPublished(IAnsiConsole console, PublishedComparison published)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("date", "published", "by", "computed", "difference", "status", "ranking age");
        foreach (var c in published.Readings)
            table.AddRow($"{c.Published.Date:yyyy-MM-dd}", $"{c.Published.Value:0.#}", Markup.Escape(c.Published.Provider),
                c.Computed.IsDefined ? $"{c.Computed.Index:0.#}" : "—", double.IsNaN(c.Difference) ? "—" : $"{c.Difference:+0.#;-0.#;0}",
                Snake(c.Computed.Status), c.Computed.RankingAgeDays < 0 ? "—" : $"{c.Computed.RankingAgeDays} d");
        console.Write(table);
        console.MarkupLine(Markup.Escape(published.Sentence()!));
    }

    private static void PrintHistory(IAnsiConsole console, AltcoinSeasonParameters p, AltcoinSeasonPoint[] history)
    {
        var defined = history.Where(h => h.IsDefined).ToList();
        var table = new Table().Border(TableBorder.Simple).AddColumns("month end", "index", "eligible", "season");
        foreach (var h in history.Where((h, i) => i == history.Length - 1 || history[i + 1].Date.Month != h.Date.Month))
            table.AddRow($"{h.Date:yyyy-MM-dd}", h.IsDefined ? $"{h.Index:0.#}" : "—", h.Eligible.ToString(), Words(p.SeasonOf(h.Index)));
        console.Write(table);
        console.MarkupLine($"History {history[0].Date:yyyy-MM-dd} → {history[^1].Date:yyyy-MM-dd}: {history.Length:#,0} days, "
                           + $"{defined.Count(h => p.SeasonOf(h.Index) == Season.AltcoinSeason):#,0} in Altcoin Season, "
                           + $"{defined.Count(h => p.SeasonOf(h.Index) == Season.BitcoinSeason):#,0} in Bitcoin Season, "
                           + $"{history.Length - defined.Count:#,0} undefined, "
                           + $"{defined.Count(h => h.Status != IndexStatus.Ok):#,0} partial or on a stale ranking.");
    }

    private static string Words(Season s) => s switch
    {
        Season.AltcoinSeason => "Altcoin Season",
        Season.BitcoinSeason => "Bitcoin Season",
        Season.Neutral => "neither season",
        _ => "undefined",
    };

    private static string Snake(IndexStatus s) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(s.ToString());

    private static string Words(IndexStatus s, AltcoinSeasonParameters? p = null) => s switch
    {
        IndexStatus.Partial => $"fewer than {p?.MinCoverage:0%} of the top {p?.TopCount} had closes at both ends",
        IndexStatus.StaleRanking => $"the ranking in force is older than {p?.MaxRankingAgeDays} days",
        IndexStatus.NoRanking => "no ranking on or before this date",
        IndexStatus.NoBenchmarkCloses => "Bitcoin lacks a close at the date or at the start of the window",
        IndexStatus.NoEligibleCoins => "no ranked altcoin has closes at both ends of the window",
        _ => "ok",
    };
}
