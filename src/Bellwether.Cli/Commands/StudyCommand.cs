using System.CommandLine;
using System.Globalization;
using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Signals;
using Bellwether.Core.Study.Basket;
using Bellwether.Core.Study.Events;
using Bellwether.Core.Study.EventStudy;
using Bellwether.Core.Study.Paths;
using Bellwether.Core.Text;
using Bellwether.Data.Market;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary><c>bellwether study</c>: what BTC, ETH, the altcoin basket, ETH/BTC and the Altcoin Season Index did after
/// each event.</summary>
internal static class StudyCommand
{
    public static Command Create()
    {
        var eventId = new Option<string>("--event")
        {
            Description =
                "Event source: trigger (the thesis's own, the default), breakout:ID or confirmed:ID (breakouts of " +
                "the " +
                          "thesis's breakout signal ID), signal:ID (a thesis signal turning supportive) or " +
                          "readiness:THETA " +
                          "(readiness reaching THETA from below)",
            DefaultValueFactory = _ => "trigger",
        };
        var horizons =
            new Option<string>("--horizons")
            {
                Description =
                "Forward horizons in calendar days, comma-separated (default 30,90,180,365)", DefaultValueFactory = _ =>
                "30,90,180,365"
            };
        var resamples = SeriesArgument.Count("--resamples", 10_000,
            "Stationary-bootstrap resamples per asset and horizon", 1, EventStudyParameters.MaxResamples);
        var seed =
            new Option<ulong>("--seed")
            {
                Description =
                "Bootstrap seed: the same seed gives the same intervals and p-values", DefaultValueFactory = _ =>
                EventStudyParameters.Default.Seed
            };
        var top = StudyInputs.BasketTop();
        var asOf = StudyInputs.AsOf();
        var thesis = StudyInputs.Thesis();
        var every = StudyInputs.Every();
        var command = new Command("study",
            "Event study: forward returns after each event against all days, with bootstrap intervals, Holm-adjusted " +
            "p-values and hit rates")
        {
            eventId, horizons, resamples, seed, top, asOf, thesis, every,
        };
        command.SetAction(parse =>
        {
            var id = parse.GetValue(eventId)!;
            var parameters = EventStudyParameters.Default with
            {
                Horizons = StudyInputs.Days(parse, horizons),
                Resamples = parse.GetValue(resamples),
                Seed = parse.GetValue(seed),
            };
            var (definition, _) = StudyInputs.LoadThesis(parse, thesis);
            var trigger = Trigger(definition, id);
            using var store = StoreAccess.OpenForRead(parse);
            var data = StoreAccess.MarketData(parse, store);
            var (assets, date) = StudyInputs.Load(parse, data, asOf, top);
            if (definition.Predicts.Outcome?.HorizonDays is { } h && !parameters.Horizons.Contains(h)
                && parse.GetResult(horizons) is null or { Implicit: true })
                parameters = parameters with { Horizons = [.. parameters.Horizons.Append(h).Order()] };
            IEventSource events;
            try
            {
                events = TriggerEvents.Source(trigger, definition, Concepts.Signals, data, assets.Btc.First, date,
                    parse.GetValue(every));
            }
            catch (ThesisException e)
            {
                throw new UsageException($"--event: {e.Problem}");
            }
            var names = definition.Predicts.Names;
            var result = EventStudy.Run(events, assets.Select(definition.Predicts.Outcome?.Assets), date, parameters,
                names);
            if (parse.GetValue(Cli.Json)) Output.WriteJson(parse, Json(result, assets, names));
            else Print(Output.Console(parse), result, Warnings(result, assets, names), names);
            return Cli.Ok;
        });
        return command;
    }

