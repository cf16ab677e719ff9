using System.CommandLine;
using System.Globalization;
using Bellwether.Core.Structure.RecordCloses;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary><c>bellwether monthly-close ID</c>: month-end (or week-end) closes, records, and whether the latest period
/// has ended.</summary>
internal static class MonthlyCloseCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Instrument id, or a ratio A/B" };
        var asOf =
            new Option<string?>("--as-of")
            {
                Description =
                "Evaluate with the data known on this date (yyyy-MM-dd; default: the last row)"
            };
        var years =
            new Option<int?>("--years")
            {
                Description =
                "A record beats the closes of the last N years only (default: all history)"
            }.Between(1, 1_000);
        var weekly =
            new Option<bool>("--weekly") { Description = "Week-end (ISO week) closes instead of month-end closes" };
        var command = new Command("monthly-close",
            "Month-end closes, record monthly closes, and whether the current month is still provisional")
        {
            id, asOf, years, weekly,
        };
        command.SetAction(parse =>
        {
            var parameters = new RecordCloseParameters(parse.GetValue(weekly) ? ClosePeriod.Week : ClosePeriod.Month,
                parse.GetValue(years));
            using var store = StoreAccess.OpenForRead(parse);
            var series = SeriesArgument.Load(parse, store, parse.GetValue(id)!, StoreAccess.Date(parse, asOf));
            var date = SeriesArgument.AsOf(parse, asOf, series);
            var report = PeriodCloses.AsOf(series, date, parameters);
            var rows = report.Closes.Select(c => new
            {
                period = Label(report.Period, c.PeriodStart), c.PeriodStart, c.Date, c.Close, c.Provisional,
                c.LastSession,
                c.IsRecord, c.PriorRecord, c.PriorRecordDate,
            }).ToList();
            if (parse.GetValue(Cli.Json))
            {
                Output.WriteJson(parse, new
                {
                    id = series.Instrument.Id, as_of = date, period = report.Period,
                    record_years = parameters.RecordYears,
                    latest = rows.LastOrDefault(),
                    highest = report.Highest is { } h ? rows.First(r => r.PeriodStart == h.PeriodStart) : null,
                    records = rows.Where(r => r.IsRecord).Select(r => r.period).ToList(),
                    closes = rows,
                });
                return Cli.Ok;
            }
            var console = Output.Console(parse);
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumns("period", "date", "close", "status", "record", "prior record");
            foreach (var r in rows.TakeLast(24))
                table.AddRow(r.period, $"{r.Date:yyyy-MM-dd}", SeriesArgument.Price(r.Close), r.Provisional
                    ? "[yellow]provisional[/]" : "final",
                    r.IsRecord ? "[green]record[/]" : "", r.PriorRecordDate is { } d
                    ? $"{SeriesArgument.Price(r.PriorRecord)} ({d:yyyy-MM-dd})" : "");
            console.Write(table);
            var latest = rows.LastOrDefault();
            if (latest is null)
            {
                console.MarkupLine($"{Markup.Escape(series.Instrument.Id)}: no closes on or before {date:yyyy-MM-dd}.");
                return Cli.Ok;
            }
            string scope = parameters.RecordYears is { } y ? $"the last {y} years" : "all history";
            console.MarkupLine(
                $"{Markup.Escape(series.Instrument.Id)}: the {latest.period} close " +
                $"{SeriesArgument.Price(latest.Close)} ({latest.Date:yyyy-MM-dd}) is "
                + (latest.Provisional ? "[yellow]provisional[/] (the period has not ended)" : "final")
                + (latest.IsRecord ? $" and a [green]record[/] over {scope}." : $"; it is not a record over {scope}.")
                + (report.Highest is { } best
                    ? $" Highest: {SeriesArgument.Price(best.Close)} ({Label(report.Period, best.PeriodStart)})."
                    : ""));
            return Cli.Ok;
        });
        return command;
    }

    private static string Label(ClosePeriod period, DateOnly start) => period == ClosePeriod.Month
        ? start.ToString("yyyy-MM", CultureInfo.InvariantCulture)
        : $"{ISOWeek.GetYear(start.ToDateTime(TimeOnly.MinValue))}-W" +
        $"{ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue)):00}";
}
