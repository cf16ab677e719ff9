using Bellwether.Core.Backtest.Rotation;
using Bellwether.Core.Board;
using Bellwether.Core.Claims;
using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Instruments;
using Bellwether.Core.Measurements;
using Bellwether.Core.Measurements.AltSeason;
using Bellwether.Core.Study.Basket;
using Bellwether.Core.Study.Events;
using Bellwether.Core.Study.EventStudy;
using Bellwether.Core.Study.Paths;
using Bellwether.Core.Study.Readiness;
using Bellwether.Core.Universe;
using Bellwether.Report.Charts;

namespace Bellwether.Report;

/// <summary>What a report is made from.</summary>
/// <param name="Data">The whole data set; the report reads it as of <paramref name="Date"/> only.</param>
/// <param name="Claims">The claims to check, or null to leave the section out.</param>
/// <param name="HistoryFrom">First date of the weekly readiness and index histories.</param>
/// <param name="Published">Published index readings (a reference series) to set beside the computed index; those dated
/// after <paramref name="Date"/> are left out.</param>
/// <param name="DateNote">Why the report has its date (chosen for the thesis, or past the data), the first note;
/// null when there is nothing to say.</param>
/// <remarks>The signal and claim kinds are the registry's (<see cref="Concepts"/>).</remarks>
public sealed record ReportInputs(
    ThesisDefinition Thesis, ClaimSet? Claims, IMarketData Data, DateOnly Date, DateOnly HistoryFrom,
    IReadOnlyList<PublishedReading>? Published = null, string? DateNote = null);

/// <summary>Assembles the report: board, weekly readiness, claim check, the charts of the thesis's measurements and
/// "Did it ever work?", all from data known at the report date.</summary>
public static class ReportBuilder
{
    /// <summary>How often the report's backtest and readiness triggers evaluate readiness: daily, as the backtest and
    /// study commands do, so the report's figures are theirs (docs/report.md).</summary>
    public const int StudyReadinessEvery = 1;

    /// <summary>Bootstrap resamples of the report's event study (<c>bellwether study</c> uses 10,000).</summary>
    public const int StudyResamples = 2_000;

    /// <exception cref="ThesisException">The thesis or claims do not validate against their kinds.</exception>
    public static ReportContent Build(ReportInputs r)
    {
        var (thesis, data, date) = (r.Thesis, r.Data, r.Date);
        // Everything below reads through this view: nothing dated after the report date can reach the page.
        var view = new AsOfMarketData(data, date);
        // The readiness history and the study run beside the board, claims and charts (both read-only views are
        // thread-safe).
        var studyNotes = new List<string>();
        var historyTask = Task.Run(() => HistoryAndStudy(r, view, studyNotes));
        var missing = thesis.Predicts.Missing;
        string? studyAbsent = missing.Count == 0 ? null : WhatToAdd(missing);
        var board = ThesisBoard.Evaluate(thesis, view, date, Concepts.Signals);
        List<string> notes = r.DateNote is { } dateNote ? [dateNote] : [];
        var claimRows = r.Claims is null ? [] : CheckClaims(r.Claims, view, Concepts.Claims, date, notes);
        var published = (r.Published ?? []).Where(p => p.Date <= date).ToList();
        var charts = SignalCharts.Draw(thesis, Concepts.Signals, view, date, r.HistoryFrom, notes, published);
        var (history, study) = historyTask.GetAwaiter().GetResult();
        // The readiness chart ends on the report's date with the board's figure: its last Friday alone reads another.
        if (history.Count == 0 || history[^1].Date < date)
            history = [.. history, new ReadinessPoint(board.AsOf, board.Readiness, board.Counted,
                board.Signals.Select(s => s.State).ToArray(), board.Signals.Select(s => s.Stale).ToArray())];
        charts.Add(ThesisCharts.Readiness(history, thesis.Predicts.Trade?.Threshold));
        notes.AddRange(studyNotes);
        foreach (var s in board.Signals.Where(s => s.Stale))
            notes.Add($"{s.Title}: an input is stale as of {date:yyyy-MM-dd} (" +
                      string.Join(", ", s.Inputs.Where(i => i.Stale).Select(i => i.LastDate is { } last
                          ? $"{i.Id} last {last:yyyy-MM-dd}" : $"{i.Id}: no data up to that day")) +
                      "); shown, not counted.");
        string? claimsSource = r.Claims is null ? null
            : $"{r.Claims.Name}{(r.Claims.Source.Length > 0 ? $" — {r.Claims.Source}" : "")}";
        return new ReportContent(thesis.Description, board, claimRows, claimsSource, charts, notes, study, studyAbsent,
            Turning.Nearest(thesis, board, Concepts.Signals));
    }

    private static List<ClaimSummary> CheckClaims(ClaimSet set, IMarketData view, ClaimKinds kinds, DateOnly date,
        List<string> notes)
    {
        var due = set.Claims.Where(c => c.Date <= date).ToList();
        if (due.Count < set.Claims.Count)
            notes.Add(
                $"{set.Claims.Count - due.Count} claim(s) dated after {date:yyyy-MM-dd} are not checked in this " +
                $"report.");
        return ClaimChecker.Check(due, view, kinds)
            .Select(r => new ClaimSummary(r.Claim.Id, r.Claim.Text, Snake(r.Verdict.ToString()), r.Summary)).ToList();
    }

    private static string Snake(string pascal) => string.Concat(pascal.Select((ch, i) =>
        char.IsUpper(ch) && i > 0 ? "_" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));