    /// <summary>The trigger named by <c>--event</c>: the thesis's own (<c>trigger</c>) or one written on the command
    /// line.</summary>
    private static ThesisTrigger Trigger(ThesisDefinition thesis, string id)
    {
        string breakout = TriggerEvents.Word(TriggerEvent.Breakout);
        string confirmed = TriggerEvents.Word(TriggerEvent.Confirmed);
        if (string.Equals(id, "trigger", StringComparison.OrdinalIgnoreCase))
            return thesis.Predicts.Trigger ?? throw new UsageException(
                $"the thesis '{thesis.Name}' declares no trigger: add one to its file, e.g. " +
                $"'trigger: {{ signal: ID, event: {breakout} }}' (docs/thesis.md, \"What the thesis predicts\"), " +
                $"or pass --event {breakout}:ID, signal:ID or readiness:THETA");
        var (kind, argument) = id.IndexOf(':') is var colon and > 0
            ? (id[..colon].ToLowerInvariant(), id[(colon + 1)..]) : ("", "");
        // On the command line a signal turning supportive is 'signal:ID'; the breakout events keep the thesis's words.
        var onSignal = kind == "signal" ? TriggerEvent.Supports
            : TriggerEvents.Named(kind) is { } named and not TriggerEvent.Supports ? named : (TriggerEvent?)null;
        if (onSignal is { } type)
        {
            var spec = thesis.Signals.FirstOrDefault(s =>
                string.Equals(s.Id, argument, StringComparison.OrdinalIgnoreCase))
                       ?? throw new UsageException(
                           $"--event: the thesis has no signal '{argument}' (signals: " +
                           $"{string.Join(", ", thesis.Signals.Select(s => s.Id))})");
            return new ThesisTrigger(type, spec.Id);
        }
        switch (kind)
        {
            case "readiness":
                if (!double.TryParse(argument, NumberStyles.Float, CultureInfo.InvariantCulture, out double theta)
                    || theta is < 0 or > 100)
                    throw new UsageException($"--event: '{argument}' is not a readiness threshold in 0–100");
                return new ThesisTrigger(TriggerEvent.Readiness, null, theta);
            default:
                throw new UsageException($"--event: unknown event source '{id}' " +
                    $"(known: trigger, {breakout}:ID, {confirmed}:ID, signal:ID, readiness:THETA)");
        }
    }

    private static string H(int days) => days.ToString(CultureInfo.InvariantCulture);

    private static object Json(EventStudyResult r, StudyAssets assets, AssetNames names) => new
    {
        source = r.Source,
        description = r.SourceDescription,
        as_of = r.AsOf,
        horizons = r.Parameters.Horizons,
        resamples = r.Parameters.Resamples,
        seed = r.Parameters.Seed,
        basket_top = assets.Basket.Parameters.TopCount,
        basket_size = StudiesBasket(r) ? StudyInputs.BasketSize(assets.Basket, assets.Basket.Level.First, r.AsOf)
            : null,
        events = r.Events.Select(e => new
        {
            date = e.Event.Date,
            description = e.Event.Description,
            forward = e.Forward.GroupBy(f => f.Asset)
                .ToDictionary(g => g.Key, g => g.ToDictionary(f => H(f.Days), f => f.Value)),
            max_forward = e.Forward.GroupBy(f => f.Asset)
                .ToDictionary(g => g.Key, g => g.ToDictionary(f => H(f.Days), f => f.MaxValue)),
            notes = e.Forward.Where(f => f.Note is not null).Select(f => $"{f.Asset} {f.Days}d: {f.Note}").ToList(),
            path = e.Paths.ToDictionary(p => p.Asset, p => p.Moves),
        }),
        path_step_days = EventStudy.PathStepDays,
        // Which figures are corrected for the table's many tests, and which are not.
        adjustment = new
        {
            ci95 = "unadjusted: a 95% bootstrap interval for each asset and horizon on its own",
            p_value = "unadjusted",
            p_holm = "adjusted: Holm's correction across the table's " +
                $"{r.Summaries.Count(s => !double.IsNaN(s.PValue))} tests",
        },
        summary = r.Summaries.Select(s => new
        {
            asset = s.Asset, horizon = s.Days, events = s.Events, independent_events = s.IndependentEvents,
            mean = s.Mean, median = s.Median, lower_quartile = s.LowerQuartile, upper_quartile = s.UpperQuartile,
            baseline_mean = s.BaselineMean, baseline_median = s.BaselineMedian, difference = s.Difference,
            ci95_low = s.CiLow, ci95_high = s.CiHigh,
            p_value = s.PValue, p_holm = s.PHolm, hit_rate = s.HitRate, baseline_hit_rate = s.BaselineHitRate,
            baseline_days = s.BaselineDays, baseline_from = s.BaselineFrom, baseline_to = s.BaselineTo,
            mean_block_length = s.MeanBlockLength, resamples = s.Resamples, warnings = s.Warnings,
        }),
        warnings = Warnings(r, assets, names),
    };

    private static bool StudiesBasket(EventStudyResult r) => r.Summaries.Any(s => s.Asset == AltcoinBasket.Id);

    private static IReadOnlyList<string> Warnings(EventStudyResult r, StudyAssets assets, AssetNames names) =>
        StudiesBasket(r) ? [.. r.Warnings, .. assets.Basket.Warnings(assets.Basket.Level.First, r.AsOf, names)]
        : r.Warnings;

