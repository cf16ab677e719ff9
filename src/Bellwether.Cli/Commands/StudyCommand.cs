using System.CommandLine;
using System.Globalization;
using Bellwether.Core.Board;
using Bellwether.Core.Structure.Breakout;
using Bellwether.Core.Study.EventStudy;
using Bellwether.Core.Study.Events;
using Bellwether.Core.Study.Paths;
using Bellwether.Data.Market;
using Bellwether.Data.Store;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary><c>bellwether study</c>: what BTC, ETH, the altcoin basket, ETH/BTC and the Altcoin Season Index did after each event.</summary>
internal static class StudyCommand
{
    private const string Instrument = "RUT";

    /// <summary>The event sources, by id.</summary>
    private static readonly Dictionary<string, (string Description, BreakoutEventType Type)> Sources = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rut_breakout"] = ("Russell 2000 closes 1% above its prior 5-year high (the board's breakout detector)", BreakoutEventType.Breakout),
        ["rut_confirmed"] = ("Russell 2000 breakouts above the prior 5-year high, confirmed (3 closes or a month-end close)", BreakoutEventType.Confirmed),
    };

    public static Command Create()
    {
        var eventId = new Option<string>("--event")
        {
            Description = $"Event source: {string.Join(", ", Sources.Keys)}, signal:ID (a thesis signal turning supportive) or readiness:THETA " +
                          "(readiness reaching THETA from below); default rut_breakout",
            DefaultValueFactory = _ => "rut_breakout",
        };
        var horizons = new Option<string>("--horizons") { Description = "Forward horizons in calendar days, comma-separated (default 30,90,180,365)", DefaultValueFactory = _ => "30,90,180,365" };
        var resamples = SeriesArgument.Count("--resamples", 10_000, "Stationary-bootstrap resamples per asset and horizon", 1,
            EventStudyParameters.MaxResamples);
        var seed = new Option<ulong>("--seed") { Description = "Bootstrap seed: the same seed gives the same intervals and p-values", DefaultValueFactory = _ => EventStudyParameters.Default.Seed };
        var top = StudyInputs.BasketTop();
        var asOf = StudyInputs.AsOf();
        var thesis = StudyInputs.Thesis();
        var every = StudyInputs.Every();
        var command = new Command("study", "Event study: forward returns after each event against all days, with bootstrap intervals, Holm-adjusted p-values and hit rates")
        {
            eventId, horizons, resamples, seed, top, asOf, thesis, every,
        };
        command.SetAction(parse =>
        {
            var id = parse.GetValue(eventId)!;
            var parameters = EventStudyParameters.Default with
            {
                Horizons = StudyInputs.Days(parse, horizons), Resamples = parse.GetValue(resamples), Seed = parse.GetValue(seed),
            };
            using var store = StoreAccess.OpenForRead(parse);
            var data = StoreAccess.MarketData(parse, store);
            var (assets, date) = StudyInputs.Load(parse, data, asOf, top);
            var events = Source(parse, store, data, id, assets, date, thesis, every);
            var result = EventStudy.Run(events, assets.All, date, parameters);
            if (parse.GetValue(Cli.Json)) Output.WriteJson(parse, Json(result, assets));
            else Print(Output.Console(parse), result, Warnings(result, assets));
            return Cli.Ok;
        });
        return command;
    }

    /// <summary>The event source named by <c>--event</c>; a board source evaluates the thesis from Bitcoin's first close.</summary>
    private static IEventSource Source(ParseResult parse, BellwetherStore store, IMarketData data, string id, StudyAssets assets, DateOnly asOf, Option<string?> thesisOption, Option<int> every)
    {
        if (Sources.TryGetValue(id, out var source))
            return new BreakoutEventSource(id.ToLowerInvariant(), Rut(store, asOf), BreakoutAnalysisParameters.Default, source.Type);
        var (kind, argument) = id.IndexOf(':') is var colon and > 0 ? (id[..colon].ToLowerInvariant(), id[(colon + 1)..]) : ("", "");
        var (thesis, _) = kind is "signal" or "readiness" ? StudyInputs.LoadThesis(parse, thesisOption) : default;
        var from = assets.Btc.First;
        switch (kind)
        {
            case "signal":
                var spec = thesis.Signals.FirstOrDefault(s => string.Equals(s.Id, argument, StringComparison.OrdinalIgnoreCase))
                           ?? throw new UsageException($"--event: the thesis has no signal '{argument}' (signals: {string.Join(", ", thesis.Signals.Select(s => s.Id))})");
                var one = StudyInputs.Readiness(parse, data, thesis with { Signals = [spec] }, every, from, asOf);
                return new SignalTurnEventSource(one.Signals[0], one.First);
            case "readiness":
                if (!double.TryParse(argument, NumberStyles.Float, CultureInfo.InvariantCulture, out double theta) || theta is < 0 or > 100)
                    throw new UsageException($"--event: '{argument}' is not a readiness threshold in 0–100");
                return new ReadinessCrossingEventSource(StudyInputs.Readiness(parse, data, thesis, every, from, asOf).Readiness(), theta);
            default:
                throw new UsageException($"--event: unknown event source '{id}' (known: {string.Join(", ", Sources.Keys)}, signal:ID, readiness:THETA)");
        }
    }

