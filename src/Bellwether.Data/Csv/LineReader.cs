namespace Bellwether.Data.Csv;

/// <summary>Walks the lines of a UTF-8 buffer, tracking 1-based line numbers; accepts <c>\n</c> and <c>\r\n</c>, skips a BOM.</summary>
public ref struct LineReader
{
    private ReadOnlySpan<byte> _rest;

    public LineReader(ReadOnlySpan<byte> data)
    {
        _rest = data.StartsWith("\uFEFF"u8) ? data[3..] : data;
        LineNumber = 0;
    }

    /// <summary>The 1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Reads the next line without its terminator; false at the end of the buffer.</summary>
    public bool TryRead(out ReadOnlySpan<byte> line)
    {
        if (_rest.IsEmpty) { line = default; return false; }
        int nl = _rest.IndexOf((byte)'\n');
        if (nl < 0) { line = _rest; _rest = default; }
        else { line = _rest[..nl]; _rest = _rest[(nl + 1)..]; }
        if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1];
        LineNumber++;
        return true;
    }
}
