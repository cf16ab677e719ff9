using System.Runtime.InteropServices;

namespace Bellwether.Data.Import;

/// <summary>What an importer may look at to decide whether it reads a file, and the way to read it.</summary>
/// <param name="Path">The file's path as given.</param>
/// <param name="FirstLine">The first line of text (BOM and trailing CR removed), empty for an empty file.</param>
public sealed record FileProbe(string Path, string FirstLine)
{
    private ReadOnlyMemory<byte>? _content;

    /// <summary>The first bytes of the file (4 KiB at most).</summary>
    public ReadOnlyMemory<byte> Head { get; init; }

    /// <summary>
    /// The whole file, read on first use (from disk unless given): for formats read as a whole (JSON, HTML). Formats
    /// read row by row use <see cref="OpenRead"/>, so a large CSV file is never all in memory.
    /// </summary>
    public ReadOnlyMemory<byte> Content
    {
        get => _content ??= File.ReadAllBytes(Path);
        init => _content = value;
    }

    /// <summary>The file as a stream: the given content, else the file on disk.</summary>
    public Stream OpenRead() =>
        _content is { } content && MemoryMarshal.TryGetArray(content, out var bytes)
            ? new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false)
            : new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1,
                FileOptions.SequentialScan);

    public string Stem => System.IO.Path.GetFileNameWithoutExtension(Path);
    public string Extension => System.IO.Path.GetExtension(Path).ToLowerInvariant();
    /// <summary>The name of the folder holding the file, lower case (<c>markets</c>, <c>macro</c>, …).</summary>
    public string Folder =>
        System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) ?? "")
        .ToLowerInvariant();
    /// <summary>The header's column names when the file is CSV-like.</summary>
    public string[] Columns => HeaderedCsv.Header(FirstLine);

    /// <summary>The first non-whitespace characters of the file (after a BOM), at most
    /// <paramref name="count"/>.</summary>
    public string Start(int count)
    {
        var span = Head.Span;
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

    /// <summary>Reads the whole file (<see cref="FileProbe.OpenRead"/> or <see cref="FileProbe.Content"/>); bad input
    /// goes through <paramref name="context"/>.</summary>
    void Read(FileProbe probe, RowContext context);
}
