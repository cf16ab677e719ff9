namespace Bellwether.Data.Import;

/// <summary>What an importer may look at to decide whether it reads a file.</summary>
/// <param name="Path">The file's path as given.</param>
/// <param name="FirstLine">The first line of text (BOM and trailing CR removed), empty for an empty file.</param>
public sealed record FileProbe(string Path, string FirstLine)
{
    /// <summary>The whole file, for formats recognised by content rather than header (JSON, HTML).</summary>
    public ReadOnlyMemory<byte> Content { get; init; }

    public string Stem => System.IO.Path.GetFileNameWithoutExtension(Path);
    public string Extension => System.IO.Path.GetExtension(Path).ToLowerInvariant();
    /// <summary>The name of the folder holding the file, lower case (<c>markets</c>, <c>macro</c>, …).</summary>
    public string Folder => System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) ?? "").ToLowerInvariant();
    /// <summary>The header's column names when the file is CSV-like.</summary>
    public string[] Columns => HeaderedCsv.Header(FirstLine);

    /// <summary>The first non-whitespace characters of the file (after a BOM), at most <paramref name="count"/>.</summary>
    public string Start(int count)
    {
        var span = Content.Span;
        if (span.StartsWith("\uFEFF"u8)) span = span[3..];
        span = span.TrimStart(" \t\r\n"u8);
        return System.Text.Encoding.UTF8.GetString(span[..Math.Min(count, span.Length)]);
    }
}

/// <summary>Reads one file format into <see cref="ParsedFile"/> content.</summary>
public interface IImporter
{
    /// <summary>The name used by <c>--format</c> and in import reports.</summary>
    string Name { get; }

    /// <summary>One line for <c>bellwether import --help</c>.</summary>
    string Description { get; }

    /// <summary>True when the file looks like this format (from its path and first line).</summary>
    bool CanRead(FileProbe probe);

    /// <summary>Reads the whole file; bad input goes through <paramref name="context"/>.</summary>
    void Read(FileProbe probe, ReadOnlySpan<byte> data, RowContext context);
}
