using System.CommandLine;
using Bellwether.Core.Text;
using Bellwether.Data.Import;
using Bellwether.Data.Store;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary><c>bellwether import &lt;dir|file&gt;...</c>: reads files of any known format into the store, all or
/// nothing.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var paths =
            new Argument<string[]>("paths")
            {
                Description = "Files or folders to import (folders are read recursively)",
                Arity = ArgumentArity.OneOrMore
            };
        var skipBad =
            new Option<bool>("--skip-bad")
            {
                Description =
                "Skip bad rows and files of unknown formats (counted and listed) instead of failing"
            };
        var verbose =
            new Option<bool>("--verbose")
            {
                Description =
                "List every file: instrument, dates, rows read, stored, new, revised, skipped, gaps; and every note"
            };
        var format = new Option<string?>("--format")
        {
            Description = "Force a format: "
            + string.Join(", ", Importers.All.Select(i => i.Name))
        };
        var redefine = new Option<bool>("--redefine")
        {
            Description = "Let the files change the class, calendar, quote unit or contract scale of stored "
                          + "instruments",
        };
        var newInstrument = new Option<bool>("--new-instrument")
        {
            Description = "Store a file whose symbol is stored under another class beside it, as an instrument "
                          + "of its own",
        };
        var command = new Command("import",
            "Import market-data files into the store (one transaction; a second import of the same files changes " +
            "nothing)")
        {
            paths, skipBad, format, verbose, redefine, newInstrument,
        };
        command.SetAction(parse =>
        {
            var options = new ImportOptions(parse.GetValue(skipBad),
                parse.GetValue(format))
            { Clock = TimeProvider.System };
            if (options.Format is { } f) _ = Importers.ByName(f);
            var given = parse.GetValue(paths)!;
            // The paths argument would swallow a mistyped option: treat a dash-word that is not a file as one.
            if (given.FirstOrDefault(p => p.StartsWith('-') && !File.Exists(p) && !Directory.Exists(p)) is { } unknown)
                throw new UsageException($"unknown option '{unknown}'");
            if (given.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p) && new FileInfo(p)
                .LinkTarget is null) is { } missing)
                throw new FileNotFoundException($"{missing}: no such file or folder", missing);
            using var store = StoreAccess.OpenForWrite(parse);
            var allowed = new InstrumentChanges(
                Redefine: parse.GetValue(redefine), NewInstruments: parse.GetValue(newInstrument));
            ImportOutcome outcome;
            try
            {
                outcome = RunWithProgress(parse, store, given, options, allowed);
            }
            catch (ImportFailedException e)
            {
                return Failed(parse, e);
            }
            var report = Report(store.Path, outcome);
            if (parse.GetValue(Cli.Json)) Output.WriteJson(parse, report);
            else Print(Output.Console(parse), report, parse.GetValue(verbose));
            return Cli.Ok;
        });
        return command;
    }

    private static ImportOutcome RunWithProgress(ParseResult parse, BellwetherStore store, string[] paths,
        ImportOptions options, InstrumentChanges allowed)
    {
        var now = options.Clock.GetUtcNow();
        if (!Output.CanShowProgress(parse)) return FolderImport.Run(store, paths, options, now, allowed);
        ImportOutcome? outcome = null;
        AnsiConsole.Progress().AutoClear(true).Start(ctx =>
        {
            var reading = ctx.AddTask("reading files");
            var writing = ctx.AddTask("writing to the store");
            outcome = FolderImport.Run(store, paths, options, now, allowed, p =>
            {
                reading.MaxValue = writing.MaxValue = Math.Max(p.Files, 1);
                reading.Value = p.Read;
                writing.Value = p.Written;
            });
        });
        return outcome!;
    }

    /// <summary>Every problem, on stderr (and as a JSON error document on stdout with <c>--json</c>): exit code
    /// 1.</summary>
    private static int Failed(ParseResult parse, ImportFailedException e)
    {
        int total = e.Problems.Count + e.UnlistedProblems;
        if (parse.GetValue(Cli.Json))
            Output.WriteJson(parse, new
            {
                error = $"{total} problem(s); nothing was stored",
                problems = e.Problems.Select(p =>
                    new { file = p.File, line = p.Line, position = p.Position, field = p.Field, reason = p.Reason }),
                unlisted_problems = e.UnlistedProblems,
                not_loaded = e.NotLoaded,
            });
        var error = parse.InvocationConfiguration.Error;
        foreach (var p in e.Problems) error.WriteLine($"error: {Printable.Escape(p.Message)}");
        if (e.UnlistedProblems > 0) error.WriteLine($"error: … and {e.UnlistedProblems} more problem(s) not listed");
        foreach (var n in e.NotLoaded) error.WriteLine(
            $"not loaded: {Printable.Escape(n.Path)}: {Printable.Escape(n.Reason)}");
        error.WriteLine(
            $"{total} problem(s); nothing was stored. Fix the files, or re-run with --skip-bad to skip bad rows and " +
                        "files of unknown formats (each is counted and listed).");
        return Cli.RuntimeError;
    }

    public sealed record InstrumentReport(string Id, DateOnly? First, DateOnly? Last, int Rows, long Inserted,
        long Updated, long Unchanged, int Gaps, int OffCalendar);
    public sealed record FileReport(string Path, string Format, int RowsRead, int Stored, int MergedDuplicates,
        int SkippedCount,
        IReadOnlyList<RowSkip> Skipped, IReadOnlyList<string> Notes, IReadOnlyList<InstrumentReport> Instruments);
    public sealed record Result(string Store, int Files, long Inserted, long Updated, long Unchanged, long Skipped,
        IReadOnlyList<FileReport> FileReports, IReadOnlyList<NotLoaded> NotLoaded, DateTimeOffset CommittedAt);

    private static Result Report(string storePath, ImportOutcome outcome)
    {
        var summary = outcome.Summary;
        StoreChange Change(string key) => summary.Changes.GetValueOrDefault(key) ?? new StoreChange(key, 0, 0, 0);
        var reports = outcome.Files.Select(file =>
            new FileReport(file.Path, file.Format, file.RowsRead, file.RowsKept, file.MergedDuplicates,
            file.Skipped.Count, file.Skipped, file.Notes, file.Contents.Select(c =>
            {
                var id = c.Instrument is { } instrument ? summary.IdOf(instrument) : c.Key;
                var change = Change(id);
                return new InstrumentReport(id, c.First, c.Last, c.Rows, change.Inserted, change.Updated,
                    change.Unchanged, c.Gaps, c.OffCalendar);
            }).ToList())).ToList();
        return new Result(storePath, reports.Count, summary.Inserted, summary.Updated, summary.Unchanged,
            reports.Sum(f => f.SkippedCount), reports, outcome.NotLoaded, outcome.CommittedAt);
    }

    // File names, reasons and notes come from the files: a control character in one must not act on the terminal.
    private static string Shown(string text) => Markup.Escape(Printable.Escape(text));

    private static void Print(IAnsiConsole console, Result r, bool verbose)
    {
        if (verbose) PrintFiles(console, r);
        var skippedFiles = r.FileReports.Where(f => f.SkippedCount > 0).ToList();
        foreach (var file in skippedFiles.Take(verbose ? int.MaxValue : 10))
        {
            console.MarkupLine($"[yellow]{Shown(file.Path)}: {file.SkippedCount} row(s) skipped[/]");
            foreach (var group in file.Skipped.GroupBy(s => s.Reason).Take(verbose ? 10 : 3))
                console.MarkupLine(
                    $"  {group.Count()} × {Shown(group.Key)} ({group.First().Position} " +
                    $"{string.Join(", ", group.Take(5).Select(s => s.Line))}{(group.Count() > 5 ? ", …" : "")})");
        }
        if (!verbose
            && skippedFiles.Count > 10) console.MarkupLine(
            $"[yellow]… and {skippedFiles.Count - 10} more file(s) with skipped rows (--verbose lists them)[/]");
        foreach (var n in r.NotLoaded) console.MarkupLine($"[yellow]not loaded: {Shown(n.Path)}: {Shown(n.Reason)}[/]");
        var notes = r.FileReports.SelectMany(f => f.Notes).ToList();
        if (verbose) foreach (var note in notes) console.MarkupLine($"[grey]note: {Shown(note)}[/]");
        else if (notes.Count > 0) console.MarkupLine(
            $"[grey]{notes.Count} note(s) on units, sources and columns not stored (--verbose lists them)[/]");
        var instruments = r.FileReports.Sum(f => f.Instruments.Count);
        console.MarkupLine(
            $"{r.Files} file(s), {instruments} instrument(s) and list(s) into {Shown(r.Store)}: [green]" +
            $"{r.Inserted:#,0} new[/], " +
                           $"{r.Updated:#,0} revised, {r.Unchanged:#,0} unchanged, {r.Skipped:#,0} skipped; " +
                           $"{r.NotLoaded.Count} file(s) not loaded" +
                           (r.Inserted + r.Updated == 0 ? " — nothing changed" : ""));
    }

    private static void PrintFiles(IAnsiConsole console, Result r)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("file", "format", "instrument", "from", "to", "read", "stored", "new", "revised", "skipped",
                "gaps");
        foreach (var file in r.FileReports)
        {
            // Folder and file name: whole paths wrap over several lines of a table.
            var name = Path.Combine(Path.GetFileName(Path.GetDirectoryName(file.Path)) ?? "",
                Path.GetFileName(file.Path));
            foreach (var i in file.Instruments.DefaultIfEmpty(new InstrumentReport("-", null, null, 0, 0, 0, 0, 0, 0)))
                table.AddRow(Shown(name), file.Format, Shown(i.Id), $"{i.First:yyyy-MM-dd}", $"{i.Last:yyyy-MM-dd}",
                    file.RowsRead.ToString(), i.Rows.ToString(), i.Inserted.ToString(), i.Updated.ToString(),
                    file.SkippedCount == 0 ? "0" : $"[yellow]{file.SkippedCount}[/]", i.Gaps.ToString());
        }
        console.Write(table);
    }
}
