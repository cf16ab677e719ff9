using System.Buffers;
using Bellwether.Data.Csv;

namespace Bellwether.Data.Import;

/// <summary>One data row of a CSV file, with field access that reports bad values through a
/// <see cref="RowContext"/>.</summary>
public readonly ref struct CsvRow(int line, ReadOnlySpan<byte> text, ReadOnlySpan<Range> fields, int fieldCount,
    RowContext context)
{
    private readonly ReadOnlySpan<byte> _text = text;
    private readonly ReadOnlySpan<Range> _fields = fields;

    /// <summary>1-based line number in the file.</summary>
    public int Line { get; } = line;
    public int FieldCount { get; } = fieldCount;
    public RowContext Context { get; } = context;

    /// <summary>Field <paramref name="i"/> (trimmed of spaces), empty when the row is shorter.</summary>
    public ReadOnlySpan<byte> this[int i] => (uint)i < (uint)FieldCount && (uint)i < (uint)_fields.Length
        ? _text[_fields[i]].Trim((byte)' ') : default;

    /// <summary>Field <paramref name="i"/> as a string.</summary>
    public string Text(int i) => System.Text.Encoding.UTF8.GetString(this[i]);

    /// <summary>
    /// Field <paramref name="i"/> as a string, reusing <paramref name="previous"/> when the text is the same
    /// (a source column repeats on most rows; this avoids a string per row).
    /// </summary>
    public string Text(int i, ref string? previous)
    {
        var s = this[i];
        if (previous is not null && previous.Length == s.Length
            && System.Text.Ascii.Equals(s, previous)) return previous;
        return previous = System.Text.Encoding.UTF8.GetString(s);
    }

    /// <summary>Reads an ISO date; reports and returns false when it is not one.</summary>
    public bool TryDate(int i, string field, out DateOnly date)
    {
        if (CsvText.TryParseIsoDate(this[i], out date)) return Context.AcceptDate(Line, field, date);
        Context.Bad(Line, field, $"'{CsvText.Text(this[i])}' is not a date (expected yyyy-MM-dd)");
        return false;
    }

    /// <summary>
    /// Reads a number. An empty field is NaN ("not given"); a field equal to one of <paramref name="missingTokens"/>
    /// (such as <c>null</c> or <c>.</c>) is NaN too. NaN written out, or text that is not a number, is reported.
    /// </summary>
    public bool TryNumber(int i, string field, out double value, ReadOnlySpan<string> missingTokens = default)
    {
        var s = this[i];
        value = double.NaN;
        if (s.IsEmpty || i < 0) return true;
        foreach (var token in missingTokens)
            if (Equals(s, token)) return true;
        if (CsvText.TryParseNumber(s, out value)) return true;
        Context.Bad(Line, field, Equals(s, "nan") ? "NaN is not a value" : $"'{CsvText.Text(s)}' is not a number");
        return false;
    }

    /// <summary>True when field <paramref name="i"/> equals <paramref name="token"/>, ignoring ASCII case.</summary>
    public bool Is(int i, string token) => Equals(this[i], token);

    private static bool Equals(ReadOnlySpan<byte> s, string token)
    {
        if (s.Length != token.Length) return false;
        for (int k = 0; k < s.Length; k++)
            if (char.ToLowerInvariant((char)s[k]) != char.ToLowerInvariant(token[k])) return false;
        return true;
    }
}

/// <summary>Handles one data row.</summary>
public delegate void CsvRowHandler(in CsvRow row);

/// <summary>
/// Reads CSV records (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) with strict field counts:
/// a row with more fields than the format has is bad input (an unquoted thousands separator shifts every column after
/// it), and so is a row with fewer, unless the missing fields are trailing ones the format makes optional.
/// </summary>
public static class HeaderedCsv
{
    // Files are read in chunks of this size (grown for a longer record): an import never holds a whole CSV file.
    private const int ChunkSize = 1 << 20;

