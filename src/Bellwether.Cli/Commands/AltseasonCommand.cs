using System.CommandLine;
using Bellwether.Api;
using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Text;
using Bellwether.Core.Universe;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary><c>bellwether altseason</c>: the Altcoin Season Index as of a date, optionally with its daily
/// history.</summary>
internal static class AltseasonCommand
{
    public static Command Create()
    {
        var asOf =
            new Option<string?>("--as-of")
            {
                Description =
                "Evaluate at this date (yyyy-MM-dd; default: --to, else Bitcoin's last close)"
            };
        var window =
            new Option<int>("--window")
            {
                Description =
                "N, the return window in calendar days (30, 90 or 365 are the published variants)",
                DefaultValueFactory = _ => 90
            }
            .Between(1, AltseasonQuery.MaxDays);
        var top =
            new Option<int>("--top")
            {
                Description =
                "K, the number of eligible altcoins counted (50 as blockchaincenter.net, 100 as CoinMarketCap)",
                DefaultValueFactory = _ => 50
            }
            .Between(1, AltseasonQuery.MaxTop);
        var from =
            new Option<string?>("--from")
            {
                Description =
                "First day of a daily history (yyyy-MM-dd; default with --to: the first ranking)"
            };
        var to =
            new Option<string?>("--to")
            {
                Description =
                "Last day of a daily history (yyyy-MM-dd; default with --from: the as-of date)"
            };
        var rankings =
            new Option<string?>("--rankings")
            {
                Description =
                "Ranking lists in order, comma-separated; the first wins a shared date (default: market caps, then " +
                "snapshot lists, then order-only)"
            };
        var mode =
            new Option<RankingCombination>("--ranking-mode")
            {
                Description =
                "latest: the most recent ranking of any list; priority: a later list only where earlier ones have " +
                "not started", DefaultValueFactory = _ => RankingCombination.Latest
            };
        var minCoverage =
            new Option<double>("--min-coverage")
            {
                Description = "Share of K that must be eligible for status ok (0-1)",
                DefaultValueFactory = _ => AltcoinSeasonParameters.DefaultMinCoverage
            };
        var maxAge =
            new Option<int>("--max-ranking-age")
            {
                Description = "Oldest ranking in force, in days, for status ok",
                DefaultValueFactory = _ => AltcoinSeasonParameters.DefaultMaxRankingAgeDays
            };
        var exclude = new Option<string?>("--exclude") { Description = "Extra symbols to leave out, comma-separated" };
        var include =
            new Option<string?>("--include")
            {
                Description =
                "Symbols to keep although a coin list flags them, comma-separated"
            };
        var alias =
            new Option<string[]>("--alias")
            {
                Description =
                "RANKSYM=SERIES: also try SERIES's closes for RANKSYM (e.g. POL=MATIC); repeatable",
                AllowMultipleArgumentsPerToken = false
            };
        var command = new Command(AltseasonQuery.Name,
            "Altcoin Season Index: the share of the top K altcoins whose N-day return beats Bitcoin's")
        {
            asOf, window, top, from, to, rankings, mode, exclude, include, alias, minCoverage, maxAge,
        };
        command.SetAction(parse =>
        {
            var query = new AltseasonQuery
            {
                AsOf = StoreAccess.Date(parse, asOf), Window = parse.GetValue(window), Top = parse.GetValue(top),
                From = StoreAccess.Date(parse, from), To = StoreAccess.Date(parse, to),
                Rankings = AltseasonQuery.List(parse.GetValue(rankings)), RankingMode = parse.GetValue(mode),
                MinCoverage = parse.GetValue(minCoverage), MaxRankingAge = parse.GetValue(maxAge),
                Exclude = AltseasonQuery.List(parse.GetValue(exclude)),
                Include = AltseasonQuery.List(parse.GetValue(include)),
                Alias = parse.GetValue(alias) ?? [],
            };
            query.Parameters(); // a bad value is a usage error before the store is opened
            using var store = StoreAccess.OpenForRead(parse);
            var answer = AltseasonAnswer.Of(store, query);
            if (parse.GetValue(Cli.Json)) Output.WriteJson(parse, answer.Json());
            else Print(Output.Console(parse), answer);
            return Cli.Ok;
        });
        return command;
    }

