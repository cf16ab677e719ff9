using System.CommandLine;
using Bellwether.Core.Measurements;
using Bellwether.Core.Measurements.Breakout;
using Bellwether.Core.Structure.Breakout;
using Bellwether.Core.Structure.Resistance;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary><c>bellwether breakout ID</c>: resistance levels, their states and the dated breakout events.</summary>
internal static class BreakoutCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Instrument id, e.g. RUT, IWM, BTC" };
        var asOf =
            new Option<string?>("--as-of")
            {
                Description =
                "Evaluate with the data known on this date (yyyy-MM-dd; default: the last row)"
            };
        var lookback = SeriesArgument.Count("--lookback-years", 5,
            "Calendar years of the multi-year high and of the zones", 1, 100);
        var exclude = SeriesArgument.Count("--exclude-bars", 63, "Most recent bars left out of the multi-year high", 1,
            10_000);
        var basis =
            new Option<PriceBasis>("--basis")
            {
                Description = "Multi-year high on closes or highs (default close)",
                DefaultValueFactory = _ => PriceBasis.Close
            };
        var buffer = SeriesArgument.Percent("--buffer-pct", 1, "A breakout is a close this far above the level");
        var confirm = SeriesArgument.Count("--confirm-closes", 3, "Consecutive closes above the level that confirm", 1,
            1_000);
        var retest = SeriesArgument.Percent("--retest-pct", 1,
            "A retest: the low within this of the level, the close holding above it");
        var fail = SeriesArgument.Percent("--fail-pct", 2, "A close this far back below the level ends the breakout");
        var failBars = SeriesArgument.Count("--fail-bars", 21,
            "Within this many bars that close is 'failed', later 'reversed'", 1, 10_000);
        var minHeld = SeriesArgument.Count("--min-held-days", 365,
            "Days a level must have held before its break to be long-term resistance (else: new_high / all_time_high)",
            0, OptionRange.MaxDays);
        var zoneTolerance = SeriesArgument.Percent("--zone-pct", 1.5,
            "Pivot highs within this of each other form a zone");
        var command = new Command(Concepts.Signal<BreakoutSignal>().Name,
            "Resistance levels (prior multi-year high, pivot-high zones) and breakout, confirmation, retest and " +
            "failure dates")
        {
            id, asOf, lookback, exclude, basis, buffer, confirm, retest, fail, failBars, minHeld, zoneTolerance,
        };
        command.SetAction(parse =>
        {
            int years = parse.GetValue(lookback);
            var defaults = new BreakoutParameters();
            var parameters = new BreakoutAnalysisParameters(
                new MultiYearHighParameters(years, parse.GetValue(exclude), parse.GetValue(basis)),
                new ZoneParameters(SeriesArgument.Fraction(parse, zoneTolerance), LookbackYears: years),
                defaults with
                {
                    Buffer = SeriesArgument.Fraction(parse, buffer),
                    ConfirmCloses = parse.GetValue(confirm),
                    RetestBand = SeriesArgument.Fraction(parse, retest),
                    FailBand = SeriesArgument.Fraction(parse, fail),
                    FailBars = parse.GetValue(failBars),
                    MinHeldDays = parse.GetValue(minHeld),
                });
            using var store = StoreAccess.OpenForRead(parse);
            var series = SeriesArgument.Load(parse, store, parse.GetValue(id)!, StoreAccess.Date(parse, asOf));
            var date = SeriesArgument.AsOf(parse, asOf, series);
            var report = BreakoutAnalysis.AsOf(series, date, parameters);
            var lastClose = series.Close[series.IndexOnOrBefore(date)];
            if (parse.GetValue(Cli.Json))
            {
                Output.WriteJson(parse, new
                {
                    id = series.Instrument.Id, as_of = date, last_bar = report.AsOf, last_close = lastClose,
                    parameters = new
                    {
                        multi_year_high = parameters.MultiYearHigh,
                        zones = new
                        {
                            tolerance = parameters.Zones.Tolerance, min_touches = parameters.Zones.MinTouches,
                            pivots = parameters.Zones.PivotSizes, lookback_years = years
                        }, rules = parameters.Rules
                    },
                    levels = report.Levels,
                    events = report.Events,
                });
                return Cli.Ok;
            }
            Print(Output.Console(parse), series.Instrument.Id, report, lastClose, years, parameters.Rules.MinHeldDays);
            return Cli.Ok;
        });
        return command;
    }

    private static void Print(IAnsiConsole console, string id, BreakoutReport report, double lastClose, int years,
        int minHeldDays)
    {
        var levels = new Table().Border(TableBorder.Simple).AddColumns("kind", "level", "touches", "state", "since");
        foreach (var l in report.Levels)
            levels.AddRow(Name(l.Kind), (l.Bottom < l.Price ? $"{SeriesArgument.Price(l.Bottom)}–" : "")
                + SeriesArgument.Price(l.Price), l.Touches.ToString(), Name(l.State), $"{l.Since:yyyy-MM-dd}");
        console.Write(levels);
        const int shown = 20;
        var events = new Table().Border(TableBorder.Simple).AddColumns("date", "event", "level", "kind", "close");
        foreach (var e in report.Events.TakeLast(shown))
            events.AddRow($"{e.Date:yyyy-MM-dd}", Name(e.Type), SeriesArgument.Price(e.Level), Name(e.Kind),
                SeriesArgument.Price(e.Close));
        console.Write(events);
        if (report.Events.Count > shown) console.MarkupLine(
            $"[grey]{report.Events.Count - shown} earlier events not shown (use --json for all)[/]");
        var high = report.Levels.FirstOrDefault(l => l.Kind == LevelKind.MultiYearHigh);
        var head = $"{Markup.Escape(id)} as of {report.AsOf:yyyy-MM-dd} (close {SeriesArgument.Price(lastClose)}): ";
        var level = high is null ? ""
            : $"the prior {years}-year high {SeriesArgument.Price(high.Price)} ({high.FirstTouch:yyyy-MM-dd})";
        console.MarkupLine(high switch
        {
            null => head + $"no {years}-year high yet (the data must cover the whole lookback).",
            { State: BreakoutState.NewHigh or BreakoutState.AllTimeHigh } =>
                head + $"[bold]{Name(high.State)}[/] since {high.Since:yyyy-MM-dd}: price cleared {level}, a top " +
                "that had held " +
                $"{high.Since.DayNumber - high.FirstTouch.DayNumber} days, under the {minHeldDays} of long-term " +
                "resistance; " +
                "not a breakout above resistance.",
            _ => head + $"{level} is [bold]{Name(high.State)}[/] since {high.Since:yyyy-MM-dd}.",
        });
    }

    private static string Name<T>(T value) where T : Enum =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
