using Bellwether.Data.Csv;

namespace Bellwether.Data.Import;

/// <summary>One data row of a CSV file, with field access that reports bad values through a <see cref="RowContext"/>.</summary>
public readonly ref struct CsvRow(int line, ReadOnlySpan<byte> text, ReadOnlySpan<Range> fields, int fieldCount, RowContext context)
{
    private readonly ReadOnlySpan<byte> _text = text;
    private readonly ReadOnlySpan<Range> _fields = fields;

    /// <summary>1-based line number in the file.</summary>
    public int Line { get; } = line;
    public int FieldCount { get; } = fieldCount;
    public RowContext Context { get; } = context;

    /// <summary>Field <paramref name="i"/> (trimmed of spaces), empty when the row is shorter.</summary>
    public ReadOnlySpan<byte> this[int i] => (uint)i < (uint)FieldCount && (uint)i < (uint)_fields.Length ? _text[_fields[i]].Trim((byte)' ') : default;

    /// <summary>Field <paramref name="i"/> as a string.</summary>
    public string Text(int i) => System.Text.Encoding.UTF8.GetString(this[i]);

    /// <summary>
    /// Field <paramref name="i"/> as a string, reusing <paramref name="previous"/> when the text is the same
    /// (a source column repeats on most rows; this avoids a string per row).
    /// </summary>
    public string Text(int i, ref string? previous)
    {
        var s = this[i];
        if (previous is not null && previous.Length == s.Length && System.Text.Ascii.Equals(s, previous)) return previous;
        return previous = System.Text.Encoding.UTF8.GetString(s);
    }

    /// <summary>Reads an ISO date; reports and returns false when it is not one.</summary>
    public bool TryDate(int i, string field, out DateOnly date)
    {
        if (CsvText.TryParseIsoDate(this[i], out date)) return true;
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

/// <summary>Reads a CSV file with a header line.</summary>
public static class HeaderedCsv
{
    /// <summary>The header's column names, trimmed, in order.</summary>
    public static string[] Header(string firstLine) =>
        firstLine.TrimStart('\uFEFF').Split(',').Select(c => c.Trim().Trim('"')).ToArray();

    /// <summary>
    /// Calls <paramref name="handler"/> for each non-blank line after the header; counts them in
    /// <see cref="ParsedFile.RowsRead"/>. Rows with fewer fields than the header are reported as bad.
    /// </summary>
    /// <param name="lineOffset">Added to every line number: the lines of earlier parts when the data continues them (a paged download).</param>
    /// <returns>The number of the last line, offset included.</returns>
    public static int ForEachRow(ReadOnlySpan<byte> data, RowContext context, int headerFields, CsvRowHandler handler, bool hasHeader = true, int lineOffset = 0)
    {
        var reader = new LineReader(data);
        if (hasHeader) reader.TryRead(out _);
        Span<Range> fields = stackalloc Range[Math.Max(headerFields, 1) + 1];
        while (reader.TryRead(out var line))
        {
            if (line.IsEmpty || line.Trim((byte)' ').IsEmpty) continue;
            context.File.RowsRead++;
            int count = CsvText.Split(line, fields);
            if (count < headerFields)
            {
                context.Bad(lineOffset + reader.LineNumber, "row", $"expected {headerFields} fields, found {count}");
                continue;
            }
            handler(new CsvRow(lineOffset + reader.LineNumber, line, fields, count, context));
        }
        return lineOffset + reader.LineNumber;
    }
}
