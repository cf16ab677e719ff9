using System.CommandLine;
using Bellwether.Api;
using Bellwether.Core.Measurements;
using Bellwether.Data.Claims;
using Bellwether.Data.Thesis;
using Bellwether.Report;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary><c>bellwether report</c>: parses the options, lets <see cref="ReportBuilder"/> assemble the report and
/// writes one self-contained HTML page (plotly.js inlined, works offline), optionally Markdown and PNGs.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var asOf = new Option<string?>("--as-of")
        { Description = "Data known on this date (yyyy-MM-dd; default: the latest with every input current)" };
        var output = new Option<string>("--output", "-o")
        { Description = "HTML file to write", DefaultValueFactory = _ => "report.html" };
        var pngDir = new Option<string?>("--png-dir")
        { Description = "Also write each chart as a PNG here (headless Chromium on PATH or BELLWETHER_CHROMIUM)" };
        var markdown = new Option<bool>("--markdown")
        { Description = "Also write the report as Markdown next to the HTML file (.md)" };
        var thesis = new Option<string?>("--thesis")
        { Description = $"Thesis file (default: the shipped theses/{ThesisFile.DefaultName})" };
        var claims = new Option<string?>("--claims")
        { Description = "Claims file to check (default: the one the thesis declares, if any); 'none' to leave out" };
        var since = new Option<string?>("--history-from")
        { Description = "First date of the weekly readiness and index histories (default: 3 years before the date)" };
        var command = new Command("report",
            "Write the thesis report: summary, board, claim check and interactive charts in one offline HTML file")
            { asOf, output, pngDir, markdown, thesis, claims, since };
        command.SetAction(parse =>
        {
            var (asOfDate, historyFrom) = (StoreAccess.Date(parse, asOf), StoreAccess.Date(parse, since));
            var (path, pngFolder) = (OutputPaths.File(parse, output), OutputPaths.Folder(parse, pngDir));
            // Checked before the work: the report takes seconds, and a PNG export without Chromium would fail after it.
            if (pngFolder is not null
                && Chromium.Find() is null) throw new InvalidOperationException($"--png-dir: {Chromium.Missing}");
            string? markdownPath = parse.GetValue(markdown)
                ? OutputPaths.File("--markdown", Path.ChangeExtension(path, ".md")) : null;
            var (definition, thesisFile) = StudyInputs.LoadThesis(parse, thesis);
            var claimSet = StudyInputs.Definition(() =>
                ClaimsFile.LoadForReport(parse.GetValue(claims), definition, thesisFile, Concepts.Claims));
            using var store = StoreAccess.OpenForRead(parse);
            var data = StoreAccess.MarketData(parse, store);
            var (date, chosen) = asOfDate is { } given ? (given, null)
                : ThesisDates.Latest(store, data, definition, Concepts.Signals);
            // Three years of weekly readiness keep the report quick; --history-from 2018-01-01 draws the whole span.
            var historyStart = historyFrom ?? date.AddYears(-3);
            if (historyStart > date) throw new UsageException("--history-from is after the report date");
            var dateNote = chosen is not null ? $"Report date {date:yyyy-MM-dd} (no --as-of given): {chosen.Reason}."
                : StoreAccess.PastTheData(store, date) is { } past ? $"Report date {past}." : null;
            var content = ReportBuilder.Build(new ReportInputs(definition, claimSet, data, date, historyStart,
                store.LoadPublishedReadings(), dateNote));
            var folder = Directory.CreateDirectory(Path.GetDirectoryName(path)!).FullName;
            File.WriteAllText(path, ThesisReport.Page(content).Render());
            var pngs = pngFolder is null ? null : PngExport.Export(content.AllCharts, pngFolder);
            if (markdownPath is not null)
                File.WriteAllText(markdownPath, ThesisReport.Markdown(content, pngs?.ToDictionary(p => p.Key,
                    p => Path.GetRelativePath(folder, Path.Combine(pngFolder!, p.Value)))));
            if (parse.GetValue(Cli.Json))
                Output.WriteJson(parse, ReportJson.Of(content, path, markdownPath, pngFolder));
            else
            {
                var readiness = content.Board.Withheld is null
                    ? $"{BoardText.Readiness(content.Board.Readiness)}/100" : "withheld";
                Output.Console(parse).MarkupLine($"Wrote [bold]{Markup.Escape(path)}[/] ({content.AllCharts.Count} " +
                    $"charts, readiness {readiness} as of {date:yyyy-MM-dd})" +
                    (markdownPath is null ? "" : $", {Markup.Escape(markdownPath)}") +
                    (pngs is null ? "" : $", {pngs.Count} PNGs") + ".");
                if (chosen is not null) Output.Console(parse)
                    .MarkupLine(Markup.Escape($"Date: {date:yyyy-MM-dd}, no --as-of given: {chosen.Reason}."));
            }
            return Cli.Ok;
        });
        return command;
    }
}
