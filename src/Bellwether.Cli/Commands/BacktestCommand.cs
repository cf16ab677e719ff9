using System.CommandLine;
using Bellwether.Core.Backtest.Grid;
using Bellwether.Core.Backtest.Metrics;
using Bellwether.Core.Backtest.Rotation;
using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Measurements.AltSeason;
using Bellwether.Core.Signals;
using Bellwether.Core.Study.Paths;
using Bellwether.Core.Study.Readiness;
using Bellwether.Core.Study.SignalValue;
using Bellwether.Core.Text;
using Bellwether.Data.Market;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary>
/// <c>bellwether backtest</c>: the thesis as a trade (its trade's asset while readiness ≥ θ, else Bitcoin or cash),
/// walk-forward with costs, against buy-and-hold, in and out of sample; how often readiness came before an Altcoin
/// Season; with <c>--grid</c>, θ × breakout buffer × correlation window.
/// </summary>
internal static class BacktestCommand
{
    public static Command Create()
    {
        var thesis = StudyInputs.Thesis();
        var threshold =
            new Option<double?>("--threshold")
            {
                Description =
                "θ: hold the trade's asset while readiness (0–100) is at or above it (default: the thesis's trade)"
            };
        var hold =
            new Option<string?>("--hold")
            {
                Description =
                $"What to hold while ready: {string.Join(", ", StudyAssets.Holdable)} (default: the thesis's trade)"
            };
        var fallback =
            new Option<RotationFallback?>("--fallback")
            {
                Description =
                "What to hold otherwise: bitcoin or cash (default: the thesis's trade)"
            };
        var commission =
            new Option<double>("--commission-bp")
            {
                Description = "Commission per side, basis points (default 10)",
                DefaultValueFactory = _ => 10
            }.Between(0, 10_000);
        var slippage =
            new Option<double>("--slippage-bp")
            {
                Description = "Slippage per side, basis points (default 10)",
                DefaultValueFactory = _ => 10
            }.Between(0, 10_000);
        var from =
            new Option<string?>("--from")
            {
                Description =
                "First day (yyyy-MM-dd; default: the first day every asset has a value)"
            };
        var to =
            new Option<string?>("--to")
            {
                Description =
                "Last day, and the last day of data used (yyyy-MM-dd; default: Bitcoin's last close)"
            };
        var split =
            new Option<string?>("--split")
            {
                Description =
                "First out-of-sample day (yyyy-MM-dd; default: after 60% of the days)"
            };
        var within = SeriesArgument.Count("--within", 90,
            "Signal value: an entry is a hit when the Altcoin Season Index reaches 75 " +
                                            "within this many days", 1, OptionRange.MaxDays);
        var grid =
            new Option<bool>("--grid")
            {
                Description =
                "Also run the parameter grid: θ 40–85 × breakout buffer 0.5–3% × correlation window 90–730 days, in " +
                "and out of sample"
            };
        var top = StudyInputs.BasketTop();
        var every = StudyInputs.Every();
        var command = new Command("backtest",
            "Walk-forward rotation backtest of the thesis against buy-and-hold, with costs, in and out of sample; " +
            "signal value; parameter grid")
        {
            thesis, threshold, hold, fallback, commission, slippage, from, to, split, within, grid, top, every,
        };
        command.SetAction(parse =>
        {
            var (definition, file) = StudyInputs.LoadThesis(parse, thesis);
            var trade = definition.Predicts.Trade;
            var heldText = parse.GetValue(hold) ?? trade?.Hold
                ?? throw new UsageException(
                    $"the thesis '{definition.Name}' declares no trade: add one to its file, e.g. " +
                                            "'trade: { hold: ALT_BASKET, otherwise: BTC, threshold: 60 }' " +
                                            "(docs/thesis.md, \"What the thesis predicts\"), or pass --hold");
            var held = StudyAssets.Holdable.FirstOrDefault(h =>
                string.Equals(h, heldText, StringComparison.OrdinalIgnoreCase))
                       ?? throw new UsageException(
                           $"--hold: '{heldText}' is not one of {string.Join(", ", StudyAssets.Holdable)}");
            double theta = parse.GetValue(threshold) ?? trade?.Threshold ?? 60;
            var otherwise = parse.GetValue(fallback) ?? trade?.Otherwise ?? RotationFallback.Cash;
            double commissionBp = parse.GetValue(commission), slippageBp = parse.GetValue(slippage);
            // Checked here so that a bad value is a usage error; the parameters check themselves as well.
            if (!(theta is >= 0 and <= 100)) throw new UsageException($"--threshold: {theta} is not in 0–100");
            if (held == RotationParameters.Bitcoin && otherwise == RotationFallback.Bitcoin)
                throw new UsageException("holding BTC either way is no trade: use --fallback cash");
            if (!(commissionBp >= 0 && double.IsFinite(commissionBp))
                || !(slippageBp >= 0 && double.IsFinite(slippageBp)))
                throw new UsageException("--commission-bp and --slippage-bp must be 0 or more");
            var rotation = new RotationParameters(theta, otherwise, commissionBp, slippageBp, held);
            var (fromDate, toDate, splitDate) = (StoreAccess.Date(parse, from), StoreAccess.Date(parse, to),
                StoreAccess.Date(parse, split));
            if (fromDate is { } f0 && toDate is { } t0
                && t0 <= f0) throw new UsageException("--to must be after --from");
            if (splitDate is { } s0
                && ((fromDate is { } f1 && s0 <= f1)
                    || (toDate is { } t1
                        && s0 >= t1))) throw new UsageException("--split must fall strictly between --from and --to");
            int withinDays = parse.GetValue(within);

            using var store = StoreAccess.OpenForRead(parse);
            var data = StoreAccess.MarketData(parse, store);
            var (assets, last) = StudyInputs.Load(parse, data, to, top);
            var start = fromDate
                ?? new[] { assets.Btc.First, assets.Eth?.First ?? assets.Btc.First, assets.Basket.Level.First }.Max();
            if (start >= last) throw new UsageException(
                $"--from {start:yyyy-MM-dd} is not before the last day of data ({last:yyyy-MM-dd})");
            var gridParameters = parse.GetValue(grid) ? GridParameters.Default(definition, Concepts.Signals) : null;
            var variants = gridParameters?.Axes.SelectMany(a => a.Variants).ToList();
            var components = StudyInputs.Readiness(parse, data, definition, every, start.AddDays(-1), last, variants);
            var readiness = components.Readiness();
            var parameters = new BacktestParameters(rotation, fromDate, toDate, splitDate);
            var names = definition.Predicts.Names;
            var report = Backtester.Run(readiness, assets, parameters, names);

            // Readiness without the signals that measure the outcome itself: does the rest of the thesis lead it?
            var kinds = Concepts.Signals;
            var altseasonIds = definition.Signals.Where(s => kinds.Find(s.Kind) is AltSeasonSignal).Select(s => s.Id)
                .ToHashSet();
            var altseasonKind = kinds.All.OfType<AltSeasonSignal>().First().Name;
            // Signal value asks whether readiness came before an Altcoin Season: only for a thesis about the index.
            bool aboutTheIndex = altseasonIds.Count > 0
                || definition.Predicts.Outcome?.Assets.Contains(StudyAssets.AltSeasonId) == true;
            var signalValue = new List<(string Readiness, SignalValueResult Result)>();
            if (aboutTheIndex)
                signalValue.Add(("thesis",
                    SignalValueAnalysis.Run(readiness, assets.AltSeason,
                        new SignalValueParameters(rotation.Threshold, withinDays))));
            if (altseasonIds.Count > 0)
                signalValue.Add(($"without {altseasonKind} signals",
                    SignalValueAnalysis.Run(components.Combine(components.Signals.Where(s =>
                        !altseasonIds.Contains(s.SignalId)).ToList()),
                    assets.AltSeason, new SignalValueParameters(rotation.Threshold, withinDays))));
            var gridResult = gridParameters is null ? null
                : ParameterGrid.Run(components, assets, gridParameters, parameters);

            if (parse.GetValue(Cli.Json)) Output.WriteJson(parse,
                Json(definition, file, report, assets, readiness, signalValue, gridResult, parse.GetValue(every)));
            else Print(Output.Console(parse), definition, report, signalValue, gridResult, names);
            return Cli.Ok;
        });
        return command;
    }

