namespace Bellwether.Data.Csv;

/// <summary>
/// Walks the records of a UTF-8 CSV buffer, tracking 1-based line numbers; accepts <c>\n</c> and <c>\r\n</c>, skips a
/// BOM. A quoted field may hold line breaks (RFC 4180): its record then spans several lines.
/// </summary>
public ref struct LineReader
{
    private ReadOnlySpan<byte> _rest;
    private int _nextLine;

    /// <param name="firstLine">The number of the buffer's first line: a BOM is skipped only before line 1.</param>
    public LineReader(ReadOnlySpan<byte> data, int firstLine = 1)
    {
        _rest = firstLine == 1 && data.StartsWith("\uFEFF"u8) ? data[3..] : data;
        _nextLine = firstLine;
        LineNumber = firstLine - 1;
    }

    /// <summary>The 1-based number of the (first) line of the record last returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>The number of the line the next record starts on.</summary>
    public readonly int NextLine => _nextLine;

    /// <summary>The buffer not read yet.</summary>
    public readonly ReadOnlySpan<byte> Rest => _rest;

    /// <summary>Reads the next record without its terminator; false at the end of the buffer.</summary>
    /// <param name="atEnd">False when more data may follow the buffer: a record not ended by a line break is then left
    /// unread.</param>
    public bool TryRead(out ReadOnlySpan<byte> line, bool atEnd = true)
    {
        line = default;
        if (_rest.IsEmpty) return false;
        int end = 0, lines = 1;
        while (true)
        {
            int nl = _rest[end..].IndexOf((byte)'\n');
            if (nl < 0)
            {
                if (!atEnd) return false;
                end = _rest.Length;
                break;
            }
            end += nl;
            // An odd number of quotes so far: the line break is inside a quoted field.
            if (_rest[..end].Count((byte)'"') % 2 == 0) break;
            end++;
            lines++;
        }
        line = _rest[..end];
        _rest = end < _rest.Length ? _rest[(end + 1)..] : default;
        if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1];
        LineNumber = _nextLine;
        _nextLine += lines;
        return true;
    }
}
