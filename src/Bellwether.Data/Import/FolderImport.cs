using Bellwether.Core.Calendars;
using Bellwether.Data.Store;

namespace Bellwether.Data.Import;

/// <summary>What one loaded file holds for one instrument or list.</summary>
/// <param name="Key">Instrument id as parsed, or the name of a coin list or ranking.</param>
/// <param name="Instrument">The instrument as parsed (null for a list): <see cref="ImportSummary.IdOf"/> gives its
/// stored id.</param>
public sealed record LoadedContent(string Key, Core.Instruments.Instrument? Instrument, DateOnly? First, DateOnly? Last,
    int Rows, int Gaps, int OffCalendar);

/// <summary>The account of one file an import loaded: what was read, kept, skipped, and noted.</summary>
public sealed record LoadedFile(string Path, string Format, int RowsRead, int RowsKept, int MergedDuplicates,
    IReadOnlyList<RowSkip> Skipped, IReadOnlyList<string> Notes, IReadOnlyList<LoadedContent> Contents);

/// <summary>One problem that made an import fail: file, line (or JSON element) and field, and why.</summary>
/// <param name="Line">0 when the problem concerns the whole file.</param>
public sealed record ImportProblem(string File, int Line, string Position, string Field, string Reason)
{
    /// <summary>The problem in the words of <see cref="ImportException"/>.</summary>
    public string Message => new ImportException(File, Line, Field, Reason, Position).Message;
}

/// <summary>What an import did: every file loaded, every file not loaded with its reason, and the store's
/// changes.</summary>
/// <param name="CommittedAt">When its transaction had committed, by the import's clock: from then on another process
/// reading the store can see the change (once the importer closes the file: DuckDB lets one process open it to
/// write).</param>
public sealed record ImportOutcome(IReadOnlyList<LoadedFile> Files, IReadOnlyList<NotLoaded> NotLoaded,
    ImportSummary Summary, DateTimeOffset CommittedAt);

/// <summary>An import that stored nothing: every problem found (a listed number, the rest counted), and the files not
/// loaded.</summary>
public sealed class ImportFailedException(IReadOnlyList<ImportProblem> problems, int unlistedProblems,
    IReadOnlyList<NotLoaded> notLoaded)
    : Exception($"{problems.Count + unlistedProblems} problem(s); nothing was stored. First: {problems[0].Message}")
{
    public IReadOnlyList<ImportProblem> Problems { get; } = problems;
    public int UnlistedProblems { get; } = unlistedProblems;
    public IReadOnlyList<NotLoaded> NotLoaded { get; } = notLoaded;
}

/// <summary>How far an import has come: files read (parsed and checked), and files written to the store.</summary>
public readonly record struct ImportProgress(int Files, int Read, int Written);

/// <summary>
/// Imports files and folders into the store, all or nothing, accounting for every file. Files are parsed on all
/// cores a few at a time (as many bytes of files in flight as the largest file, 32 MiB at least) and written in
/// path order in batches inside one transaction, so memory stays bounded whatever the number of files. A bad file
/// does not stop the reading: every problem of every file is collected (capped at
/// <see cref="RowContext.MaxProblemsListed"/> listed, the rest counted), and the import then fails, rolled back.
/// Under <c>--skip-bad</c>, files of no known format and files refused as a whole are listed as not loaded instead.
/// </summary>
public static class FolderImport
{
    private const long MinBytesInFlight = 32L << 20;