    private static object Metrics(PerformanceMetrics m) => new
    {
        from = m.From, to = m.To, total_return = m.TotalReturn, cagr = m.Cagr, volatility = m.Volatility,
        sharpe = m.Sharpe, sortino = m.Sortino,
        max_drawdown = m.MaxDrawdown, turnover = m.Turnover, time_in_market = m.TimeInMarket,
        time_in_basket = m.TimeInBasket, trades = m.Trades, days = m.Days,
    };

    private static object Json(ThesisDefinition thesis, string? file, BacktestReport r, StudyAssets assets,
        CalendarPath readiness,
        List<(string Readiness, SignalValueResult Result)> signalValue, GridResult? grid, int every) => new
        {
            thesis = new
            {
                name = thesis.Name, file = file
                ?? $"theses/{Data.Thesis.ThesisFile.DefaultName} (built in)"
            },
            from = r.From,
            split = r.Split,
            to = r.To,
            parameters = new
            {
                threshold = r.Parameters.Rotation.Threshold, hold = r.Parameters.Rotation.Hold,
                fallback = r.Parameters.Rotation.Fallback, commission_bp = r.Parameters.Rotation.CommissionBp,
                slippage_bp = r.Parameters.Rotation.SlippageBp, basket_top = assets.Basket.Parameters.TopCount,
                readiness_every_days = every,
            },
            strategies = r.Strategies.Select(s => new
            {
                id = s.Id, description = s.Description, full = Metrics(s.Full), in_sample = Metrics(s.InSample),
                out_of_sample = Metrics(s.OutOfSample),
                unpriced_days = s.Run.UnpricedDays,
                equity_curve = Enumerable.Range(0, s.Run.Days)
                    .Select(i => new { date = s.Run.Date(i), equity = s.Run.Equity[i] }),
            }),
            readiness = Enumerable.Range(0, readiness.Count)
                .Select(i => new { date = readiness.First.AddDays(i), value = readiness.Values[i] }),
            basket_size = r.Strategies.Any(s => s.Id == "basket") ? StudyInputs.BasketSize(assets.Basket, r.From, r.To)
                : null,
            signal_value = signalValue.Select(v => new
            {
                readiness = v.Readiness, threshold = v.Result.Parameters.Threshold,
                within_days = v.Result.Parameters.WithinDays,
                season_threshold = v.Result.Parameters.SeasonThreshold, from = v.Result.From, to = v.Result.To,
                entries = v.Result.Entries.Count, evaluable_entries = v.Result.Entries.Count(e => e.Evaluable),
                hits = v.Result.Entries.Count(e => e.Evaluable && e.SeasonDate is not null),
                seasons = v.Result.Seasons.Count, precision = v.Result.Precision, recall = v.Result.Recall,
                median_lead_days = v.Result.MedianLeadDays,
                random_precision = v.Result.RandomPrecision, random_recall = v.Result.RandomRecall,
                precision_p_value = v.Result.PrecisionPValue, recall_p_value = v.Result.RecallPValue,
                entry_dates = v.Result.Entries.Select(e =>
                    new { date = e.Date, readiness = e.Readiness, season = e.SeasonDate, evaluable = e.Evaluable }),
                season_starts = v.Result.Seasons.Select(s => new { date = s.Date, entry = s.EntryDate }),
                warnings = v.Result.Warnings,
            }),
            grid = grid is null ? null : new
            {
                from = grid.From, split = grid.Split, to = grid.To, points_count = grid.Points.Count,
                best_in_sample = Point(grid.Points[grid.BestInSample]),
                best_in_sample_out_of_sample_rank = grid.BestInSampleOutOfSampleRank,
                median_out_of_sample_sharpe = grid.MedianOutOfSampleSharpe,
                sharpe_rank_correlation = grid.SharpeRankCorrelation,
                points = grid.Points.Select(Point),
            },
            warnings = r.Warnings,
        };

