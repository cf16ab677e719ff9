using System.CommandLine;
using System.Text.RegularExpressions;
using Bellwether.Api;
using Bellwether.Core.Instruments;
using Bellwether.Core.Releases;
using Bellwether.Core.Text;
using Bellwether.Data.Store;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary><c>bellwether data status</c> and <c>bellwether data show</c>: what the store holds.</summary>
internal static class DataCommands
{
    public static Command Create()
    {
        var data = new Command("data", "Inspect the store");
        data.Subcommands.Add(Status());
        data.Subcommands.Add(Show());
        return data;
    }

    private static Command Status()
    {
        var classes = new Option<string?>("--class")
        {
            Description = $"Only these classes, comma-separated: {string.Join(", ", ClassNames.Keys)}",
        };
        var ids = new Option<string?>("--id")
        {
            Description =
                "Only ids matching these patterns, comma-separated, case-insensitive; * is any run of characters, " +
                          "? one character (e.g. 'BTC*,ETH')",
        };
        var command = new Command("status",
            "A table of instruments: class, first and last date, rows, gaps against their calendar, release rule, " +
            "source")
        {
            classes, ids,
        };
        command.SetAction(parse =>
        {
            var keep = Filter(parse, classes, ids);
            using var store = StoreAccess.OpenForRead(parse);
            var all = store.Status();
            var rows = all.Where(keep).ToList();
            var (coinLists, rankings) = store.ListNames();
            var releases = store.Instruments()
                .ToDictionary(i => i.Id, i => ReleaseRules.Default.For(i), StringComparer.Ordinal);
            if (parse.GetValue(Cli.Json))
            {
                Output.WriteJson(parse,
                    DataStatusDocument.Json(store, rows, releaseLags: !parse.GetValue(Cli.IgnoreReleaseLags)));
                return Cli.Ok;
            }
            var console = Output.Console(parse);
            var table = new FittedTable(new("id"), new("class"), new("unit", Wraps: true, Optional: true),
                new("calendar", Optional: true),
                new("first"), new("last"), new("rows", Right: true), new("gaps", Right: true),
                new("source", Wraps: true, Optional: true), new("public", Wraps: true, Optional: true));
            foreach (var r in rows)
                table.AddText(Printable.Escape(r.Id), ClassName(r.Class), r.QuoteUnit
                    + (r.ContractScale != 1 ? $" per {r.ContractScale:#,0}" : ""),
                    r.Calendar, $"{r.First:yyyy-MM-dd}", $"{r.Last:yyyy-MM-dd}", r.Rows.ToString("#,0"),
                    r.Gaps.ToString("#,0"), Shorten(r.Sources).Replace(";", "; "), releases[r.Id].Rule.Describe());
            table.Write(console);
            console.MarkupLine(
                "public: the day an observation is first published (a column when it fits; --json always has it; " +
                               "release rules and their sources: docs/release-lags.md)" +
                               (parse.GetValue(Cli.IgnoreReleaseLags) ? "; ignored: --ignore-release-lags" : ""));
            console.MarkupLine(
                $"{(rows.Count == all.Count ? "" : $"{rows.Count} of ")}{all.Count} instruments in " +
                $"{Markup.Escape(store.Path)} (schema v{store.SchemaVersion}); coin lists: " +
                $"{Markup.Escape(string.Join(", ", coinLists))}; rankings: " +
                $"{Markup.Escape(string.Join(", ", rankings))}");
            return Cli.Ok;
        });
        return command;
    }