    /// <summary>What "Did it ever work?" says to a thesis that does not declare what it predicts.</summary>
    private static string WhatToAdd(IReadOnlyList<string> missing)
    {
        var examples = new Dictionary<string, string>
        {
            ["trigger"] = "'trigger: { signal: ID, event: breakout }' (the event the study counts)",
            ["outcome"] = "'outcome: { assets: [BTC], horizon_days: 90 }' (what should move after it)",
            ["trade"] = "'trade: { hold: BTC, otherwise: cash, threshold: 60 }' (what the backtest holds)",
        };
        return "The thesis does not say what it predicts, so there is no event study or backtest: add " +
            $"{string.Join(", ", missing.Select(m => examples[m]))} " +
               "to its file (docs/thesis.md, \"What the thesis predicts\").";
    }

    /// <summary>
    /// The weekly readiness from <see cref="ReportInputs.HistoryFrom"/> and "Did it ever work?", both read from one
    /// daily readiness history (<see cref="ReadinessHistory"/>, one stream over the data) that starts where the
    /// earlier of the two needs.
    /// </summary>
    private static (IReadOnlyList<ReadinessPoint> Weekly, StudySection? Study) HistoryAndStudy(ReportInputs r,
        AsOfMarketData view, List<string> notes)
    {
        var assets = StudyAssetsOf(r, notes);
        // The backtest's readiness starts the day before the assets' first shared day.
        var studyFrom = assets?.Start.AddDays(-1) ?? r.HistoryFrom;
        // Components are evaluated on the full data: each day reads only rows dated on or before it.
        var components = ReadinessHistory.Build(r.Thesis, r.Data, Concepts.Signals,
            studyFrom < r.HistoryFrom ? studyFrom : r.HistoryFrom, r.Date, every: StudyReadinessEvery);
        return (components.Weekly(r.HistoryFrom),
            assets is { } a ? Study(r, view, a.Assets, components.Readiness().From(studyFrom), notes) : null);
    }

    /// <summary>
    /// The assets of "Did it ever work?" cut at the report date, and their first shared day; null when the thesis does
    /// not declare a trigger, an outcome and a trade, or the data cannot support them (a note says why).
    /// </summary>
    private static (StudyAssets Assets, DateOnly Start)? StudyAssetsOf(ReportInputs r, List<string> notes)
    {
        var (data, date) = (r.Data, r.Date);
        if (r.Thesis.Predicts is not { Trigger: not null, Outcome: not null, Trade: not null }) return null;
        var crypto = data.ClosesOfClass(AssetClass.Crypto);
        var btc = crypto.FirstOrDefault(c => c.Instrument.Id == AltcoinUniverseOptions.Default.Benchmark);
        if (btc is null || btc.IndexOnOrBefore(date) < 0)
        {
            notes.Add($"No event study or backtest: no BTC closes on or before {date:yyyy-MM-dd}.");
            return null;
        }
        var assets = StudyAssets.Build(AltSeasonMeasurement.Index(data), crypto, date, new AltcoinBasketParameters(),
            new AltcoinSeasonParameters());
        var start = new[] { assets.Btc.First, assets.Eth?.First ?? assets.Btc.First, assets.Basket.Level.First }.Max();
        if (start >= date)
        {
            var names = r.Thesis.Predicts.Names;
            notes.Add($"No event study or backtest: {names.Name("BTC")}, {names.Name("ETH")} and " +
                $"{names.Name(AltcoinBasket.Id)} share no day before {date:yyyy-MM-dd}.");
            return null;
        }
        return (assets, start);
    }

    /// <summary>
    /// "Did it ever work?": the event study of the thesis's trigger on its outcome's assets and its trade as a
    /// rotation, from data up to the report date: the assets are cut at it, the events and the readiness history read
    /// only data dated on or before each day. Null when the trigger cannot be studied (a note says why).
    /// </summary>
    private static StudySection? Study(ReportInputs r, AsOfMarketData view, StudyAssets assets, CalendarPath readiness,
        List<string> notes)
    {
        var date = r.Date;
        var (trigger, outcome, trade) = (r.Thesis.Predicts.Trigger!, r.Thesis.Predicts.Outcome!,
            r.Thesis.Predicts.Trade!);
        var rotation = new RotationParameters(trade.Threshold, trade.Otherwise, Hold: trade.Hold);
        var names = r.Thesis.Predicts.Names;
        var backtest = Backtester.Run(readiness, assets, new BacktestParameters(rotation), names);
        IEventSource source;
        try
        {
            source = TriggerEvents.Source(trigger, r.Thesis, Concepts.Signals, view, assets.Btc.First, date,
                StudyReadinessEvery, readiness);
        }
        catch (NotMeasurableException e)
        {
            notes.Add($"No event study: {e.Message}.");
            return null;
        }
        var horizons = EventStudyParameters.Default.Horizons.Append(outcome.HorizonDays).Distinct().Order().ToList();
        var study = EventStudy.Run(source, assets.Select(outcome.Assets), date,
            EventStudyParameters.Default with { Resamples = StudyResamples, Horizons = horizons }, names);
        var last = study.Events.Count > 0 && assets.Find(outcome.Lead) is { } lead
            ? TriggerOutcome.Of(lead, study.Events[^1].Event.Date, outcome.HorizonDays, date) : null;
        return StudySection.Of(study, backtest, outcome.HorizonDays, StudyReadinessEvery, outcome.Lead, last,
            outcome.Rise, names);
    }
}
