using System.CommandLine;
using Bellwether.Core.Backtest.Rotation;
using Bellwether.Core.Board;
using Bellwether.Core.Claims;
using Bellwether.Core.Claims.AltcoinSeason;
using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Core.Signals;
using Bellwether.Core.Statistics.Alignment;
using Bellwether.Core.Statistics.Drawdown;
using Bellwether.Core.Statistics.EtfFlows;
using Bellwether.Core.Statistics.Liquidity;
using Bellwether.Core.Structure.Breakout;
using Bellwether.Core.Structure.Trendlines;
using Bellwether.Core.Study.Basket;
using Bellwether.Core.Study.EventStudy;
using Bellwether.Core.Study.Events;
using Bellwether.Core.Study.Paths;
using Bellwether.Core.Study.Readiness;
using Bellwether.Core.Universe;
using Bellwether.Data.Claims;
using Bellwether.Data.Market;
using Bellwether.Data.Store;
using Bellwether.Data.Thesis;
using Bellwether.Report;
using Bellwether.Report.Charts;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary>
/// <c>bellwether report</c>: one self-contained HTML file (plotly.js inlined, works offline) with a written summary
/// built from the computed figures, the board, the claim check and interactive charts.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var asOf = new Option<string?>("--as-of") { Description = "Report with the data known on this date (yyyy-MM-dd; default: the latest stored date)" };
        var output = new Option<string>("--output", "-o") { Description = "HTML file to write", DefaultValueFactory = _ => "report.html" };
        var pngDir = new Option<string?>("--png-dir") { Description = "Also write each chart as a PNG into this folder (needs /usr/bin/chromium)" };
        var markdown = new Option<bool>("--markdown") { Description = "Also write the report as Markdown next to the HTML file (.md)" };
        var thesis = new Option<string?>("--thesis") { Description = $"Thesis file (default: the shipped theses/{ThesisFile.DefaultName})" };
        var claims = new Option<string?>("--claims") { Description = $"Claims file to check (default: the shipped claims/{ClaimsFile.ArticleClaims}); 'none' to leave out" };
        var since = new Option<string?>("--history-from") { Description = "First date of the weekly readiness and index histories (default: three years before the report date)" };
        var command = new Command("report", "Write the thesis report: summary, board, claim check and interactive charts in one offline HTML file")
        {
            asOf, output, pngDir, markdown, thesis, claims, since,
        };
        command.SetAction(parse =>
        {
            var asOfDate = StoreAccess.Date(parse, asOf);
            var historyFrom = StoreAccess.Date(parse, since);
            var kinds = BuiltInSignals.Kinds;
            AltcoinIndexSource? altcoins = null; // set once the store is open: the files are checked first
            var claimKinds = ClaimKinds.Standard(date => altcoins!(date));
            ThesisDefinition definition;
            ClaimSet? claimSet;
            try
            {
                definition = parse.GetValue(thesis) is { } t ? ThesisFile.Load(t, kinds) : ThesisFile.LoadDefault(kinds);
                var claimsPath = parse.GetValue(claims);
                claimSet = claimsPath switch
                {
                    "none" => null,
                    null => ClaimsFile.LoadShipped(ClaimsFile.ArticleClaims, claimKinds),
                    _ => ClaimsFile.Load(claimsPath, claimKinds),
                };
            }
            catch (DefinitionFileException e)
            {
                throw new UsageException(e.Message);
            }

            using var store = StoreAccess.OpenForRead(parse);
            var latest = store.LastDate() ?? throw new InvalidOperationException("the store is empty: import data first");
            var date = asOfDate ?? latest;
            // Three years of weekly readiness keep the report quick; --history-from 2018-01-01 draws the whole span.
            var historyStart = historyFrom ?? date.AddYears(-3);
            if (historyStart > date) throw new UsageException("--history-from is after the report date");
            var data = new StoreMarketData(store);
            altcoins = StoreAltcoinIndex.Source(data);
            // Everything below reads through this view: nothing dated after the report date can reach the page.
            var view = new AsOfMarketData(data, date);
            // The study section runs beside the board, claims and charts (both read-only views are thread-safe).
            var studyNotes = new List<string>();
            var studyTask = Task.Run(() => Study(definition, data, view, date, studyNotes));
            var board = ThesisBoard.Evaluate(definition, view, date, kinds);
            var history = ThesisBoard.History(definition, data, historyStart, date, kinds);
            var notes = new List<string>();
            var claimRows = claimSet is null ? [] : CheckClaims(claimSet, view, claimKinds, date, notes);
            var published = store.LoadPublishedReadings().Where(r => r.Date <= date).ToList();
            var charts = Charts(definition, view, date, historyStart, history, published, notes);
            var study = studyTask.GetAwaiter().GetResult();
            notes.AddRange(studyNotes);
            foreach (var s in board.Signals.Where(s => s.Stale))
                notes.Add($"{s.Title}: an input is stale as of {date:yyyy-MM-dd} ({string.Join(", ", s.Inputs.Where(i => i.Stale).Select(i => $"{i.Id} last {i.LastDate:yyyy-MM-dd}"))}); shown, not counted.");
            var content = new ReportContent(definition.Description, board, claimRows,
                claimSet is null ? null : $"{claimSet.Name}{(claimSet.Source.Length > 0 ? $" — {claimSet.Source}" : "")}", charts, notes, study);

            var path = Path.GetFullPath(parse.GetValue(output)!);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, ThesisReport.Page(content).Render());
            IReadOnlyDictionary<string, string>? pngs = null;
            if (parse.GetValue(pngDir) is { } dir) pngs = PngExport.Export(content.AllCharts, dir);
            string? markdownPath = null;
            if (parse.GetValue(markdown))
            {
                markdownPath = Path.ChangeExtension(path, ".md");
                var relative = pngs?.ToDictionary(p => p.Key, p => Path.GetRelativePath(Path.GetDirectoryName(path)!, Path.Combine(Path.GetFullPath(parse.GetValue(pngDir)!), p.Value)));
                File.WriteAllText(markdownPath, ThesisReport.Markdown(content, relative));
            }
            if (parse.GetValue(Cli.Json))
                Output.WriteJson(parse, new
                {
                    as_of = date, html = path, markdown = markdownPath, png_dir = parse.GetValue(pngDir), readiness = board.Readiness,
                    readiness_withheld = board.Withheld, counted = board.Counted, min_measured = board.MinMeasured,
                    summary = ThesisReport.Summary(content), charts = content.AllCharts.Select(c => new { id = c.Id, title = c.Title }), claims = claimRows,
                    study = study is null ? null : new
                    {
                        events = study.Study.Events.Count, source = study.Study.SourceDescription, resamples = study.Study.Parameters.Resamples,
                        readiness_every_days = study.ReadinessEveryDays, from = study.Backtest.From, split = study.Backtest.Split, to = study.Backtest.To,
                        paragraph = study.Paragraph(),
                        summary = study.Study.Summaries.Select(x => new
                        {
                            asset = x.Asset, horizon = x.Days, events = x.Events, independent_events = x.IndependentEvents, mean = x.Mean,
                            baseline_mean = x.BaselineMean, ci95_low = x.CiLow, ci95_high = x.CiHigh, p_holm = x.PHolm, hit_rate = x.HitRate,
                        }),
                        strategies = study.Backtest.Strategies.Select(x => new
                        {
                            id = x.Id, cagr_in_sample = x.InSample.Cagr, cagr_out_of_sample = x.OutOfSample.Cagr,
                            sharpe_in_sample = x.InSample.Sharpe, sharpe_out_of_sample = x.OutOfSample.Sharpe, total_return = x.Full.TotalReturn,
                        }),
                    },
                    notes,
                });
            else
                Output.Console(parse).MarkupLine($"Wrote [bold]{Markup.Escape(path)}[/] ({content.AllCharts.Count} charts, {(board.Withheld is null ? $"readiness {board.Readiness:0}/100" : "readiness withheld")} as of {date:yyyy-MM-dd}){(markdownPath is null ? "" : $", {Markup.Escape(markdownPath)}")}{(pngs is null ? "" : $", {pngs.Count} PNGs")}.");
            return Cli.Ok;
        });
        return command;
    }

    private static List<ClaimSummary> CheckClaims(ClaimSet set, IMarketData view, ClaimKinds kinds, DateOnly date, List<string> notes)
    {
        var due = set.Claims.Where(c => c.Date <= date).ToList();
        if (due.Count < set.Claims.Count)
            notes.Add($"{set.Claims.Count - due.Count} claim(s) dated after {date:yyyy-MM-dd} are not checked in this report.");
        return ClaimChecker.Check(due, view, kinds)
            .Select(r => new ClaimSummary(r.Claim.Id, r.Claim.Text, Snake(r.Verdict.ToString()), r.Summary)).ToList();
    }

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((ch, i) => char.IsUpper(ch) && i > 0 ? "_" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));

    /// <summary>The first value of parameter <paramref name="name"/> among the thesis' signals of <paramref name="kind"/>.</summary>
    private static string? Param(ThesisDefinition thesis, string kind, string name) =>
        thesis.Signals.Where(s => s.Kind == kind).Select(s => s.Parameters.GetValueOrDefault(name)).FirstOrDefault(v => v is not null);

    /// <summary>How often the report's backtest evaluates readiness: weekly keeps the report quick (docs/report.md).</summary>
    private const int StudyReadinessEvery = 7;

    /// <summary>Bootstrap resamples of the report's event study (<c>bellwether study</c> uses 10,000).</summary>
    private const int StudyResamples = 2_000;

    /// <summary>The horizon of the forward-return chart and of the written summary.</summary>
    private const int StudyChartDays = 90;

    /// <summary>
    /// "Did it ever work?": the event study of the thesis's trigger (its breakout signal's instrument breaking out,
    /// else readiness reaching the rotation's threshold) and the rotation backtest, from data up to the report date:
    /// the assets are cut at it, the events and the readiness history read only data dated on or before each day.
    /// </summary>
    private static StudySection? Study(ThesisDefinition thesis, StoreMarketData data, IMarketData view, DateOnly date, List<string> notes)
    {
        var crypto = data.ClosesOfClass(AssetClass.Crypto);
        var btc = crypto.FirstOrDefault(c => c.Instrument.Id == AltcoinUniverseOptions.Default.Benchmark);
        if (btc is null || btc.IndexOnOrBefore(date) < 0)
        {
            notes.Add($"No event study or backtest: no BTC closes on or before {date:yyyy-MM-dd}.");
            return null;
        }
        var assets = StudyAssets.Build(crypto, data.Rankings().Where(r => r.Date <= date), data.Classifications(), date, new AltcoinBasketParameters(), new AltcoinSeasonParameters());
        var start = new[] { assets.Btc.First, assets.Eth?.First ?? assets.Btc.First, assets.Basket.Level.First }.Max();
        if (start >= date)
        {
            notes.Add($"No event study or backtest: BTC, ETH and the altcoin basket share no day before {date:yyyy-MM-dd}.");
            return null;
        }
        // Components are evaluated on the full data: each day reads only rows dated on or before it, and the whole-history
        // structures the signals share are already built for the weekly readiness chart.
        var readiness = ReadinessHistory.Build(thesis, data, BuiltInSignals.Kinds, start.AddDays(-1), date, every: StudyReadinessEvery).Readiness();
        var rotation = new RotationParameters();
        var backtest = Backtester.Run(readiness, assets, new BacktestParameters(rotation));
        IEventSource source = Param(thesis, "breakout", "instrument") is { } index && view.Series(index) is { Count: > 0 } series
            ? new BreakoutEventSource($"{index.ToLowerInvariant()}_breakout", series, BreakoutAnalysisParameters.Default)
            : new ReadinessCrossingEventSource(readiness, rotation.Threshold);
        var study = EventStudy.Run(source, assets.All, date, EventStudyParameters.Default with { Resamples = StudyResamples });
        return StudySection.Of(study, backtest, StudyChartDays, StudyReadinessEvery);
    }

    // The charts follow the thesis: each shows the instruments its signals name, so another thesis gets its own charts.
    private static List<Figure> Charts(ThesisDefinition thesis, IMarketData view, DateOnly date, DateOnly historyFrom,
        IReadOnlyList<ReadinessPoint> history, IReadOnlyList<PublishedReading> published, List<string> notes)
    {
        var charts = new List<Figure>();
        void Missing(string what, string id) => notes.Add($"No chart of {what}: no data for {id} on or before {date:yyyy-MM-dd}.");

        if (Param(thesis, "breakout", "instrument") is { } index)
        {
            if (view.Series(index) is { Count: > 0 } s)
                charts.Add(StructureCharts.Breakout(s, BreakoutAnalysis.AsOf(s, date, BreakoutAnalysisParameters.Default), date));
            else Missing("resistance breakouts", index);
        }
        if (Param(thesis, "trendline", "series") is { } ratio)
        {
            var parts = ratio.Split('/');
            var series = parts.Length == 2 && view.Series(parts[0]) is { } n && view.Series(parts[1]) is { } d ? RatioSeries.Of(n, d) : view.Series(ratio);
            if (series is { Count: > 0 })
            {
                var p = new TrendlineParameters();
                charts.Add(StructureCharts.Trendline(series, TrendlineFinder.AsOf(series, date, TrendlineSide.Resistance, p),
                    TrendlineFinder.AsOf(series, date, TrendlineSide.Support, p), date));
            }
            else Missing("trendlines", ratio);
        }
        if (Param(thesis, "correlation", "a") is { } a && Param(thesis, "correlation", "b") is { } b)
        {
            if (view.Series(a) is { Count: > 0 } sa && view.Series(b) is { Count: > 0 } sb)
            {
                var rows = ReturnAlignment.Align(sa, sb, new AlignmentOptions(From: date.AddYears(-3), Until: date));
                charts.Add(CorrelationCharts.Rolling("chart-correlation", rows, 90));
            }
            else Missing("correlation", $"{a} and {b}");
        }
        if (thesis.Signals.Any(s => s.Kind == "altseason"))
        {
            var index2 = new AltcoinSeasonIndex(view.ClosesOfClass(AssetClass.Crypto), view.Rankings(), view.Classifications());
            if (index2.BenchmarkRange is not null)
            {
                AltcoinSeasonParameters[] variants = [new(90, 50), new(90, 100)];
                var histories = variants.Select(p => ($"top {p.TopCount}, {p.WindowDays} days", index2.History(historyFrom, date, p))).ToList();
                // Published readings in the chart's span, beside the variant their definition names.
                var comparisons = variants.Select((p, i) => PublishedComparison.Of(published.Where(r => r.Date >= historyFrom), p,
                    d => histories[i].Item2[d.DayNumber - historyFrom.DayNumber])).ToList();
                charts.Add(ThesisCharts.AltSeason(histories, comparisons));
                notes.AddRange(comparisons.Select(c => c.Sentence()).OfType<string>());
            }
            else Missing("the Altcoin Season Index", "BTC");
        }
        if (Param(thesis, "etf_rotation", "into") is { } into && Param(thesis, "etf_rotation", "out_of") is { } outOf)
        {
            if (view.Flows(into) is { Count: > 0 } intoTable && view.Flows(outOf) is { Count: > 0 } outTable)
                charts.Add(MacroCharts.EtfFlows(EtfFlowStatistics.Build(outTable, date), EtfFlowStatistics.Build(intoTable, date), date));
            else Missing("ETF flows", $"{into} and {outOf}");
        }
        if (thesis.Signals.Any(s => s.Kind is "fed_path" or "net_liquidity"))
        {
            var dff = view.Series(Param(thesis, "fed_path", "series") ?? "DFF");
            var (assets, tga, repo) = (view.Series("WALCL"), view.Series("WTREGEN"), view.Series("RRPONTSYD"));
            if (dff is { Count: > 0 } && assets is not null && tga is not null && repo is not null)
                charts.Add(MacroCharts.FedAndLiquidity(dff, NetLiquidity.Compute(assets, tga, repo, date), date));
            else Missing("the fed funds rate and net liquidity", "DFF, WALCL, WTREGEN or RRPONTSYD");
        }
        if (Param(thesis, "drawdown", "instrument") is { } crypto)
        {
            if (view.Series(crypto) is { Count: > 0 } s)
                charts.Add(MacroCharts.Drawdown(crypto, Drawdowns.Compute(s, DrawdownBasis.Close), Drawdowns.Compute(s, DrawdownBasis.High), date));
            else Missing("drawdown", crypto);
        }
        charts.Add(ThesisCharts.Readiness(history));
        return charts;
    }
}