    /// <summary>The short names of the asset classes, in the table and for <c>--class</c>.</summary>
    private static readonly Dictionary<string, AssetClass> ClassNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["index"] = AssetClass.EquityIndex, ["etf"] = AssetClass.Etf, ["crypto"] = AssetClass.Crypto,
        ["macro"] = AssetClass.MacroSeries, ["flows"] = AssetClass.EtfFlows,
    };

    private static string ClassName(string storedClass) =>
        ClassNames.FirstOrDefault(c => c.Value.ToString() == storedClass).Key ?? storedClass;

    /// <summary>The rows <c>data status</c> keeps: every row when neither option is given.</summary>
    private static Func<InstrumentStatus, bool> Filter(ParseResult parse, Option<string?> classOption,
        Option<string?> idOption)
    {
        var wantedClasses = List(parse.GetValue(classOption))
            .Select(name => ClassNames.TryGetValue(name, out var c) ? c.ToString()
            : throw new UsageException(
                $"--class: unknown class '{name}' (classes: {string.Join(", ", ClassNames.Keys)})")).ToHashSet();
        var patterns = List(parse.GetValue(idOption)).Select(p => new Regex(
            "^" + Regex.Escape(p).Replace(@"\*", ".*").Replace(@"\?", ".") + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)).ToList();
        return row => (wantedClasses.Count == 0 || wantedClasses.Contains(row.Class))
                      && (patterns.Count == 0 || patterns.Any(p => p.IsMatch(row.Id)));
    }

    private static List<string> List(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    private static Command Show()
    {
        var id = new Argument<string>("id") { Description = "Instrument id, e.g. RUT, BTC, WALCL, BTC_SPOT_ETF_FLOWS" };
        var from = new Option<string?>("--from") { Description = "First date (yyyy-MM-dd)" };
        var to = new Option<string?>("--to") { Description = "Last date (yyyy-MM-dd)" };
        var command = new Command("show", "The stored rows of one instrument") { id, from, to };
        command.SetAction(parse =>
        {
            var fromDate = StoreAccess.Date(parse, from);
            var toDate = StoreAccess.Date(parse, to);
            if (fromDate > toDate) throw new UsageException("--from is after --to");
            using var store = StoreAccess.OpenForRead(parse);
            var instrument = store.FindInstrument(parse.GetValue(id)!)
                ?? throw store.UnknownInstrument(parse.GetValue(id)!);
            return instrument.Class == AssetClass.EtfFlows
                ? ShowFlows(parse, store.LoadFlows(instrument.Id), fromDate, toDate)
                : ShowSeries(parse, store.LoadSeries(instrument.Id, fromDate, toDate));
        });
        return command;
    }

    private static int ShowSeries(ParseResult parse, Core.Series.DailySeries s)
    {
        if (parse.GetValue(Cli.Json))
        {
            Output.WriteJson(parse, new
            {
                id = s.Instrument.Id, @class = s.Instrument.Class, quote_unit = s.Instrument.QuoteUnit,
                contract_scale = s.Instrument.ContractScale, calendar = s.Instrument.Calendar,
                rows = Enumerable.Range(0, s.Count).Select(i => new
                {
                    date = s.Dates[i], open = s.Open[i], high = s.High[i], low = s.Low[i], close = s.Close[i],
                    volume = s.Volume[i], market_cap = s.MarketCap[i], source = s.SourceAt(i),
                }),
            });
            return Cli.Ok;
        }
        var table = new FittedTable(new("date"), new("open", Right: true), new("high", Right: true),
            new("low", Right: true),
            new("close", Right: true), new("volume", Right: true, Optional: true),
            new("market cap", Right: true, Optional: true), new("source", Wraps: true, Optional: true));
        for (int i = 0; i < s.Count; i++)
            table.AddText($"{s.Dates[i]:yyyy-MM-dd}", Output.Number(s.Open[i]), Output.Number(s.High[i]),
                Output.Number(s.Low[i]),
                Output.Number(s.Close[i]), Output.Number(s.Volume[i]), Output.Number(s.MarketCap[i]), s.SourceAt(i));
        var console = Output.Console(parse);
        LeftOut(console, table.Write(console));
        console.MarkupLine(
            $"{Markup.Escape(s.Instrument.Id)}: {s.Count:#,0} rows, {s.Instrument.Class}, " +
            $"{Markup.Escape(s.Instrument.QuoteUnit)}");
        return Cli.Ok;
    }

    /// <summary>Says which columns did not fit the width: nothing is left out without a word.</summary>
    private static void LeftOut(IAnsiConsole console, IReadOnlyList<string> headers)
    {
        if (headers.Count > 0)
            console.MarkupLine(
                $"[grey]Left out to fit {console.Profile.Width} columns: {Markup.Escape(string.Join(", ", headers))} " +
                               "(a wider terminal or COLUMNS shows them; --json has every column).[/]");
    }

    private static int ShowFlows(ParseResult parse, Core.Flows.FlowTable t, DateOnly? from, DateOnly? to)
    {
        var rows = Enumerable.Range(0, t.Count)
            .Where(i => (from is null || t.Dates[i] >= from) && (to is null || t.Dates[i] <= to)).ToList();
        if (parse.GetValue(Cli.Json))
        {
            Output.WriteJson(parse, new
            {
                id = t.Instrument.Id, @class = t.Instrument.Class, unit = t.Instrument.QuoteUnit, funds = t.Funds,
                rows = rows.Select(i => new
                {
                    date = t.Dates[i],
                    flows = t.Funds.Select((f, k) => (f, v: t.Values[k][i]))
                        .ToDictionary(x => x.f, x => double.IsNaN(x.v) ? (double?)null : x.v),
                    total = t.Total[i],
                    derived = t.Derived?[i] == true,
                }),
            });
            return Cli.Ok;
        }
        // The date and total always; the funds as the width allows (the last first left out).
        var table = new FittedTable([new("date"), new("Total", Right: true),
            .. t.Funds.Select(f => new FittedTable.Column(f, Right: true, Optional: true)),
            // Flows derived from shares outstanding × NAV say so on their row.
            .. t.Derived is null ? Array.Empty<FittedTable.Column>() : [new("source", Wraps: true)]]);
        foreach (var i in rows)
            table.AddText([$"{t.Dates[i]:yyyy-MM-dd}", Output.Number(t.Total[i]),
                .. t.Values.Select(v => Output.Number(v[i])),
                .. t.Derived is null ? Array.Empty<string>()
                    : [t.Derived[i] ? Core.Flows.FundShares.DerivedSource : "published"]]);
        var console = Output.Console(parse);
        LeftOut(console, table.Write(console));
        return Cli.Ok;
    }

    private static string Shorten(string s) => s.Length > 48 ? s[..47] + "…" : s;
}