    /// <param name="allowed">What the import may change of stored instruments (see
    /// <see cref="InstrumentChanges"/>).</param>
    public static ImportOutcome Run(BellwetherStore store, IReadOnlyList<string> paths, ImportOptions options,
        DateTimeOffset importedAt, InstrumentChanges? allowed = null, Action<ImportProgress>? progress = null)
    {
        var notLoaded = new List<NotLoaded>();
        var files = Importers.ExpandPaths(paths, notLoaded);
        var loaded = new List<LoadedFile>();
        var problems = new List<ImportProblem>();
        int unlisted = 0, read = 0, handed = 0, written = 0;
        void Report() => progress?.Invoke(new ImportProgress(files.Count, read, written));

        void Problem(ImportException e)
        {
            foreach (var p in e.Problems)
                if (problems.Count < RowContext.MaxProblemsListed) problems.Add(new ImportProblem(e.File, p.Line,
                    p.Position, p.Field, p.Reason));
                else unlisted++;
            unlisted += e.UnlistedProblems;
        }

        // Parses one file; its problems, or why it was not loaded, come back instead of the content.
        Attempt Parse(string path)
        {
            try
            {
                var probe = Importers.Probe(path);
                var importer = Importers.Choose(probe, options);
                if (importer is null)
                {
                    var reason = $"not a format Bellwether knows (first line: '{Importers.Shorten(probe.FirstLine)}')";
                    return options.SkipBad ? new Attempt(path, NotLoadedReason: reason)
                        : new Attempt(path, Problem: new ImportException(path, 0, "format",
                            reason + "; use --format with one of: " +
                            $"{string.Join(", ", Importers.All.Select(i => i.Name))}"));
                }
                return new Attempt(path, Parsed: Importers.Read(probe, importer, options));
            }
            catch (ImportException e) when (options.SkipBad && e.Line == 0 && e.UnlistedProblems == 0
                && e.Problems.Count == 1)
            {
                return new Attempt(path, NotLoadedReason: $"refused as a whole: {e.Field}: {e.Reason}");
            }
            catch (ImportException e)
            {
                return new Attempt(path, Problem: e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new Attempt(path, Problem: new ImportException(path, 0, "file", e.Message));
            }
        }

        IEnumerable<ParsedFile> Parsed()
        {
            long budget = Math.Max(MinBytesInFlight, files.Select(Size).DefaultIfEmpty(0).Max());
            int window = Environment.ProcessorCount * 2;
            var pending = new Queue<(Task<Attempt> Task, long Size)>();
            long inFlight = 0;
            ParsedFile? Take()
            {
                var (task, size) = pending.Dequeue();
                inFlight -= size;
                var (path, parsed, problem, reason) = task.GetAwaiter().GetResult();
                read++;
                Report();
                if (problem is not null) Problem(problem);
                if (reason is not null) notLoaded.Add(new NotLoaded(path, reason));
                if (parsed is null || problems.Count + unlisted > 0) return null;
                loaded.Add(Account(parsed));
                handed++;
                return parsed;
            }
            for (int i = 0; i < files.Count; i++)
            {
                long size = Size(files[i]);
                while (pending.Count > 0 && (pending.Count >= window || inFlight + size > budget))
                    if (Take() is { } parsed) yield return parsed;
                var path = files[i];
                pending.Enqueue((Task.Run(() => Parse(path)), size));
                inFlight += size;
            }
            while (pending.Count > 0)
                if (Take() is { } parsed) yield return parsed;
            // Thrown inside the store's transaction: nothing of this import stays.
            if (problems.Count + unlisted > 0) throw new ImportFailedException(problems, unlisted, notLoaded);
        }

        try
        {
            var summary = store.Import(Parsed(), importedAt, allowed, _ =>
            {
                written = handed;
                Report();
            });
            return new ImportOutcome(loaded, notLoaded, summary, options.Clock.GetUtcNow());
        }
        catch (ImportException e)
        {
            // A conflict found while writing (the same instrument from two files).
            Problem(e);
            throw new ImportFailedException(problems, unlisted, notLoaded);
        }
    }

    private sealed record Attempt(string Path, ParsedFile? Parsed = null, ImportException? Problem = null,
        string? NotLoadedReason = null);

    private static long Size(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The account of a parsed file, kept after its content is written and dropped.</summary>
    private static LoadedFile Account(ParsedFile file)
    {
        LoadedContent Dated(Core.Instruments.Instrument instrument, ReadOnlySpan<DateOnly> dates)
        {
            var coverage = dates.Length == 0 ? default : TradingCalendar.For(instrument.Calendar, dates[0])
                .Coverage(dates);
            return new LoadedContent(instrument.Id, instrument, dates.Length > 0 ? dates[0] : null, dates.Length > 0
                ? dates[^1] : null, dates.Length, coverage.Missing, coverage.OffCalendar);
        }
        var contents = file.Series.Select(s => Dated(s.Instrument, s.Dates.AsSpan()))
            .Concat(file.Flows.Select(t => Dated(t.Instrument, t.Dates)))
            .Concat(file.ClassificationList is { } list
                ? [new LoadedContent(list, null, null, null, file.Classifications.Count, 0, 0)] : [])
            .Concat(file.Rankings.GroupBy(r => r.Source)
                .Select(g => new LoadedContent(g.Key, null, g.Min(r => r.Date), g.Max(r => r.Date), g.Count(), 0, 0)))
            .ToList();
        return new LoadedFile(file.Path, file.Format, file.RowsRead, file.RowsKept, file.MergedDuplicates,
            [.. file.Skipped], [.. file.Notes], contents);
    }
}
