using System.CommandLine;
using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Bellwether.Data.Import;
using Bellwether.Data.Store;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary><c>bellwether import &lt;dir|file&gt;...</c>: reads files of any known format into the store, all or nothing.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders to import (folders are read recursively)", Arity = ArgumentArity.OneOrMore };
        var skipBad = new Option<bool>("--skip-bad") { Description = "Skip bad rows (counted and listed) instead of failing on the first" };
        var format = new Option<string?>("--format") { Description = "Force a format: " + string.Join(", ", Importers.All.Select(i => i.Name)) };
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
        var command = new Command("import", "Import market-data files into the store (one transaction; a second import of the same files changes nothing)")
        {
            paths, skipBad, format, redefine, newInstrument,
        };
        command.SetAction(parse =>
        {
            var options = new ImportOptions(parse.GetValue(skipBad), parse.GetValue(format)) { Clock = TimeProvider.System };
            if (options.Format is { } f) _ = Importers.ByName(f);
            var given = parse.GetValue(paths)!;
            // The paths argument would swallow a mistyped option: treat a dash-word that is not a file as one.
            if (given.FirstOrDefault(p => p.StartsWith('-') && !File.Exists(p) && !Directory.Exists(p)) is { } unknown)
                throw new UsageException($"unknown option '{unknown}'");
            var ignored = new List<string>();
            var files = Importers.ExpandPaths(given, ignored);
            var parsed = ReadWithProgress(parse, files, options);
            using var store = StoreAccess.OpenForWrite(parse);
            var allowed = new InstrumentChanges(
                Redefine: parse.GetValue(redefine), NewInstruments: parse.GetValue(newInstrument));
            var summary = store.Import(parsed, DateTimeOffset.UtcNow, allowed);
            var report = Report(store.Path, parsed, ignored, summary);
            if (parse.GetValue(Cli.Json)) Output.WriteJson(parse, report);
            else Print(Output.Console(parse), report);
            return Cli.Ok;
        });
        return command;
    }

    private static List<ParsedFile> ReadWithProgress(ParseResult parse, List<string> files, ImportOptions options)
    {
        if (!Output.CanShowProgress(parse) || files.Count < 20) return Importers.ReadAll(files, options);
        List<ParsedFile> result = [];
        AnsiConsole.Progress().AutoClear(true).Start(ctx =>
        {
            var task = ctx.AddTask("reading files", maxValue: files.Count);
            result = Importers.ReadAll(files, options, done => task.Value = done);
        });
        return result;
    }

    public sealed record InstrumentReport(string Id, DateOnly? First, DateOnly? Last, int Rows, long Inserted, long Updated, long Unchanged, int Gaps, int OffCalendar);
    public sealed record FileReport(string Path, string Format, int RowsRead, int Stored, int MergedDuplicates, int SkippedCount,
        IReadOnlyList<RowSkip> Skipped, IReadOnlyList<string> Notes, IReadOnlyList<InstrumentReport> Instruments);
    public sealed record Result(string Store, int Files, long Inserted, long Updated, long Unchanged, long Skipped,
        IReadOnlyList<FileReport> FileReports, IReadOnlyList<string> Ignored);

    private static Result Report(string storePath, List<ParsedFile> parsed, List<string> ignored, ImportSummary summary)
    {
        StoreChange Change(string key) => summary.Changes.GetValueOrDefault(key) ?? new StoreChange(key, 0, 0, 0);
        // Series and flow tables alike: dated rows of an instrument on its calendar.
        InstrumentReport Dated(Instrument instrument, DateOnly[] dates)
        {
            var id = summary.IdOf(instrument);
            var c = Change(id);
            var coverage = dates.Length == 0 ? default : TradingCalendar.For(instrument.Calendar, dates[0]).Coverage(dates);
            return new InstrumentReport(id, dates.Length > 0 ? dates[0] : null, dates.Length > 0 ? dates[^1] : null,
                dates.Length, c.Inserted, c.Updated, c.Unchanged, coverage.Missing, coverage.OffCalendar);
        }
        var reports = parsed.Select(file =>
        {
            var instruments = file.Series.Select(s => Dated(s.Instrument, s.Dates)).Concat(file.Flows.Select(t => Dated(t.Instrument, t.Dates))).Concat(file.ClassificationList is { } list ? [ListReport(list, file.Classifications.Count, Change(list), null, null)] : [])
              .Concat(file.Rankings.GroupBy(r => r.Source).Select(g => ListReport(g.Key, g.Count(), Change(g.Key), g.Min(r => r.Date), g.Max(r => r.Date))))
              .ToList();
            return new FileReport(file.Path, file.Format, file.RowsRead, file.RowsKept, file.MergedDuplicates, file.Skipped.Count,
                file.Skipped, file.Notes, instruments);
        }).ToList();
        return new Result(storePath, parsed.Count, summary.Inserted, summary.Updated, summary.Unchanged,
            parsed.Sum(p => p.Skipped.Count), reports, ignored);
    }

    private static InstrumentReport ListReport(string key, int rows, StoreChange c, DateOnly? first, DateOnly? last) =>
        new(key, first, last, rows, c.Inserted, c.Updated, c.Unchanged, 0, 0);

    private static void Print(IAnsiConsole console, Result r)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("file", "format", "instrument", "from", "to", "read", "stored", "new", "revised", "skipped", "gaps");
        foreach (var file in r.FileReports)
        {
            var name = Path.GetRelativePath(Environment.CurrentDirectory, file.Path);
            foreach (var i in file.Instruments.DefaultIfEmpty(new InstrumentReport("-", null, null, 0, 0, 0, 0, 0, 0)))
                table.AddRow(Markup.Escape(name), file.Format, Markup.Escape(i.Id), $"{i.First:yyyy-MM-dd}", $"{i.Last:yyyy-MM-dd}",
                    file.RowsRead.ToString(), i.Rows.ToString(), i.Inserted.ToString(), i.Updated.ToString(),
                    file.SkippedCount == 0 ? "0" : $"[yellow]{file.SkippedCount}[/]", i.Gaps.ToString());
        }
        console.Write(table);
        foreach (var file in r.FileReports.Where(f => f.SkippedCount > 0))
        {
            console.MarkupLine($"[yellow]{Markup.Escape(file.Path)}: {file.SkippedCount} row(s) skipped[/]");
            foreach (var group in file.Skipped.GroupBy(s => s.Reason).Take(10))
                console.MarkupLine($"  {group.Count()} × {Markup.Escape(group.Key)} ({group.First().Position} {string.Join(", ", group.Take(5).Select(s => s.Line))}{(group.Count() > 5 ? ", …" : "")})");
        }
        foreach (var note in r.FileReports.SelectMany(f => f.Notes)) console.MarkupLine($"[grey]note: {Markup.Escape(note)}[/]");
        foreach (var path in r.Ignored) console.MarkupLine($"[grey]ignored (not a data file): {Markup.Escape(path)}[/]");
        console.MarkupLine($"{r.Files} file(s) into {Markup.Escape(r.Store)}: [green]{r.Inserted} new[/], {r.Updated} revised, {r.Unchanged} unchanged, {r.Skipped} skipped"
                           + (r.Inserted + r.Updated == 0 ? " — nothing changed" : ""));
    }
}