    private static void Print(IAnsiConsole console, AltseasonAnswer answer)
    {
        var (r, history, published, ethBtc, dominance) = answer;
        var p = r.Parameters;
        string title = $"Altcoin Season Index (top {p.TopCount}, {p.WindowDays} days) on {r.Date:yyyy-MM-dd}";
        if (!r.Status.IsDefined())
        {
            console.MarkupLine($"{title}: [yellow]undefined[/] ({Words(r.Status)}).");
        }
        else
        {
            console.MarkupLine(
                $"{title}: [bold]{ValueText.Of(r.Index, ValueKind.IndexPoints)}[/], {Words(r.Season)}. " +
                $"{r.Outperformers.Count} of {r.EligibleCount} eligible altcoins beat Bitcoin's " +
                ValueText.Of(r.BenchmarkReturn, ValueKind.FractionPercent)
                               + (r.ShortOfTop
                                   ? $" [yellow](only {r.EligibleCount} of {p.TopCount} had closes at both ends)[/]"
                                   : "") + ".");
            var table = new Table().Border(TableBorder.Simple)
                .AddColumns("#", "coin", "rank", $"{p.WindowDays}-day return", "series");
            int shown = 0;
            foreach (var c in r.Outperformers.Take(10))
                table.AddRow((++shown).ToString(), Markup.Escape(c.Symbol), c.Rank.ToString(),
                    ValueText.Of(c.Return, ValueKind.FractionPercent), Markup.Escape(c.Series));
            if (shown > 0) console.Write(table);
            var coverage =
                $"Coverage: {r.EligibleCount} of {p.TopCount} eligible " +
                $"({ValueText.Of(r.Coverage, ValueKind.Share)}), " +
                $"ranking {r.RankingAgeDays} days old";
            console.MarkupLine(r.Status == IndexStatus.Ok ? $"{coverage}: ok."
                : $"{coverage}: [yellow]{Snake(r.Status)}[/] ({Words(r.Status, p)}); a board does not count this " +
                "reading.");
        }
        if (r.Ranking is { } k) console.MarkupLine(
            $"Ranking in force: {Markup.Escape(k.List)} of {k.Date:yyyy-MM-dd} ({r.Date.DayNumber - k.Date.DayNumber}" +
            $" days old).");
        var gaps = r.Skipped.Where(s => s.Reason is SkipReason.NoDailySeries or SkipReason.MissingStartClose
            or SkipReason.MissingEndClose or SkipReason.MissingBothCloses).ToList();
        if (gaps.Count > 0)
            console.MarkupLine(
                $"Skipped for missing data: " +
                $"{Markup.Escape(string.Join(", ", gaps.Select(s => $"{s.Symbol} (#{s.Rank})")))}.");
        if (ethBtc is { } e)
            console.MarkupLine($"ETH/BTC {ValueText.Number(e.Value, "0.00000")} on {e.Date:yyyy-MM-dd}"
                + (e.Warning("ETH/BTC", r.Date) is { } w ? $" [yellow]({w})[/]." : "."));
        if (dominance is { } d)
            console.MarkupLine(
                $"Bitcoin dominance {ValueText.Level(d.Value, ValueKind.Percent)} on {d.Date:yyyy-MM-dd}" +
                               (d.Warning("Bitcoin dominance", r.Date) is { } w ? $" [yellow]({w})[/]."
                                   : d.Date < r.Date ? " (latest available)." : "."));
        if (history is { Length: > 0 }) PrintHistory(console, p, history);
        if (published.Readings.Count > 0) PrintPublished(console, published);
    }

    private static void PrintPublished(IAnsiConsole console, PublishedComparison published)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("date", "published", "by", "computed", "difference", "status", "ranking age");
        foreach (var c in published.Readings)
            table.AddRow($"{c.Published.Date:yyyy-MM-dd}", Points(c.Published.Value),
                Markup.Escape(c.Published.Provider),
                c.Computed.IsDefined ? Points(c.Computed.Index) : ValueText.Missing,
                ValueText.Format(ValueKind.IndexPointsChange).Number(c.Difference),
                Snake(c.Computed.Status), c.Computed.RankingAgeDays < 0 ? "—" : $"{c.Computed.RankingAgeDays} d");
        console.Write(table);
        console.MarkupLine(Markup.Escape(published.Sentence()!));
    }

    private static void PrintHistory(IAnsiConsole console, AltcoinSeasonParameters p, AltcoinSeasonPoint[] history)
    {
        var defined = history.Where(h => h.IsDefined).ToList();
        var table = new Table().Border(TableBorder.Simple).AddColumns("month end", "index", "eligible", "season");
        foreach (var h in history.Where((h, i) => i == history.Length - 1 || history[i + 1].Date.Month != h.Date.Month))
            table.AddRow($"{h.Date:yyyy-MM-dd}", h.IsDefined ? Points(h.Index) : ValueText.Missing,
                h.Eligible.ToString(),
                Words(p.SeasonOf(h.Index)));
        console.Write(table);
        console.MarkupLine(
            $"History {history[0].Date:yyyy-MM-dd} → {history[^1].Date:yyyy-MM-dd}: {history.Length:#,0} days, "
                           + $"{defined.Count(h => p.SeasonOf(h.Index) == Season.AltcoinSeason):#,0} in Altcoin " +
                           "Season, "
                           + $"{defined.Count(h => p.SeasonOf(h.Index) == Season.BitcoinSeason):#,0} in Bitcoin " +
                           "Season, "
                           + $"{history.Length - defined.Count:#,0} undefined, "
                           + $"{defined.Count(h => h.Status != IndexStatus.Ok):#,0} partial or on a stale ranking.");
    }

    /// <summary>An index reading in a column that names it: <c>14</c>.</summary>
    private static string Points(double v) => ValueText.Format(ValueKind.IndexPoints).Number(v);

    private static string Words(Season s) => s switch
    {
        Season.AltcoinSeason => "Altcoin Season",
        Season.BitcoinSeason => "Bitcoin Season",
        Season.Neutral => "neither season",
        _ => "undefined",
    };

    private static string Snake(IndexStatus s) =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(s.ToString());

    private static string Words(IndexStatus s, AltcoinSeasonParameters? p = null) => s switch
    {
        IndexStatus.Partial => $"fewer than {ValueText.Of(p?.MinCoverage ?? double.NaN, ValueKind.Share)} of the top " +
            $"{p?.TopCount} had closes at both ends",
        IndexStatus.StaleRanking => $"the ranking in force is older than {p?.MaxRankingAgeDays} days",
        IndexStatus.NoRanking => "no ranking on or before this date",
        IndexStatus.NoBenchmarkCloses => "Bitcoin lacks a close at the date or at the start of the window",
        IndexStatus.NoEligibleCoins => "no ranked altcoin has closes at both ends of the window",
        _ => "ok",
    };
}