    private static Core.Series.DailySeries Rut(BellwetherStore store, DateOnly asOf)
    {
        if (store.FindInstrument(Instrument) is null) throw new InvalidOperationException($"no {Instrument} series in the store: import markets/rut_daily.csv first");
        return store.LoadSeries(Instrument, to: asOf);
    }

    private static string H(int days) => days.ToString(CultureInfo.InvariantCulture);

    private static object Json(EventStudyResult r, StudyAssets assets) => new
    {
        source = r.Source,
        description = r.SourceDescription,
        as_of = r.AsOf,
        horizons = r.Parameters.Horizons,
        resamples = r.Parameters.Resamples,
        seed = r.Parameters.Seed,
        basket_top = assets.Basket.Parameters.TopCount,
        basket_size = StudyInputs.BasketSize(assets.Basket, assets.Basket.Level.First, r.AsOf),
        events = r.Events.Select(e => new
        {
            date = e.Event.Date,
            description = e.Event.Description,
            forward = e.Forward.GroupBy(f => f.Asset).ToDictionary(g => g.Key, g => g.ToDictionary(f => H(f.Days), f => f.Value)),
            max_forward = e.Forward.GroupBy(f => f.Asset).ToDictionary(g => g.Key, g => g.ToDictionary(f => H(f.Days), f => f.MaxValue)),
            notes = e.Forward.Where(f => f.Note is not null).Select(f => $"{f.Asset} {f.Days}d: {f.Note}").ToList(),
            path = e.Paths.ToDictionary(p => p.Asset, p => p.Moves),
        }),
        path_step_days = EventStudy.PathStepDays,
        // Which figures are corrected for the table's many tests, and which are not.
        adjustment = new
        {
            ci95 = "unadjusted: a 95% bootstrap interval for each asset and horizon on its own",
            p_value = "unadjusted",
            p_holm = $"adjusted: Holm's correction across the table's {r.Summaries.Count(s => !double.IsNaN(s.PValue))} tests",
        },
        summary = r.Summaries.Select(s => new
        {
            asset = s.Asset, horizon = s.Days, events = s.Events, independent_events = s.IndependentEvents,
            mean = s.Mean, median = s.Median, lower_quartile = s.LowerQuartile, upper_quartile = s.UpperQuartile,
            baseline_mean = s.BaselineMean, baseline_median = s.BaselineMedian, difference = s.Difference, ci95_low = s.CiLow, ci95_high = s.CiHigh,
            p_value = s.PValue, p_holm = s.PHolm, hit_rate = s.HitRate, baseline_hit_rate = s.BaselineHitRate,
            baseline_days = s.BaselineDays, baseline_from = s.BaselineFrom, baseline_to = s.BaselineTo,
            mean_block_length = s.MeanBlockLength, resamples = s.Resamples, warnings = s.Warnings,
        }),
        warnings = Warnings(r, assets),
    };

    private static IReadOnlyList<string> Warnings(EventStudyResult r, StudyAssets assets) =>
        [.. r.Warnings, .. assets.Basket.Warnings(assets.Basket.Level.First, r.AsOf)];

