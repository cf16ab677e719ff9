using System.CommandLine;
using Bellwether.Core.Instruments;
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
        var command = new Command("status", "A table of instruments: class, first and last date, rows, gaps against their calendar, source");
        command.SetAction(parse =>
        {
            using var store = StoreAccess.OpenForRead(parse);
            var rows = store.Status();
            var (coinLists, rankings) = store.ListNames();
            if (parse.GetValue(Cli.Json))
            {
                Output.WriteJson(parse, new { store = store.Path, schema_version = store.SchemaVersion, instruments = rows, coin_lists = coinLists, rankings });
                return Cli.Ok;
            }
            var console = Output.Console(parse);
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumns("id", "class", "unit", "calendar", "first", "last", "rows", "gaps", "source");
            foreach (var r in rows)
                table.AddRow(Markup.Escape(r.Id), r.Class, Markup.Escape(r.QuoteUnit + (r.ContractScale != 1 ? $" per {r.ContractScale:#,0}" : "")), r.Calendar,
                    $"{r.First:yyyy-MM-dd}", $"{r.Last:yyyy-MM-dd}", r.Rows.ToString("#,0"),
                    r.Gaps == 0 ? "0" : $"[yellow]{r.Gaps:#,0}[/]", Markup.Escape(Shorten(r.Sources)));
            console.Write(table);
            console.MarkupLine($"{rows.Count} instruments in {Markup.Escape(store.Path)} (schema v{store.SchemaVersion}); coin lists: {Markup.Escape(string.Join(", ", coinLists))}; rankings: {Markup.Escape(string.Join(", ", rankings))}");
            return Cli.Ok;
        });
        return command;
    }

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
            var instrument = store.FindInstrument(parse.GetValue(id)!) ?? throw new KeyNotFoundException($"no instrument '{parse.GetValue(id)}' in the store (see 'bellwether data status')");
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
        var table = new Table().Border(TableBorder.Simple).AddColumns("date", "open", "high", "low", "close", "volume", "market cap", "source");
        for (int i = 0; i < s.Count; i++)
            table.AddRow($"{s.Dates[i]:yyyy-MM-dd}", Output.Number(s.Open[i]), Output.Number(s.High[i]), Output.Number(s.Low[i]),
                Output.Number(s.Close[i]), Output.Number(s.Volume[i]), Output.Number(s.MarketCap[i]), Markup.Escape(s.SourceAt(i)));
        var console = Output.Console(parse);
        console.Write(table);
        console.MarkupLine($"{Markup.Escape(s.Instrument.Id)}: {s.Count:#,0} rows, {s.Instrument.Class}, {Markup.Escape(s.Instrument.QuoteUnit)}");
        return Cli.Ok;
    }

    private static int ShowFlows(ParseResult parse, Core.Flows.FlowTable t, DateOnly? from, DateOnly? to)
    {
        var rows = Enumerable.Range(0, t.Count).Where(i => (from is null || t.Dates[i] >= from) && (to is null || t.Dates[i] <= to)).ToList();
        if (parse.GetValue(Cli.Json))
        {
            Output.WriteJson(parse, new
            {
                id = t.Instrument.Id, @class = t.Instrument.Class, unit = t.Instrument.QuoteUnit, funds = t.Funds,
                rows = rows.Select(i => new
                {
                    date = t.Dates[i],
                    flows = t.Funds.Select((f, k) => (f, v: t.Values[k][i])).ToDictionary(x => x.f, x => double.IsNaN(x.v) ? (double?)null : x.v),
                    total = t.Total[i],
                    derived = t.Derived?[i] == true,
                }),
            });
            return Cli.Ok;
        }
        var table = new Table().Border(TableBorder.Simple).AddColumn("date");
        foreach (var f in t.Funds) table.AddColumn(Markup.Escape(f));
        table.AddColumn("Total");
        // Flows derived from shares outstanding × NAV say so on their row.
        if (t.Derived is not null) table.AddColumn("source");
        foreach (var i in rows)
            table.AddRow([$"{t.Dates[i]:yyyy-MM-dd}", .. t.Values.Select(v => Output.Number(v[i])), Output.Number(t.Total[i]),
                .. t.Derived is null ? Array.Empty<string>() : [t.Derived[i] ? Markup.Escape(Core.Flows.FundShares.DerivedSource) : "published"]]);
        Output.Console(parse).Write(table);
        return Cli.Ok;
    }

    private static string Shorten(string s) => s.Length > 48 ? s[..47] + "…" : s;
}
