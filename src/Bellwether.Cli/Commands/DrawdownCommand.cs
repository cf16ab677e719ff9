using System.CommandLine;
using Bellwether.Core.Measurements;
using Bellwether.Core.Measurements.Drawdown;
using Bellwether.Core.Statistics.Drawdown;
using Bellwether.Core.Text;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary><c>bellwether drawdown ID [--as-of] [--by close|high] [--since]</c>: how far below its peak an instrument
/// is.</summary>
internal static class DrawdownCommand
{
    /// <summary>The <c>--by</c> option shared with other drawdown-based commands.</summary>
    public static Option<string> ByOption()
    {
        var by =
            new Option<string>("--by")
            {
                Description =
                "Peak by close (highest close) or by high (highest intraday high)", DefaultValueFactory = _ =>
                "close"
            };
        by.AcceptOnlyFromAmong("close", "high");
        return by;
    }

    public static DrawdownBasis Basis(ParseResult parse, Option<string> by) => parse.GetValue(by) == "high"
        ? DrawdownBasis.High : DrawdownBasis.Close;

    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Instrument id, e.g. BTC, RUT, ETH" };
        var asOf =
            new Option<string?>("--as-of")
            {
                Description =
                "Use only rows dated on or before this date (yyyy-MM-dd; default: the latest row)"
            };
        var since =
            new Option<string?>("--since")
            {
                Description =
                "Start the running peak on this date (default: the first row)"
            };
        var by = ByOption();
        var command = new Command(Concepts.Signal<DrawdownSignal>().Name,
            "Drawdown from the running peak: how far below its peak, since when, and the deepest fall")
        {
            id, asOf, by, since,
        };
        command.SetAction(parse =>
        {
            var asOfDate = StoreAccess.Date(parse, asOf);
            var sinceDate = StoreAccess.Date(parse, since);
            if (sinceDate > asOfDate) throw new UsageException("--since is after --as-of");
            using var store = StoreAccess.OpenForRead(parse);
            var series = StoreAccess.Series(parse, store, parse.GetValue(id)!, asOfDate);
            if (series.Count == 0) throw new InvalidOperationException($"{series.Instrument.Id} has no rows");
            var date = asOfDate ?? series.Dates[^1];
            var byClose = Drawdowns.AsOf(series, date, DrawdownBasis.Close, sinceDate);
            var byHigh = Drawdowns.AsOf(series, date, DrawdownBasis.High, sinceDate);
            if (byClose is null || byHigh is null)
                throw new InvalidOperationException(
                    $"{series.Instrument.Id} has no close between {sinceDate?.ToString("yyyy-MM-dd") ?? "its start"} " +
                    $"and {date:yyyy-MM-dd}");
            var main = Basis(parse, by) == DrawdownBasis.High ? byHigh : byClose;
            if (parse.GetValue(Cli.Json))
            {
                Output.WriteJson(parse, new
                {
                    id = series.Instrument.Id, as_of = date, date = main.Latest.Date, by = main.Basis,
                    close = main.Latest.Close,
                    peak_date = main.Latest.PeakDate, peak_close = series.Close[series.IndexOf(main.Latest.PeakDate)],
                    peak = main.Latest.Peak,
                    drawdown = main.Latest.Drawdown, days_since_peak = main.DaysSincePeak,
                    max_drawdown = main.MaxDrawdown,
                    max_drawdown_date = main.MaxDrawdownDate, max_drawdown_peak_date = main.MaxDrawdownPeakDate,
                    from = main.From,
                    days = main.Days, missing_closes = main.MissingCloses,
                    by_close = Figures(byClose), by_high = Figures(byHigh),
                });
                return Cli.Ok;
            }
            var console = Output.Console(parse);
            var table = new Table().Border(TableBorder.Simple)
                .AddColumns(Dated("by"), Dated("peak date"), new("peak"), new("from peak"), new("days"),
                new("deepest"), Dated("trough"));
            foreach (var r in new[] { byClose, byHigh })
                table.AddRow(r.Basis == DrawdownBasis.Close ? "close" : "high", $"{r.Latest.PeakDate:yyyy-MM-dd}",
                    Output.Number(r.Latest.Peak),
                    Fall(r.Latest.Drawdown), r.DaysSincePeak.ToString(), Fall(r.MaxDrawdown),
                    $"{r.MaxDrawdownDate:yyyy-MM-dd}");
            console.Write(table);
            console.MarkupLine(
                Markup.Escape(
                    $"{series.Instrument.Id} closed at {Output.Number(main.Latest.Close)} on " +
                    $"{main.Latest.Date:yyyy-MM-dd}: " +
                $"{ValueText.Level(-main.Latest.Drawdown, ValueKind.FractionPercent)} below its peak " +
                (main.Basis == DrawdownBasis.High ? "high" : "close") +
                $" of {Output.Number(main.Latest.Peak)} " +
                $"({main.Latest.PeakDate:yyyy-MM-dd}, {main.DaysSincePeak} days earlier). Deepest fall since " +
                $"{main.From:yyyy-MM-dd}: " +
                $"{Fall(main.MaxDrawdown)} on {main.MaxDrawdownDate:yyyy-MM-dd} from the peak of " +
                $"{main.MaxDrawdownPeakDate:yyyy-MM-dd}."));
            if (byHigh.HighsFromClose > 0)
                console.MarkupLine(
                    $"[grey]{byHigh.HighsFromClose:#,0} day(s) without a usable high counted their close as the " +
                    $"day's high.[/]");
            return Cli.Ok;
        });
        return command;
    }

    /// <summary>A column that never wraps (dates).</summary>
    public static TableColumn Dated(string header) => new TableColumn(header).NoWrap();

    /// <summary>A drawdown, a fraction at or below zero, as the board writes it: <c>−30.7%</c>.</summary>
    public static string Fall(double drawdown) => ValueText.Of(drawdown, ValueKind.FractionPercent);

    private static object Figures(DrawdownReading r) => new
    {
        peak_date = r.Latest.PeakDate, peak = r.Latest.Peak, drawdown = r.Latest.Drawdown,
        days_since_peak = r.DaysSincePeak,
        max_drawdown = r.MaxDrawdown, max_drawdown_date = r.MaxDrawdownDate,
        max_drawdown_peak_date = r.MaxDrawdownPeakDate,
        highs_from_close = r.HighsFromClose,
    };
}