    private static void Print(IAnsiConsole console, EventStudyResult r, IReadOnlyList<string> warnings)
    {
        var assets = r.Summaries.Select(s => s.Asset).Distinct().ToList();
        console.MarkupLine($"[bold]{Markup.Escape(r.SourceDescription)}[/]: {r.Events.Count} events up to {r.AsOf:yyyy-MM-dd}. " +
                           "What each asset did after each event (ALTSEASON in points; open: the window has not ended):");
        var analog = new Table().Border(TableBorder.Simple).AddColumns("event", "days");
        foreach (var a in assets) analog.AddColumn(Markup.Escape(a), c => c.RightAligned());
        var shown = r.Events.Where(e => e.Forward.Any(f => !double.IsNaN(f.MaxValue))).ToList();
        foreach (var e in shown)
            foreach (var days in e.Forward.Select(f => f.Days).Distinct())
                analog.AddRow([days == e.Forward[0].Days ? $"{e.Event.Date:yyyy-MM-dd}" : "", $"{days}",
                    .. assets.Select(a => Cell(e.Forward.First(f => f.Asset == a && f.Days == days)))]);
        console.Write(analog);
        if (shown.Count < r.Events.Count) console.MarkupLine($"[grey]{r.Events.Count - shown.Count} earlier events come before every asset's data and are not shown.[/]");

        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("asset", "days", "n(ind)", "mean", "median", "quartiles", "all", "diff", "95% CI unadj.", "p adj.", "hit(all)");
        foreach (var s in r.Summaries)
        {
            bool level = s.Asset == StudyAssets.AltSeasonId;
            string V(double x) => double.IsNaN(x) ? "" : level ? x.ToString("+0;-0;0", CultureInfo.InvariantCulture) : StudyInputs.Pct(x, "+0;-0;0");
            string Ci(double x) => V(x).TrimEnd('%');
            string n = $"{s.Events} ({s.IndependentEvents})";
            table.AddRow(Markup.Escape(s.Asset), $"{s.Days}", s.IndependentEvents < r.Parameters.MinIndependentEvents ? $"[yellow]{n}[/]" : n,
                V(s.Mean), V(s.Median), double.IsNaN(s.LowerQuartile) ? "" : $"{Ci(s.LowerQuartile)}…{V(s.UpperQuartile)}",
                V(s.BaselineMean), V(s.Difference), double.IsNaN(s.CiLow) ? "" : $"{Ci(s.CiLow)}…{V(s.CiHigh)}",
                P(s.PHolm), double.IsNaN(s.HitRate) ? "" : $"{StudyInputs.Pct(s.HitRate, "0")}({StudyInputs.Pct(s.BaselineHitRate, "0")})");
        }
        console.Write(table);
        console.MarkupLine("[grey]n(ind): events with a value (non-overlapping ones; yellow: fewer than " +
                           $"{r.Parameters.MinIndependentEvents}). median and quartiles: of the moves after events (one outlier moves the mean, " +
                           "not these). all: every day's mean move. diff = mean − all; 95% CI unadj.: stationary-bootstrap interval of diff, " +
                           "not adjusted for the table's other tests; p adj.: p-value adjusted by Holm's correction across the table; " +
                           "hit: share of moves above 0.[/]");
        foreach (var w in warnings) console.MarkupLine($"[yellow]{Markup.Escape(w)}[/]");
        var smallest = r.Summaries.Where(s => !double.IsNaN(s.PHolm)).MinBy(s => s.PHolm);
        console.MarkupLine(smallest is null ? "No asset has data after these events."
            : smallest.PHolm < 0.05 ? $"After Holm's correction, {r.Summaries.Count(s => s.PHolm < 0.05)} of {r.Summaries.Count(s => !double.IsNaN(s.PHolm))} differences are significant at 5% (smallest: {Markup.Escape(smallest.Asset)} {smallest.Days}d, p = {P(smallest.PHolm)})."
            : $"After Holm's correction no difference is significant at 5% (smallest: {Markup.Escape(smallest.Asset)} {smallest.Days}d, p = {P(smallest.PHolm)}); so few independent events make this an anecdote either way.");
    }

    private static string Cell(ForwardValue f) =>
        double.IsNaN(f.Value) ? (double.IsNaN(f.MaxValue) ? "–" : "open")
        : f.Asset == StudyAssets.AltSeasonId ? f.Value.ToString("+0;-0;0", CultureInfo.InvariantCulture)
        : StudyInputs.Pct(f.Value, "+0;-0;0");

    private static string P(double p) => double.IsNaN(p) ? "" : p < 0.001 ? p.ToString("0.0e0", CultureInfo.InvariantCulture) : p.ToString("0.000", CultureInfo.InvariantCulture);
}