    /// <summary>The header's column names, trimmed, in order.</summary>
    public static string[] Header(string firstLine) =>
        firstLine.TrimStart('\uFEFF').Split(',').Select(c => c.Trim().Trim('"')).ToArray();

    /// <summary>
    /// Calls <paramref name="handler"/> for each non-blank record after the header, reading <paramref name="stream"/>
    /// chunk by chunk; counts them in <see cref="ParsedFile.RowsRead"/>. Rows with the wrong number of fields are
    /// reported as bad.
    /// </summary>
    /// <param name="fields">The number of fields a row has (the header's).</param>
    /// <param name="optionalTrailing">How many of the last fields a row may leave out (they read as empty).</param>
    /// <param name="lineOffset">Added to every line number: the lines of earlier parts when the data continues them (a
    /// paged download).</param>
    /// <returns>The number of the last line, offset included.</returns>
    public static int ForEachRow(Stream stream, RowContext context, int fields, CsvRowHandler handler,
        bool hasHeader = true, int lineOffset = 0, int optionalTrailing = 0)
    {
        var rows = new RowSplitter(context, fields, optionalTrailing, hasHeader, lineOffset);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            int filled = 0;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                int read = stream.Read(buffer, filled, buffer.Length - filled);
                filled += read;
                int consumed = rows.Feed(buffer.AsSpan(0, filled), atEnd: read == 0, handler);
                if (read == 0) return rows.LastLine;
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The same, over the rows of <paramref name="probe"/>'s file.</summary>
    public static int ForEachRow(FileProbe probe, RowContext context, int fields, CsvRowHandler handler,
        bool hasHeader = true, int lineOffset = 0, int optionalTrailing = 0)
    {
        using var stream = probe.OpenRead();
        return ForEachRow(stream, context, fields, handler, hasHeader, lineOffset, optionalTrailing);
    }

    /// <summary>Splits the records of consecutive chunks of one file and checks their field counts.</summary>
    private sealed class RowSplitter(RowContext context, int fields, int optionalTrailing, bool hasHeader,
        int lineOffset)
    {
        private readonly Range[] _fields = new Range[Math.Max(fields, 1) + 1];
        private byte[]? _scratch;
        private bool _headerRead = !hasHeader;
        private int _nextLine = 1;

        public int LastLine => lineOffset + _nextLine - 1;

        /// <returns>The bytes consumed: whole records; the rest starts a record that continues in the next
        /// chunk.</returns>
        public int Feed(ReadOnlySpan<byte> chunk, bool atEnd, CsvRowHandler handler)
        {
            var reader = new LineReader(chunk, _nextLine);
            try
            {
                while (reader.TryRead(out var line, atEnd))
                {
                    if (!_headerRead) { _headerRead = true; continue; }
                    if (line.IsEmpty || line.Trim((byte)' ').IsEmpty) continue;
                    context.File.RowsRead++;
                    Row(lineOffset + reader.LineNumber, line, handler);
                }
                return chunk.Length - reader.Rest.Length;
            }
            finally
            {
                _nextLine = reader.NextLine;
            }
        }

        private void Row(int line, ReadOnlySpan<byte> record, CsvRowHandler handler)
        {
            int count = CsvText.Split(record, _fields, ref _scratch, out var text);
            if (count < 0)
                context.Bad(line, "row", "broken quoting: a quote is left open, or text follows a closing quote");
            else if (count > fields)
                context.Bad(line, "row", Expected(count)
                    + ": an unquoted thousands separator (2,438.36) or comma in a " +
                                         "text splits a field in two; quote such fields or remove the separators");
            else if (count < fields - optionalTrailing)
                context.Bad(line, "row", Expected(count));
            else
                handler(new CsvRow(line, text, _fields, count, context));
        }

        private string Expected(int count) =>
            $"expected {fields} fields{(hasHeader ? " as in the header" : "")}, found {count}";
    }
}
