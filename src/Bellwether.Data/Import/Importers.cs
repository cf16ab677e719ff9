using System.Text;
using Bellwether.Data.Import.Formats;

namespace Bellwether.Data.Import;

/// <summary>The importers Bellwether knows, in detection order (specific formats before generic ones).</summary>
public static class Importers
{
    /// <summary>All importers; the first whose <see cref="IImporter.CanRead"/> accepts a file reads it.</summary>
    public static IReadOnlyList<IImporter> All { get; } =
    [
        new BarsCsvImporter(),
        new CoinGeckoDailyCsvImporter(),
        new CoinListCsvImporter(),
        new RankingCsvImporter(),
        new FundSharesCsvImporter(),
        new PublishedReadingsCsvImporter(),
        new FlowsCsvImporter(),
        ValueSeriesCsvImporter.Fred,
        ValueSeriesCsvImporter.DataFolder,
        new YahooCsvImporter(),
        new StooqCsvImporter(),
        new StooqBulkTxtImporter(),
        new BinanceKlinesImporter(),
        new CoinGeckoMarketChartImporter(),
        new FarsideHtmlImporter(),
    ];

    private static readonly string[] DataExtensions = [".csv", ".json", ".txt", ".html", ".htm"];

    /// <summary>The importer named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No importer has that name.</exception>
    public static IImporter ByName(string name) =>
        All.FirstOrDefault(i => i.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown format '{name}'; known: {string.Join(", ", All.Select(i => i.Name))}");

    /// <summary>The importer that recognises the file, or null.</summary>
    public static IImporter? Detect(FileProbe probe) => All.FirstOrDefault(i => i.CanRead(probe));

    /// <summary>
    /// Expands folders (recursively, in ordinal path order) into the files to import. Files with other extensions,
    /// broken links, and folders reached again through a symbolic link (a cycle, or a second way into a folder already
    /// read) are listed in <paramref name="notLoaded"/> with the reason, never dropped silently.
    /// </summary>
    public static List<string> ExpandPaths(IEnumerable<string> paths, List<NotLoaded> notLoaded)
    {
        var files = new List<string>();
        var visited = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Directory.Exists(path)) Walk(path, RealPath(path), visited, files, notLoaded);
            else if (File.Exists(path)) files.Add(path);
            else if (new FileInfo(path)
                .LinkTarget is { } target) notLoaded.Add(new NotLoaded(path, $"a broken link (to {target})"));
            else throw new FileNotFoundException($"{path}: no such file or folder", path);
        }
        return files;
    }

    private static void Walk(string folder, string real, Dictionary<string, string> visited, List<string> files,
        List<NotLoaded> notLoaded)
    {
        visited[real] = folder;
        var entries = new DirectoryInfo(folder).EnumerateFileSystemInfos()
            .OrderBy(e => e.FullName, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var path = Path.Combine(folder, entry.Name);
            if (entry is DirectoryInfo directory)
            {
                var target = directory.LinkTarget is null ? Path.Combine(real, entry.Name) : RealPath(path);
                if (visited.TryGetValue(target, out var earlier))
                    notLoaded.Add(new NotLoaded(path, IsWithin(real, target)
                        ? $"a symbolic link back to {earlier} (a cycle): not followed"
                        : $"the folder {earlier} again, through a symbolic link: read once"));
                else Walk(path, target, visited, files, notLoaded);
            }
            else if (!entry.Exists) notLoaded.Add(new NotLoaded(path, $"a broken link (to {entry.LinkTarget})"));
            else if (DataExtensions.Contains(Path.GetExtension(path).ToLowerInvariant())) files.Add(path);
            else notLoaded.Add(new NotLoaded(path, "not a data file (extension)"));
        }
    }

    // The folder's full path with a symbolic link at its end resolved (links further up are taken as they are).
    private static string RealPath(string folder) =>
        Path.TrimEndingDirectorySeparator(new DirectoryInfo(folder).ResolveLinkTarget(returnFinalTarget: true)?.FullName
            ?? Path.GetFullPath(folder));

    private static bool IsWithin(string folder, string ancestor) =>
        folder == ancestor || folder.StartsWith(ancestor + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Reads one file with the importer named in the options or the one detected.</summary>
    /// <exception cref="ImportException">
    /// The format is unknown or the file holds bad input (without <c>--skip-bad</c>): the first problem, with all of
    /// them.
    /// </exception>
    public static ParsedFile Read(string path, ImportOptions options)
    {
        var probe = Probe(path);
        var importer = Choose(probe, options)
            ?? throw new ImportException(path, 0, "format",
                $"not a format Bellwether knows (first line: '{Shorten(probe.FirstLine)}'); use --format with one " +
                $"of: {string.Join(", ", All.Select(i => i.Name))}");
        return Read(probe, importer, options);
    }

    /// <summary>The importer named in the options, else the one that recognises the file; null when none
    /// does.</summary>
    public static IImporter? Choose(FileProbe probe, ImportOptions options) => options.Format is { } name ? ByName(name)
        : Detect(probe);

    /// <summary>Reads the file of <paramref name="probe"/> with <paramref name="importer"/>.</summary>
    /// <exception cref="ImportException">The file holds bad input (without <c>--skip-bad</c>): the first problem, with
    /// all of them.</exception>
    public static ParsedFile Read(FileProbe probe, IImporter importer, ImportOptions options)
    {
        var parsed = new ParsedFile(probe.Path, importer.Name);
        importer.Read(probe, new RowContext(parsed, options, collectProblems: true));
        if (parsed.Problems.Count > 0) throw ImportException.Of(parsed);
        parsed.DropEmpty();
        RejectUnprintableNames(parsed);
        return parsed;
    }

    /// <summary>
    /// Ids, fund names, list names and symbols (from file names, headers or cells) must print as themselves: a
    /// control character in one (<c>ESC[2J</c> in a file name) would act on the terminal of everyone who lists it.
    /// </summary>
    private static void RejectUnprintableNames(ParsedFile file)
    {
        var names = file.Series.Select(s => ("instrument", s.Instrument.Id))
            .Concat(file.Flows.Select(t => ("instrument", t.Instrument.Id)))
            .Concat(file.Flows.SelectMany(t => t.Funds).Select(f => ("fund", f)))
            .Concat(file.ClassificationList is { } list ? [("list", list)] : [])
            .Concat(file.Classifications.Select(c => ("symbol", c.Symbol)))
            .Concat(file.Rankings.Select(r => ("list", r.Source)).Distinct())
            .Concat(file.Rankings.Select(r => ("symbol", r.Symbol)));
        foreach (var (field, name) in names)
            if (!Core.Text.Printable.IsSafe(name))
                throw new ImportException(file.Path, 0, field,
                    $"'{Core.Text.Printable.Escape(name)}' holds control or invisible " +
                                                              "characters; rename the file or fix the header so it " +
                                                              "prints as itself");
    }

    /// <summary>
    /// Reads many files on all cores, all held in memory (for tests and benchmarks; <see cref="FolderImport"/> streams
    /// them into the store). The first bad file (in path order) stops the whole import.
    /// </summary>
    public static List<ParsedFile> ReadAll(IReadOnlyList<string> files, ImportOptions options)
    {
        var results = new ParsedFile[files.Count];
        var errors = new Exception?[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            try { results[i] = Read(files[i], options); }
            catch (Exception e) when (e is ImportException or IOException or ArgumentException) { errors[i] = e; }
        });
        var first = errors.FirstOrDefault(e => e is not null);
        if (first is ArgumentException arg) throw new ImportException("--format", 0, "format", arg.Message);
        if (first is not null) throw first;
        return [.. results];
    }

    /// <summary>What importers look at to recognise the file at <paramref name="path"/> holding
    /// <paramref name="data"/>.</summary>
    public static FileProbe Probe(string path, byte[] data) =>
        new(path, FirstLine(data)) { Content = data, Head = data.AsMemory(0, Math.Min(data.Length, HeadLength)) };

    /// <summary>What importers look at to recognise the file at <paramref name="path"/>: its first bytes
    /// only.</summary>
    public static FileProbe Probe(string path)
    {
        var head = new byte[HeadLength];
        int length;
        using (var stream = File.OpenRead(path)) length = stream.ReadAtLeast(head, head.Length,
            throwOnEndOfStream: false);
        return new FileProbe(path, FirstLine(head.AsSpan(0, length))) { Head = head.AsMemory(0, length) };
    }

    private const int HeadLength = 4096;

    private static string FirstLine(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith("\uFEFF"u8)) data = data[3..];
        int nl = data.IndexOf((byte)'\n');
        var line = nl < 0 ? data : data[..nl];
        if (line.Length > HeadLength) line = line[..HeadLength];
        return Encoding.UTF8.GetString(line).TrimEnd('\r');
    }

    /// <summary>At most 60 characters of <paramref name="s"/>, for messages.</summary>
    public static string Shorten(string s) => s.Length > 60 ? s[..60] + "…" : s;
}
