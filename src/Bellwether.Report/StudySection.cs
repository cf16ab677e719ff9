using System.Globalization;
using Bellwether.Core.Backtest.Rotation;
using Bellwether.Core.Study.Basket;
using Bellwether.Core.Study.EventStudy;
using Bellwether.Core.Study.Paths;
using Bellwether.Core.Text;
using Bellwether.Report.Charts;

namespace Bellwether.Report;

/// <summary>
/// "Did it ever work?": what the assets did after each past event of the thesis's trigger (the event study) and the
/// thesis traded as a rotation against buy-and-hold (the walk-forward backtest), both from data up to the report date.
/// Every sentence and cell is built from these results.
/// </summary>
/// <param name="Study">The event study.</param>
/// <param name="Backtest">The rotation and its benchmarks, in and out of sample.</param>
/// <param name="ChartDays">The horizon of the forward-return chart and of the written summary.</param>
/// <param name="ReadinessEveryDays">How often the backtest's readiness was evaluated (1: daily).</param>
/// <param name="Charts">The forward returns after each event, then the equity curves.</param>
/// <param name="Names">What a reader sees for each asset (the thesis's names, else the study's).</param>
/// <param name="Outcome">The asset the thesis expects to move (its outcome's first); null: the altcoin basket, else the
/// study's first asset.</param>
/// <param name="LastTrigger">What the outcome asset did after the last event; null when there was none.</param>
/// <param name="Rise">True when the thesis expects the outcome asset to rise, false to fall.</param>
public sealed record StudySection(EventStudyResult Study, BacktestReport Backtest, int ChartDays,
    int ReadinessEveryDays, IReadOnlyList<Figure> Charts, AssetNames Names,
    string? Outcome = null, TriggerOutcome? LastTrigger = null, bool Rise = true)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The section with its two charts: forward returns at <paramref name="chartDays"/> and the equity
    /// curves; <paramref name="names"/> null: the study's own names.</summary>
    public static StudySection Of(EventStudyResult study, BacktestReport backtest, int chartDays,
        int readinessEveryDays, string? outcome = null, TriggerOutcome? lastTrigger = null, bool rise = true,
        AssetNames? names = null)
    {
        names ??= AssetNames.Study;
        return new(study, backtest, chartDays, readinessEveryDays,
            [StudyCharts.ForwardReturnsByEvent(study, chartDays, names), StudyCharts.EquityCurves(backtest)],
            names, outcome, lastTrigger, rise);
    }

    /// <summary>The asset the thesis is about: its outcome, else the altcoin basket, else the first asset with a
    /// summary.</summary>
    public string Lead => Outcome
        ?? (Study.Summaries.Any(s => s.Asset == AltcoinBasket.Id) ? AltcoinBasket.Id
            : (Study.Summaries.Count > 0 ? Study.Summaries[0].Asset : ""));

    /// <summary>The written summary: every sentence from the figures of the study and the backtest.</summary>
    public IReadOnlyList<string> Paragraph()
    {
        var s = Study;
        var lines = new List<string>();
        int horizon = ChartDays;
        if (s.Events.Count == 0)
        {
            lines.Add(
                $"No {s.SourceDescription} happened up to {s.AsOf:yyyy-MM-dd}: there is no history to test the " +
                $"trigger on.");
        }
        else
        {
            var lead = s.Summaries.FirstOrDefault(x => x.Asset == Lead && x.Days == horizon);
            lines.Add(
                $"Up to {s.AsOf:yyyy-MM-dd} the trigger ({s.SourceDescription}) happened " +
                $"{Count(s.Events.Count, "time")}, from {s.Events[0].Event.Date:yyyy-MM-dd} to " +
                $"{s.Events[^1].Event.Date:yyyy-MM-dd}" +
                      (lead is null ? "."
                          : $"; {lead.Events} of them have a {horizon}-day outcome for {Names.Name(lead.Asset)}, and " +
                          $"only {lead.IndependentEvents} of those windows do not overlap."));
            if (lead is not null && !double.IsNaN(lead.Mean))
            {
                lines.Add(
                    $"In the {horizon} days after an event {Names.Name(lead.Asset)} moved " +
                    $"{Value(lead.Asset, lead.Mean)} " +
                    "on average " +
                          $"(median {Value(lead.Asset, lead.Median)}, middle half " +
                          $"{Value(lead.Asset, lead.LowerQuartile)} to {Value(lead.Asset, lead.UpperQuartile)}), " +
                          $"against {Value(lead.Asset, lead.BaselineMean)} after an ordinary day " +
                          $"(difference {Value(lead.Asset, lead.Difference)}, unadjusted 95% interval " +
                          $"{Value(lead.Asset, lead.CiLow)} to {Value(lead.Asset, lead.CiHigh)}, Holm-adjusted p = " +
                          $"{P(lead.PHolm)}); " +
                          $"it rose after {Share(lead.HitRate)} of events, against {Share(lead.BaselineHitRate)} of " +
                          "all days.");
                var best = s.Events.Select(e =>
                    (e.Event.Date,
                        Value: e.Forward.FirstOrDefault(f => f.Asset == lead.Asset && f.Days == horizon)?.Value
                        ?? double.NaN))
                    .Where(e => !double.IsNaN(e.Value)).MaxBy(e => e.Value);
                if (lead.Events > 1 && !double.IsNaN(best.Value))
                    lines.Add(
                        $"The best outcome, {Value(lead.Asset, best.Value)} after {best.Date:yyyy-MM-dd}, weighs " +
                        $"heavily in a mean of {Count(lead.Events, "event")}.");
            }
            var tested = s.Summaries.Where(x => !double.IsNaN(x.PHolm)).ToList();
            int significant = tested.Count(x => x.PHolm < 0.05);
            if (tested.Count > 0)
                lines.Add(significant == 0
                    ? $"After Holm's correction across {tested.Count} asset-horizon tests, no difference from an " +
                    "ordinary day is significant at 5%."
                    : $"After Holm's correction across {tested.Count} asset-horizon tests, {significant} differ from " +
                    "an ordinary day at 5% (" +
                    string.Join(", ",
                        tested.Where(x => x.PHolm < 0.05).Select(x => $"{Names.Label(x.Asset)} {x.Days}d")) + ").");
            int fewest = tested.Count > 0 ? tested.Min(x => x.IndependentEvents) : 0;
            if (tested.Count > 0 && fewest < s.Parameters.MinIndependentEvents)
                lines.Add(
                    $"With as few as {Count(fewest, "independent event")} (fewer than " +
                    $"{s.Parameters.MinIndependentEvents}), this is a handful of anecdotes, not evidence: one " +
                    "episode can carry the mean, and the intervals are wide for that reason.");
        }

        var b = Backtest;
        var rotation = b.Strategies.FirstOrDefault(x => x.Id == "rotation");
        var btc = b.Strategies.FirstOrDefault(x => x.Id == "btc");
        if (rotation is not null && btc is not null)
        {
            var r = b.Parameters.Rotation;
            lines.Add(
                $"Traded as a rotation — {Names.Name(r.Hold)} while readiness is at or above " +
                $"{r.Threshold.ToString("0.#", Inv)}, {r.DescribeFallback(Names)} otherwise, " +
                      $"{r.CostBp.ToString("0.#", Inv)} bp per side — the thesis made {Pct(rotation.InSample.Cagr)} " +
                      $"a year in sample ({b.From:yyyy-MM-dd} to {b.Split:yyyy-MM-dd}, Sharpe " +
                      $"{Num(rotation.InSample.Sharpe)}) " +
                      $"and {Pct(rotation.OutOfSample.Cagr)} a year out of sample (to {b.To:yyyy-MM-dd}, Sharpe " +
                      $"{Num(rotation.OutOfSample.Sharpe)}), " +
                      $"against {Pct(btc.InSample.Cagr)} and {Pct(btc.OutOfSample.Cagr)} (Sharpe " +
                      $"{Num(btc.InSample.Sharpe)} and {Num(btc.OutOfSample.Sharpe)}) for holding {Bitcoin}.");
            lines.Add(rotation.OutOfSample.Sharpe > btc.OutOfSample.Sharpe
                ? $"Out of sample the rotation's Sharpe beat buy-and-hold {Bitcoin}'s; one split of one history is " +
                "still a single draw."
                : $"Out of sample the rotation's Sharpe did not beat buy-and-hold {Bitcoin}'s.");
        }
        if (ReadinessEveryDays > 1)
            lines.Add(
                $"Readiness for this backtest is evaluated every {ReadinessEveryDays} days, each signal keeping its " +
                "state in between (what a weekly observer knew), to keep the report quick; the backtest command " +
                "evaluates it daily.");
        if (s.Parameters.Resamples < EventStudyParameters.Default.Resamples)
            lines.Add(
                $"Intervals and p-values come from {s.Parameters.Resamples.ToString("#,0", Inv)} " +
                "stationary-bootstrap resamples per asset and horizon (the study command uses " +
                $"{EventStudyParameters.Default.Resamples.ToString("#,0", Inv)}).");
        return lines;
    }

    /// <summary>The assets of the study, in its order.</summary>
    public IReadOnlyList<string> Assets => Study.Summaries.Select(x => x.Asset).Distinct().ToList();

    /// <summary>The horizons shown per event: the chart's and the longest.</summary>
    public IReadOnlyList<int> EventHorizons => new[] { ChartDays, Study.Parameters.Horizons.Max() }.Distinct().ToList();

    /// <summary>One row per event with any forward value: date, then each asset's moves at
    /// <see cref="EventHorizons"/>.</summary>
    public IReadOnlyList<IReadOnlyList<string>> EventRows() =>
        Study.Events.Where(e => e.Forward.Any(f => !double.IsNaN(f.Value) || !double.IsNaN(f.MaxValue)))
            .Select(e => (IReadOnlyList<string>)[$"{e.Event.Date:yyyy-MM-dd}",
                .. Assets.Select(a =>
                    string.Join(" / ",
                        EventHorizons.Select(h => e.Forward.FirstOrDefault(f => f.Asset == a && f.Days == h) is { } f
                    ? double.IsNaN(f.Value) ? (double.IsNaN(f.MaxValue) ? "–" : "open") : Value(a, f.Value) : "–")))])
            .ToList();

    /// <summary>Events with no forward value for any asset (before the assets existed).</summary>
    public int EventsWithoutData =>
        Study.Events.Count(e => e.Forward.All(f => double.IsNaN(f.Value) && double.IsNaN(f.MaxValue)));

    /// <summary>Header of <see cref="SummaryRows"/>.</summary>
    public static IReadOnlyList<string> SummaryHeader { get; } =
        ["asset", "days", "events (independent)", "mean after events", "median (quartiles)", "all days", "difference",
         "95% interval (unadjusted)", "p (Holm-adjusted)", "hit rate (all days)"];

    /// <summary>One row per asset and horizon.</summary>
    public IReadOnlyList<IReadOnlyList<string>> SummaryRows() => Study.Summaries.Select(x => (IReadOnlyList<string>)
    [
        Names.Label(x.Asset), x.Days.ToString(Inv), $"{x.Events} ({x.IndependentEvents})", Value(x.Asset, x.Mean),
        double.IsNaN(x.Median) ? "—"
            : $"{Value(x.Asset, x.Median)} ({Value(x.Asset, x.LowerQuartile)} to {Value(x.Asset, x.UpperQuartile)})",
        Value(x.Asset, x.BaselineMean), Value(x.Asset, x.Difference),
        double.IsNaN(x.CiLow) ? "—" : $"{Value(x.Asset, x.CiLow)} to {Value(x.Asset, x.CiHigh)}", P(x.PHolm),
        double.IsNaN(x.HitRate) ? ValueText.Missing : $"{Share(x.HitRate)} ({Share(x.BaselineHitRate)})",
    ]).ToList();

    /// <summary>
    /// The study's and the backtest's warnings; the rows with too few independent events are counted in one line
    /// (the table marks each).
    /// </summary>
    public IReadOnlyList<string> Warnings => [.. Study.Warnings, .. FewEvents(), .. Backtest.Warnings];

    private IEnumerable<string> FewEvents()
    {
        var few = Study.Summaries.Where(x => !double.IsNaN(x.PHolm)
            && x.IndependentEvents < Study.Parameters.MinIndependentEvents).ToList();
        if (few.Count > 0)
            yield return $"{few.Count} of {Study.Summaries.Count} asset-horizon rows rest on fewer than " +
                $"{Study.Parameters.MinIndependentEvents} independent events " +
                         $"(as few as {few.Min(x => x.IndependentEvents)}): too few to tell a pattern from chance.";
    }

    /// <summary>Header of <see cref="MetricRows"/>.</summary>
    public static IReadOnlyList<string> MetricHeader { get; } =
        ["strategy", "CAGR in / out", "Sharpe in / out", "max drawdown in / out", "total return", "turnover / year",
            "time holding the trade"];

    /// <summary>One row per strategy: in-sample / out-of-sample figures, then the whole span's.</summary>
    public IReadOnlyList<IReadOnlyList<string>> MetricRows() => Backtest.Strategies.Select(x => (IReadOnlyList<string>)
    [
        x.Label, $"{Pct(x.InSample.Cagr)} / {Pct(x.OutOfSample.Cagr)}",
            $"{Num(x.InSample.Sharpe)} / {Num(x.OutOfSample.Sharpe)}",
        $"{Pct(x.InSample.MaxDrawdown)} / {Pct(x.OutOfSample.MaxDrawdown)}", Pct(x.Full.TotalReturn),
            Share(x.Full.Turnover),
        Share(x.Full.TimeInBasket),
    ]).ToList();

    /// <summary>The in-/out-of-sample split in words.</summary>
    public string Split =>
        $"In sample {Backtest.From:yyyy-MM-dd} to {Backtest.Split:yyyy-MM-dd}, out of sample to " +
        $"{Backtest.To:yyyy-MM-dd}; costs {Backtest.Parameters.Rotation.CostBp.ToString("0.#", Inv)} bp per side on " +
        "every trade.";

    /// <summary>Bitcoin, the benchmark, as <see cref="Names"/> call it.</summary>
    public string Bitcoin => Names.Name(RotationParameters.Bitcoin);

    /// <summary>A return, or an index change in points, as the formatting table writes it.</summary>
    public static string Value(string asset, double v) =>
        ValueText.Of(v, asset == StudyAssets.AltSeasonId ? ValueKind.IndexPointsChange : ValueKind.Return);

    /// <summary>A return held as a fraction (CAGR, drawdown, total return).</summary>
    public static string Pct(double v) => ValueText.Of(v, ValueKind.Return);
    private static string Share(double v) => ValueText.Of(v, ValueKind.Share);
    /// <summary>A ratio (Sharpe).</summary>
    public static string Num(double v) => ValueText.Of(v, ValueKind.Ratio);
    /// <summary>A p-value.</summary>
    public static string P(double p) => ValueText.Of(p, ValueKind.PValue);
    private static string Count(int n, string noun) => $"{n.ToString(Inv)} {noun}{(n == 1 ? "" : "s")}";
}

/// <summary>What the outcome asset did after the last trigger event: over the horizon when it has ended, else so
/// far.</summary>
/// <param name="Event">The last event's date.</param>
/// <param name="Move">The move (a return, or index points) from the event's close to <paramref name="To"/>.</param>
/// <param name="To">The end of the horizon when <paramref name="Ended"/>, else the last valued day on or before the
/// report date.</param>
/// <param name="Ended">True when the horizon has passed.</param>
public sealed record TriggerOutcome(DateOnly Event, double Move, DateOnly To, bool Ended)
{
    /// <summary>The move of <paramref name="path"/> after <paramref name="event"/>, over <paramref name="days"/> days
    /// or to
    /// <paramref name="asOf"/>, whichever comes first; null when the path has no value on the event's day.</summary>
    public static TriggerOutcome? Of(CalendarPath path, DateOnly @event, int days, DateOnly asOf)
    {
        var end = @event.AddDays(days);
        bool ended = end <= asOf;
        var to = ended ? end : asOf;
        while (to > @event && double.IsNaN(path.At(to))) to = to.AddDays(-1);
        double move = path.Move(path.At(@event), path.At(to));
        return double.IsNaN(move) || to == @event ? null : new TriggerOutcome(@event, move, to, ended);
    }
}