    private static object Point(GridPoint p) =>
        new
        {
            threshold = p.Threshold, variants = p.Variants, in_sample = Metrics(p.InSample),
            out_of_sample = Metrics(p.OutOfSample)
        };

    private static string Pct(double v) => StudyInputs.Cell(v, ValueKind.Return);
    private static string Num(double v) => StudyInputs.Cell(v, ValueKind.Ratio);
    private static string Share(double v) => StudyInputs.Cell(v, ValueKind.Share);

    private static void Print(IAnsiConsole console, ThesisDefinition thesis, BacktestReport r,
        List<(string Readiness, SignalValueResult Result)> signalValue, GridResult? grid, AssetNames names)
    {
        console.MarkupLine(
            $"[bold]{Markup.Escape(thesis.Name)}[/] as a trade, {r.From:yyyy-MM-dd} to {r.To:yyyy-MM-dd}; in sample " +
            $"to {r.Split:yyyy-MM-dd}, out of sample after.");
        var table = new FittedTable(new("strategy"), new("CAGR in/out", Right: true, Short: "CAGR"),
            new("Sharpe in/out", Right: true, Short: "Sharpe"),
            new("max DD in/out", Right: true, Short: "max DD"), new("turnover", Right: true, Short: "turn."),
            new("held", Right: true));
        foreach (var s in r.Strategies)
            table.AddText(s.Label, $"{Pct(s.InSample.Cagr)} / {Pct(s.OutOfSample.Cagr)}",
                $"{Num(s.InSample.Sharpe)} / {Num(s.OutOfSample.Sharpe)}",
                $"{Pct(s.InSample.MaxDrawdown)} / {Pct(s.OutOfSample.MaxDrawdown)}", Share(s.Full.Turnover),
                Share(s.Full.TimeInBasket));
        table.Write(console);
        console.MarkupLine(
            "[grey]in: in sample, out: out of sample; turnover: share of the portfolio traded per year; " +
                           "held: share of days holding " +
                           $"{Markup.Escape(names.Name(r.Parameters.Rotation.Hold))}.[/]");
        console.MarkupLine($"[grey]rotation: {Markup.Escape(r.Strategies[0].Description)}.[/]");
        foreach (var w in r.Warnings) console.MarkupLine($"[yellow]{Markup.Escape(Output.KeepUnits(w))}[/]");

        foreach (var (name, v) in signalValue)
            console.MarkupLine(
                $"Signal value ({Markup.Escape(name)}): {v.Entries.Count(e => e.Evaluable)} entries at readiness ≥ " +
                $"{v.Parameters.Threshold:0.#}; " +
                               $"precision {Share(v.Precision)} (random {Share(v.RandomPrecision)}, p = " +
                               $"{StudyInputs.Cell(v.PrecisionPValue, ValueKind.PValue)}), " +
                               $"recall {Share(v.Recall)} of {v.Seasons.Count} Altcoin Seasons (random " +
                               $"{Share(v.RandomRecall)}, p = {StudyInputs.Cell(v.RecallPValue, ValueKind.PValue)})" +
                               (double.IsNaN(v.MedianLeadDays) ? "." : $", median lead {v.MedianLeadDays:0} days."));
        if (grid is not null)
        {
            var best = grid.Points[grid.BestInSample];
            console.MarkupLine(
                $"Grid of {grid.Points.Count} points: the best in-sample Sharpe ({Num(best.InSample.Sharpe)}: θ = " +
                $"{best.Threshold:0.#}" +
                               string.Concat(best.Variants.Select(v => $", {v.Key} = {v.Value}")) +
                               $") ranks {grid.BestInSampleOutOfSampleRank} of {grid.Points.Count} out of sample " +
                               $"(Sharpe {Num(best.OutOfSample.Sharpe)}; median {Num(grid.MedianOutOfSampleSharpe)}" +
                               "); " +
                               $"in- vs out-of-sample Sharpe rank correlation {Num(grid.SharpeRankCorrelation)}.");
        }
        var rot = r.Strategies[0];
        var btc = r.Strategies.First(s => s.Id == "btc");
        var bitcoin = Markup.Escape(names.Name(RotationParameters.Bitcoin));
        console.MarkupLine(rot.OutOfSample.Sharpe > btc.OutOfSample.Sharpe
            ? $"Out of sample the rotation's Sharpe ({Num(rot.OutOfSample.Sharpe)}) beat buy-and-hold {bitcoin}'s (" +
            $"{Num(btc.OutOfSample.Sharpe)})."
            : $"Out of sample the rotation's Sharpe ({Num(rot.OutOfSample.Sharpe)}) did not beat buy-and-hold " +
            $"{bitcoin}'s ({Num(btc.OutOfSample.Sharpe)}).");
    }
}
