using System.Globalization;
using System.Text;
using Bellwether.Core.Board;
using Bellwether.Core.Study.Paths;
using Bellwether.Core.Text;

namespace Bellwether.Report;

/// <summary>One claim of a claims file, as the report shows it.</summary>
/// <param name="Verdict">supported, partly, not_supported or not_checkable.</param>
/// <param name="Figures">The readings in one line, e.g. "daily log returns 0.31; weekly 0.42; levels 0.83".</param>
public sealed record ClaimSummary(string Id, string Text, string Verdict, string Figures);

/// <summary>Everything the report shows; every number in it comes from the board, claims and charts given.</summary>
/// <param name="Claims">The claim check, or empty when no claims file was checked.</param>
/// <param name="ClaimsSource">The claims file and the date its claims were made.</param>
/// <param name="Charts">Figures in page order.</param>
/// <param name="Notes">Data notes: freshness, gaps, skipped inputs.</param>
/// <param name="Study">"Did it ever work?": the event study and the backtest, or null when the data cannot support
/// them.</param>
/// <param name="StudyAbsent">Why there is no study, and what to add to the thesis file, when it declares no trigger,
/// outcome or trade.</param>
/// <param name="Turning">The counted signals nearest to a rule's threshold, nearest first.</param>
public sealed record ReportContent(
    string ThesisDescription, BoardResult Board, IReadOnlyList<ClaimSummary> Claims, string? ClaimsSource,
    IReadOnlyList<Figure> Charts, IReadOnlyList<string> Notes, StudySection? Study = null, string? StudyAbsent = null,
    IReadOnlyList<TurningSignal>? Turning = null)
{
    /// <summary>Every figure on the page: the study's, then the charts section's.</summary>
    public IReadOnlyList<Figure> AllCharts => [.. Study?.Charts ?? [], .. Charts];
}