    private static void Print(IAnsiConsole console, EventStudyResult r, IReadOnlyList<string> warnings,
        AssetNames names)
    {
        var assets = r.Summaries.Select(s => s.Asset).Distinct().ToList();
        console.MarkupLine(
            $"[bold]{Markup.Escape(r.SourceDescription)}[/]: {r.Events.Count} events up to {r.AsOf:yyyy-MM-dd}. " +
                           "What each asset did after each event (" +
                           (assets.Contains(StudyAssets.AltSeasonId)
                               ? $"{Markup.Escape(names.Name(StudyAssets.AltSeasonId))} in points; " : "") +
                           "open: the window has not ended):");
        var analog = new FittedTable([new("event"), new("days", Right: true),
            .. assets.Select(a => new FittedTable.Column(names.Label(a), Right: true))]);
        var shown = r.Events.Where(e => e.Forward.Any(f => !double.IsNaN(f.MaxValue))).ToList();
        foreach (var e in shown)
            foreach (var days in e.Forward.Select(f => f.Days).Distinct())
                analog.AddText([days == e.Forward[0].Days ? $"{e.Event.Date:yyyy-MM-dd}" : "", $"{days}",
                    .. assets.Select(a => Cell(e.Forward.First(f => f.Asset == a && f.Days == days)))]);
        analog.Write(console);
        if (shown.Count < r.Events.Count) console.MarkupLine(
            $"[grey]{r.Events.Count - shown.Count} earlier events come before every asset's data and are not " +
            $"shown.[/]");

        var table = new FittedTable(new("asset", Wraps: true), new("days", Right: true), new("n(ind)", Right: true),
            new("mean", Right: true),
            new("median", Right: true), new("quartiles", Right: true, Optional: true),
            new("all", Right: true, Optional: true),
            new("diff", Right: true), new("CI unadj.", Right: true), new("p adj.", Right: true),
            new("hit(all)", Right: true));
        foreach (var s in r.Summaries)
        {
            bool level = s.Asset == StudyAssets.AltSeasonId;
            // The index's moves are in points, which the line above the table says: the cells carry the number only.
            string V(double x) => double.IsNaN(x) ? "" : level ? ValueText.Format(ValueKind.IndexPointsChange).Number(x)
                : ValueText.Of(x, ValueKind.Return);
            string Ci(double x) => V(x).TrimEnd('%');
            string n = $"{s.Events} ({s.IndependentEvents})";
            table.AddRow(Markup.Escape(names.Label(s.Asset)), $"{s.Days}",
                s.IndependentEvents < r.Parameters.MinIndependentEvents
                ? $"[yellow]{n}[/]" : n,
                V(s.Mean), V(s.Median), double.IsNaN(s.LowerQuartile) ? ""
                : $"{Ci(s.LowerQuartile)}…{V(s.UpperQuartile)}",
                V(s.BaselineMean), V(s.Difference), double.IsNaN(s.CiLow) ? "" : $"{Ci(s.CiLow)}…{V(s.CiHigh)}",
                P(s.PHolm), double.IsNaN(s.HitRate) ? ""
                : $"{StudyInputs.Cell(s.HitRate, ValueKind.Share)}(" +
                $"{StudyInputs.Cell(s.BaselineHitRate, ValueKind.Share)})");
        }
        table.Write(console);
        console.MarkupLine("[grey]n(ind): events with a value (non-overlapping ones; yellow: fewer than " +
                           $"{r.Parameters.MinIndependentEvents}). median and quartiles: of the moves after events " +
                           "(one outlier moves the mean, " +
                           "not these). all: every day's mean move. diff = mean − all; CI unadj.: 95% " +
                           "stationary-bootstrap interval of diff, " +
                           "not adjusted for the table's other tests; p adj.: p-value adjusted by Holm's correction " +
                           "across the table; " +
                           "hit: share of moves above 0.[/]");
        foreach (var w in warnings) console.MarkupLine($"[yellow]{Markup.Escape(Output.KeepUnits(w))}[/]");
        var smallest = r.Summaries.Where(s => !double.IsNaN(s.PHolm)).MinBy(s => s.PHolm);
        console.MarkupLine(smallest is null ? "No asset has data after these events."
            : smallest.PHolm < 0.05
            ? $"After Holm's correction, {r.Summaries.Count(s => s.PHolm < 0.05)} of " +
            $"{r.Summaries.Count(s => !double.IsNaN(s.PHolm))} differences are significant at 5% (smallest: " +
            $"{Markup.Escape(names.Label(smallest.Asset))} {smallest.Days}d, p = {P(smallest.PHolm)})."
            : "After Holm's correction no difference is significant at 5% (smallest: " +
            $"{Markup.Escape(names.Label(smallest.Asset))}" +
            $" {smallest.Days}d, p = {P(smallest.PHolm)}); so few independent events make this an anecdote either " +
            "way.");
    }

    private static string Cell(ForwardValue f) =>
        double.IsNaN(f.Value) ? (double.IsNaN(f.MaxValue) ? "–" : "open")
        : f.Asset == StudyAssets.AltSeasonId ? ValueText.Format(ValueKind.IndexPointsChange).Number(f.Value)
        : ValueText.Of(f.Value, ValueKind.Return);

    private static string P(double p) => StudyInputs.Cell(p, ValueKind.PValue);
}
