using System.CommandLine;
using Bellwether.Core.Measurements;
using Bellwether.Core.Measurements.Trendline;
using Bellwether.Core.Structure.Pivots;
using Bellwether.Core.Structure.Trendlines;
using Bellwether.Core.Text;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary><c>bellwether trendline ID|A/B</c>: the dominant descending resistance and ascending support lines, and
/// their breaks.</summary>
internal static class TrendlineCommand
{
    public static Command Create()
    {
        var id =
            new Argument<string>("id")
            {
                Description =
                "Instrument id, or a ratio of closes on common dates written A/B (e.g. ETH/BTC)"
            };
        var asOf =
            new Option<string?>("--as-of")
            {
                Description =
                "Evaluate with the data known on this date (yyyy-MM-dd; default: the last row)"
            };
        var lookback = SeriesArgument.Count("--lookback-months", 6, "Calendar months of pivots considered", 1, 1_200);
        var pivots = SeriesArgument.Count("--pivot-bars", 5, "Bars each side of a pivot", 1, 1_000);
        var buffer = SeriesArgument.Percent("--buffer-pct", 1, "A break is a close this far beyond the line");
        var touch = SeriesArgument.Percent("--touch-pct", 1, "A pivot this close to the line touches it");
        var minTouches = SeriesArgument.Count("--min-touches", 2, "Touches a line needs", 2, 1_000);
        var command = new Command(Concepts.Signal<TrendlineSignal>().Name,
            "The dominant descending resistance line and ascending support line over a lookback, with touches, " +
            "slope and break date")
        {
            id, asOf, lookback, pivots, buffer, touch, minTouches,
        };
        command.SetAction(parse =>
        {
            int bars = parse.GetValue(pivots);
            var parameters = new TrendlineParameters(parse.GetValue(lookback), new PivotParameters(bars, bars),
                SeriesArgument.Fraction(parse, buffer), SeriesArgument.Fraction(parse, touch),
                parse.GetValue(minTouches));
            using var store = StoreAccess.OpenForRead(parse);
            var series = SeriesArgument.Load(parse, store, parse.GetValue(id)!, StoreAccess.Date(parse, asOf));
            var date = SeriesArgument.AsOf(parse, asOf, series);
            var resistance = TrendlineFinder.AsOf(series, date, TrendlineSide.Resistance, parameters);
            var support = TrendlineFinder.AsOf(series, date, TrendlineSide.Support, parameters);
            if (parse.GetValue(Cli.Json))
            {
                Output.WriteJson(parse, new
                {
                    series = series.Instrument.Id, as_of = date, last_bar = resistance.AsOf,
                    last_close = series.Close[series.IndexOnOrBefore(date)],
                    parameters = new
                    {
                        parameters.LookbackMonths, pivots = parameters.PivotSizes,
                        parameters.BreakBuffer, parameters.TouchTolerance, parameters.MinTouches
                    },
                    resistance = new { line = resistance.Dominant, lines = resistance.Lines },
                    support = new { line = support.Dominant, lines = support.Lines },
                });
                return Cli.Ok;
            }
            var console = Output.Console(parse);
            var table = new Table().Border(TableBorder.Simple)
                .AddColumns("side", "from", "touches", "%/month", "months", "break");
            foreach (var line in resistance.Lines.Concat(support.Lines))
                table.AddRow((line == resistance.Dominant || line == support.Dominant ? "[bold]*[/]" : "")
                    + line.Side.ToString().ToLowerInvariant(),
                    $"{line.FirstAnchor.Date:yyyy-MM-dd}", line.Touches.Count.ToString(),
                    ValueText.Format(ValueKind.Percent).Number(line.SlopePctPerMonth),
                    ValueText.Format(ValueKind.Months).Number(line.DurationMonths),
                    line.Break is { } b ? $"{b.Date:yyyy-MM-dd}" : "holding");
            console.Write(table);
            console.MarkupLine(
                $"{Markup.Escape(series.Instrument.Id)} as of {resistance.AsOf:yyyy-MM-dd} ([bold]*[/] = dominant): " +
                               Markup.Escape(
                                   Output.KeepUnits(
                                       $"{Sentence(resistance.Dominant, "resistance")} " +
                                       $"{Sentence(support.Dominant, "support")}")));
            return Cli.Ok;
        });
        return command;
    }

    private static string Sentence(Trendline? line, string side) => line is null
        ? $"No {side} line."
        : $"The {side} line from {line.FirstAnchor.Date:yyyy-MM-dd} (" +
        $"{ValueText.Of(line.DurationMonths, ValueKind.Months)}, " +
          $"{ValueText.Of(line.SlopePctPerMonth, ValueKind.Percent)}/month, {line.Touches.Count} touches) "
          + (line.Break is { } b
              ? $"broke on {b.Date:yyyy-MM-dd} (close {SeriesArgument.Price(b.Close)} vs line " +
              $"{SeriesArgument.Price(b.LineValue)})." : "holds.");
}
