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
    /// Expands folders (recursively, in ordinal path order) into the files to import. Files with other
    /// extensions are listed in <paramref name="ignored"/> rather than dropped silently.
    /// </summary>
    public static List<string> ExpandPaths(IEnumerable<string> paths, List<string> ignored)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var f in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    (DataExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()) ? files : ignored).Add(f);
            }
            else if (File.Exists(path)) files.Add(path);
            else throw new FileNotFoundException($"{path}: no such file or folder", path);
        }
        return files;
    }

    /// <summary>Reads one file with the importer named in the options or the one detected.</summary>
    /// <exception cref="ImportException">The format is unknown or the file holds bad input (without <c>--skip-bad</c>).</exception>
    public static ParsedFile Read(string path, ImportOptions options)
    {
        var probe = Probe(path);
        var importer = options.Format is { } name ? ByName(name) : Detect(probe)
            ?? throw new ImportException(path, 0, "format", $"not a format Bellwether knows (first line: '{Shorten(probe.FirstLine)}'); use --format with one of: {string.Join(", ", All.Select(i => i.Name))}");
        var parsed = new ParsedFile(path, importer.Name);
        importer.Read(probe, new RowContext(parsed, options));
        parsed.DropEmpty();
        return parsed;
    }

    /// <summary>Reads many files on all cores. The first bad file (in path order) stops the whole import.</summary>
    public static List<ParsedFile> ReadAll(IReadOnlyList<string> files, ImportOptions options, Action<int>? progress = null)
    {
        var results = new ParsedFile[files.Count];
        var errors = new Exception?[files.Count];
        int done = 0;
        Parallel.For(0, files.Count, i =>
        {
            try { results[i] = Read(files[i], options); }
            catch (Exception e) when (e is ImportException or IOException or ArgumentException) { errors[i] = e; }
            progress?.Invoke(Interlocked.Increment(ref done));
        });
        var first = errors.FirstOrDefault(e => e is not null);
        if (first is ArgumentException arg) throw new ImportException("--format", 0, "format", arg.Message);
        if (first is not null) throw first;
        return [.. results];
    }

    /// <summary>What importers look at to recognise the file at <paramref name="path"/> holding <paramref name="data"/>.</summary>
    public static FileProbe Probe(string path, byte[] data) =>
        new(path, FirstLine(data)) { Content = data, Head = data.AsMemory(0, Math.Min(data.Length, HeadLength)) };

    /// <summary>What importers look at to recognise the file at <paramref name="path"/>: its first bytes only.</summary>
    public static FileProbe Probe(string path)
    {
        var head = new byte[HeadLength];
        int length;
        using (var stream = File.OpenRead(path)) length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
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

    private static string Shorten(string s) => s.Length > 60 ? s[..60] + "…" : s;
}