/// <summary>The thesis report: a written summary generated from the computed figures, the board, the claim check and
/// charts.</summary>
public static class ThesisReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// The summary: first where the thesis stands (readiness and its support), what has and has not happened (trigger
    /// against outcome), whether history gives it an edge (the trade out of sample, the event study's strongest
    /// adjusted finding) and what would change the picture (the signals nearest to turning); then the evidence for and
    /// against, one line per concept, and the claims. Each sentence is built from figures of the board, study or
    /// claims.
    /// </summary>
    public static IReadOnlyList<string> Summary(ReportContent c)
    {
        var b = c.Board;
        var lines = new List<string>();
        // Only counted signals take a side: a stale or unweighted reading is shown on the board, not argued here.
        var concepts = Concepts(b.Signals.Where(b.IsCounted));
        int Count(SignalState s) => concepts.Count(x => x.State == s);
        int notMeasurable = b.Signals.Count(s => s.State == SignalState.NotMeasurable);
        int stale = b.Signals.Count(s => s.Stale && s.State != SignalState.NotMeasurable);
        string sides =
            $"{Count(SignalState.Supports)} of the concepts it measures support it, {Count(SignalState.Against)} " +
            "contradict it " +
                       $"and {Count(SignalState.Neutral)} are neutral; {Signals(notMeasurable)} cannot be measured" +
                       $"{(stale > 0 ? $" and {Signals(stale)} rest on stale data (shown, not counted)" : "")}.";
        lines.Add(b.Withheld is { } why
            ? $"As of {b.AsOf:yyyy-MM-dd}, readiness is not reported: {why}. {sides}"
            : $"As of {b.AsOf:yyyy-MM-dd}, readiness is {b.Readiness.ToString("0", Inv)}/100, from the " +
            $"{ValueText.Of(b.Counted, ValueKind.Share)} " +
              "of the thesis's weight that could be measured (it needs " +
              $"{ValueText.Of(b.MinMeasured, ValueKind.Share)}): {sides}");
        if (c.Study is { } study)
        {
            lines.Add(TriggerAgainstOutcome(study));
            lines.AddRange(Edge(study));
        }
        else if (c.StudyAbsent is not null)
            lines.Add(
                "The thesis does not declare its trigger, outcome and trade, so nothing here says whether it " +
                "happened or ever worked (see \"Did it ever work?\").");
        if (c.Turning is { Count: > 0 } turning)
            lines.Add($"Nearest to turning: {string.Join("; ", turning)}.");
        foreach (var (state, word) in new[] { (SignalState.Supports, "For"), (SignalState.Against, "Against") })
            if (concepts.Where(x => x.State == state).ToList() is { Count: > 0 } side)
                lines.Add($"{word}: {string.Join("; ", side.Select(x => x.Text))}.");
        if (c.Claims.Count > 0)
        {
            var byVerdict = c.Claims.GroupBy(x => x.Verdict).ToDictionary(g => g.Key, g => g.Count());
            lines.Add(
                $"Of the {c.Claims.Count} claims checked{(c.ClaimsSource is null ? "" : $" ({c.ClaimsSource})")}, "
                      + $"{byVerdict.GetValueOrDefault("supported")} are supported by the data, " +
                      $"{byVerdict.GetValueOrDefault("partly")} partly, "
                      + $"{byVerdict.GetValueOrDefault("not_supported")} are not supported and " +
                      $"{byVerdict.GetValueOrDefault("not_checkable")} cannot be checked with the data at hand.");
        }
        return lines;
    }

    private static string Signals(int n) => n == 1 ? "1 signal" : $"{n.ToString(Inv)} signals";

    /// <summary>
    /// Signals of one kind reading the same inputs in the same state are one concept (the Altcoin Season Index's
    /// four variants are one line with their four values), in board order.
    /// </summary>
    private static List<(SignalState State, string Text)> Concepts(IEnumerable<SignalResult> counted) =>
        counted.GroupBy(s =>
            (s.State, s.Kind, Inputs: string.Join(",", s.Inputs.Select(i => i.Id).Order(StringComparer.Ordinal))))
            .Select(g => (g.Key.State, Text: Concept(g.ToList()))).ToList();

    private static string Concept(List<SignalResult> readings)
    {
        if (readings.Count == 1)
            return ValueText.Of(readings[0].Value, readings[0].Unit) is { Length: > 0 } v ? $"{readings[0].Title} ({v})"
                : readings[0].Title;
        // The titles' common part before their variant in brackets: "Altcoin Season Index (90 days, top 50)" → "Altcoin
        // Season Index".
        var stem = readings[0].Title.Split(" (")[0];
        var title = readings.All(r => r.Title.StartsWith(stem, StringComparison.Ordinal)) ? stem : readings[0].Title;
        return $"{title} ({readings.Count} readings: " +
            $"{string.Join(", ", readings.Select(r => ValueText.Of(r.Value, r.Unit)))})";
    }

    /// <summary>What has and has not happened: the trigger's last event, and what the outcome asset did after
    /// it.</summary>
    private static string TriggerAgainstOutcome(StudySection s)
    {
        var trigger = $"The trigger ({s.Study.SourceDescription})";
        var asset = s.Names.Name(s.Lead);
        var expects = $"{(s.Rise ? "a rise" : "a fall")} within {s.ChartDays} days";
        if (s.Study.Events.Count == 0) return $"{trigger} has not happened up to {s.Study.AsOf:yyyy-MM-dd}: the " +
            $"outcome the thesis expects, {expects} of {asset}, has nothing to follow yet.";
        if (s.LastTrigger is not { } last) return $"{trigger} last happened on " +
            $"{s.Study.Events[^1].Event.Date:yyyy-MM-dd}; {asset} has no value to measure the outcome from.";
        bool came = s.Rise ? last.Move > 0 : last.Move < 0;
        var move = StudySection.Value(s.Lead, last.Move);
        return last.Ended
            ? $"{trigger} last happened on {last.Event:yyyy-MM-dd}; in the {s.ChartDays} days after it {asset} moved " +
            $"{move}, so the outcome the thesis expects ({expects}) {(came ? "came" : "did not come")}."
            : $"{trigger} last happened on {last.Event:yyyy-MM-dd}; since then {asset} has moved {move} to " +
            $"{last.To:yyyy-MM-dd}, {last.To.DayNumber - last.Event.DayNumber} of the {s.ChartDays} days " +
              $"the thesis gives it: the outcome it expects ({(s.Rise ? "a rise" : "a fall")}) " +
              $"{(came ? "is under way" : "has not come yet")}.";
    }

    /// <summary>Whether history gives the thesis an edge: its trade out of sample, and the study's strongest adjusted
    /// finding.</summary>
    private static IEnumerable<string> Edge(StudySection s)
    {
        var b = s.Backtest;
        if (b.Strategies.FirstOrDefault(x => x.Id == "rotation") is { } trade
            && b.Strategies.FirstOrDefault(x => x.Id == "btc") is { } btc)
        {
            bool better = trade.OutOfSample.Sharpe > btc.OutOfSample.Sharpe;
            yield return $"Out of sample ({b.Split:yyyy-MM-dd} to {b.To:yyyy-MM-dd}) the thesis's trade made " +
                $"{StudySection.Pct(trade.OutOfSample.Cagr)} a year " +
                         $"(Sharpe {StudySection.Num(trade.OutOfSample.Sharpe)}) against " +
                         $"{StudySection.Pct(btc.OutOfSample.Cagr)} (Sharpe " +
                         $"{StudySection.Num(btc.OutOfSample.Sharpe)}) " +
                         $"for holding {s.Bitcoin}: " +
                         (better ? $"it beat holding {s.Bitcoin} on risk-adjusted terms, in one split of one history"
                             : $"it did not beat holding {s.Bitcoin}") + ".";
        }
        if (s.Study.Summaries.Where(x => !double.IsNaN(x.PHolm)).MinBy(x => x.PHolm) is { } best)
            yield return "The event study's strongest finding after Holm's correction, " +
                $"{s.Names.Name(best.Asset)} over {best.Days} days " +
                         $"({StudySection.Value(best.Asset, best.Difference)} against an ordinary day, Holm-adjusted " +
                         $"p = {StudySection.P(best.PHolm)}, " +
                         $"{best.IndependentEvents} independent events), " +
                         (best.PHolm < 0.05 ? "is significant at 5%"
                             : "is not significant: history shows no edge after the trigger") + ".";
    }

    /// <summary>The HTML page.</summary>
    public static HtmlPage Page(ReportContent c)
    {
        var b = c.Board;
        var page = new HtmlPage($"{b.Thesis}: where the thesis stands",
            $"As of {b.AsOf:yyyy-MM-dd} · generated by Bellwether from stored market data, point in time");
        page.Heading("Summary", "summary");
        foreach (var line in Summary(c)) page.Paragraph(line);
        if (c.ThesisDescription.Length > 0) page.Paragraph(c.ThesisDescription, "note");
        page.Heading("The board", "board");
        var readiness = b.Withheld is { } withheld ? $"Readiness withheld ({withheld})"
            : $"Readiness {Format(b.Readiness, "0")} / 100";
        page.Paragraph(
            $"{readiness} · measured weight {ValueText.Of(b.Counted, ValueKind.Share)} (needs " +
            $"{ValueText.Of(b.MinMeasured, ValueKind.Share)}). " +
                       "Supports scores 1, neutral 0.5, against 0; stale or unmeasurable signals are shown but not " +
                       "counted.", "big");
        page.Table(["signal", "state", "value", "since", "explanation", "window", "weight"],
            b.Signals.Select(s => (IReadOnlyList<(string, string?)>)
        [
            (s.Title, null), (StateWord(s.State) + (s.Stale ? " (stale)" : ""), Css(s.State)), (Shown(s), "num"),
            ($"{s.Since:yyyy-MM-dd}", null), (s.Explanation, null), ($"{s.From:yyyy-MM-dd} → {s.To:yyyy-MM-dd}", null),
                (s.Weight.ToString("0.##", Inv), "num"),
        ]));
        if (c.Claims.Count > 0)
        {
            page.Heading("Checking the article's claims", "claims");
            if (c.ClaimsSource is not null) page.Paragraph(c.ClaimsSource, "note");
            page.Table(["claim", "verdict", "what the data says"],
                c.Claims.Select(x => (IReadOnlyList<(string, string?)>)
                [(x.Text, null), (x.Verdict.Replace('_', ' '), x.Verdict), (x.Figures, null)]));
        }
        if (c.Study is { } study) StudyPage(page, study);
        else if (c.StudyAbsent is { } absent)
        {
            page.Heading("Did it ever work?", "study");
            page.Paragraph(absent);
        }
        page.Heading("Charts", "charts");
        foreach (var figure in c.Charts) page.Chart(figure);
        if (c.Notes.Count > 0)
        {
            page.Heading("Data notes", "notes");
            page.Bullets(c.Notes);
        }
        return page;
    }

    private static void StudyPage(HtmlPage page, StudySection s)
    {
        page.Heading("Did it ever work?", "study");
        foreach (var line in s.Paragraph()) page.Paragraph(line);
        page.Chart(s.Charts[0]);
        var horizons = string.Join(" / ", s.EventHorizons.Select(h => $"{h} days"));
        var points = s.Assets.Contains(StudyAssets.AltSeasonId) ? $"{s.Names.Name(StudyAssets.AltSeasonId)} in points; "
            : "";
        page.Paragraph(
            $"Each event: what each asset did over the next {horizons} ({points}open: the window has not ended).",
            "note");
        page.Table(["event", .. s.Assets.Select(s.Names.Label)], s.EventRows()
            .Select(r => (IReadOnlyList<(string, string?)>)[.. r.Select((cell, i) => (cell, i == 0 ? null : "num"))]));
        if (s.EventsWithoutData > 0) page.Paragraph(
            $"{s.EventsWithoutData} earlier event(s) come before every asset's data and are not shown.", "note");
        page.Paragraph(
            "Events against all days: the mean move after an event, the mean over every day, their difference with a " +
            "stationary-bootstrap 95% interval, the Holm-adjusted p-value and the share of moves above 0. Events " +
            "(independent): those with a value, and how many of their windows do not overlap.", "note");
        page.Table(StudySection.SummaryHeader, s.SummaryRows()
            .Select(r => (IReadOnlyList<(string, string?)>)[.. r.Select((cell, i) => (cell, i < 2 ? null : "num"))]));
        if (s.Warnings.Count > 0) page.Bullets(s.Warnings);
        page.Chart(s.Charts[1]);
        page.Paragraph(s.Split, "note");
        page.Table(StudySection.MetricHeader, s.MetricRows()
            .Select(r => (IReadOnlyList<(string, string?)>)[.. r.Select((cell, i) => (cell, i == 0 ? null : "num"))]));
    }

    private static void StudyMarkdown(StringBuilder md, StudySection s, IReadOnlyDictionary<string, string>? pngNames)
    {
        md.AppendLine().AppendLine("## Did it ever work?").AppendLine();
        foreach (var line in s.Paragraph()) md.AppendLine(line).AppendLine();
        void Chart(Figure f)
        {
            if (pngNames?.TryGetValue(f.Id, out var png) == true) md.AppendLine($"![{f.Title}]({png})").AppendLine();
        }
        Chart(s.Charts[0]);
        md.AppendLine($"Each event: the next {string.Join(" / ", s.EventHorizons.Select(h => $"{h} days"))}.")
            .AppendLine();
        Table(md, ["event", .. s.Assets.Select(s.Names.Label)], s.EventRows());
        md.AppendLine();
        Table(md, StudySection.SummaryHeader, s.SummaryRows());
        foreach (var w in s.Warnings) md.AppendLine().Append("- ").Append(w);
        md.AppendLine().AppendLine();
        Chart(s.Charts[1]);
        md.AppendLine(s.Split).AppendLine();
        Table(md, StudySection.MetricHeader, s.MetricRows());
    }

    private static void Table(StringBuilder md, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        md.AppendLine($"| {string.Join(" | ", header.Select(Cell))} |")
            .AppendLine($"|{string.Concat(header.Select((_, i) => i == 0 ? "---|" : "---:|"))}");
        foreach (var r in rows) md.AppendLine($"| {string.Join(" | ", r.Select(Cell))} |");
    }

    /// <summary>The same report as Markdown (charts referenced as PNG files when <paramref name="pngNames"/> are
    /// given).</summary>
    public static string Markdown(ReportContent c, IReadOnlyDictionary<string, string>? pngNames = null)
    {
        var b = c.Board;
        var md = new StringBuilder();
        md.AppendLine($"# {b.Thesis}: where the thesis stands").AppendLine().AppendLine($"As of {b.AsOf:yyyy-MM-dd}.")
            .AppendLine();
        md.AppendLine("## Summary").AppendLine();
        foreach (var line in Summary(c)) md.AppendLine(line).AppendLine();
        md.AppendLine("## The board").AppendLine().AppendLine("| signal | state | value | since | explanation |")
            .AppendLine("|---|---|---:|---|---|");
        foreach (var s in b.Signals)
            md.AppendLine(
                $"| {Cell(s.Title)} | {StateWord(s.State)}{(s.Stale ? " (stale)" : "")} | {Shown(s)} | " +
                $"{s.Since:yyyy-MM-dd} | {Cell(s.Explanation)} |");
        if (c.Claims.Count > 0)
        {
            md.AppendLine().AppendLine("## Checking the article's claims").AppendLine()
                .AppendLine("| claim | verdict | what the data says |").AppendLine("|---|---|---|");
            foreach (var x in c.Claims) md.AppendLine(
                $"| {Cell(x.Text)} | {x.Verdict.Replace('_', ' ')} | {Cell(x.Figures)} |");
        }
        if (c.Study is { } study) StudyMarkdown(md, study, pngNames);
        else if (c.StudyAbsent is { } absent) md.AppendLine().AppendLine("## Did it ever work?").AppendLine()
        .AppendLine(absent);
        if (pngNames is { Count: > 0 })
        {
            md.AppendLine().AppendLine("## Charts").AppendLine();
            foreach (var f in c.Charts.Where(f =>
                pngNames.ContainsKey(f.Id))) md.AppendLine($"![{f.Title}]({pngNames[f.Id]})").AppendLine();
        }
        if (c.Notes.Count > 0)
        {
            md.AppendLine().AppendLine("## Data notes").AppendLine();
            foreach (var n in c.Notes) md.AppendLine($"- {n}");
        }
        return md.ToString();
    }

    private static string StateWord(SignalState s) => s switch
    {
        SignalState.Supports => "supports",
        SignalState.Against => "against",
        SignalState.Neutral => "neutral",
        _ => "not measurable",
    };

    private static string Css(SignalState s) => s switch
    {
        SignalState.Supports => "supports",
        SignalState.Against => "against",
        SignalState.Neutral => "neutral",
        _ => "not_measurable",
    };

    private static string Format(double v, string format) => double.IsNaN(v) ? "—" : v.ToString(format, Inv);

    /// <summary>A signal's value as the formatting table writes it in its unit; a dash without a value.</summary>
    public static string Shown(SignalResult s) => double.IsNaN(s.Value) ? ValueText.Missing
        : ValueText.Of(s.Value, s.Unit);

    private static string Cell(string s) => s.Replace("|", "\\|").Replace("\n", " ");
}
