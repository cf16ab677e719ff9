using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Bellwether.Data.Csv;

/// <summary>Allocation-free parsing of UTF-8 CSV fields.</summary>
public static class CsvText
{
    /// <summary>
    /// Splits a record at commas into <paramref name="fields"/>, ranges into <paramref name="text"/>. Without quotes
    /// the text is the record itself. With quotes (RFC 4180), the fields' contents are copied to
    /// <paramref name="scratch"/> (grown as needed) without their quotes, doubled quotes made single, and the text is
    /// the scratch buffer.
    /// </summary>
    /// <returns>
    /// The number of fields, which may exceed <paramref name="fields"/>' length (extra fields are not stored); −1 when
    /// the quoting is broken (a quote left open, or text after a closing quote).
    /// </returns>
    public static int Split(ReadOnlySpan<byte> line, Span<Range> fields, ref byte[]? scratch,
        out ReadOnlySpan<byte> text)
    {
        text = line;
        int count = 0, start = 0;
        if (line.IndexOf((byte)'"') < 0)
        {
            while (true)
            {
                int comma = line[start..].IndexOf((byte)',');
                int end = comma < 0 ? line.Length : start + comma;
                if (count < fields.Length) fields[count] = start..end;
                count++;
                if (comma < 0) return count;
                start = end + 1;
            }
        }
        if (scratch is null || scratch.Length < line.Length) scratch = new byte[Math.Max(line.Length, 256)];
        var output = scratch.AsSpan();
        int i = 0, o = 0;
        while (true)
        {
            int fieldStart = o;
            // A field is quoted when its first character other than spaces is a quote.
            int first = i;
            while (first < line.Length && line[first] == (byte)' ') first++;
            if (first < line.Length && line[first] == (byte)'"')
            {
                i = first + 1;
                while (true)
                {
                    int quote = line[i..].IndexOf((byte)'"');
                    if (quote < 0) return -1;
                    line.Slice(i, quote).CopyTo(output[o..]);
                    o += quote;
                    i += quote + 1;
                    if (i < line.Length && line[i] == (byte)'"') { output[o++] = (byte)'"'; i++; continue; }
                    break;
                }
                while (i < line.Length && line[i] == (byte)' ') i++;
                if (i < line.Length && line[i] != (byte)',') return -1;
            }
            else
            {
                int comma = line[i..].IndexOf((byte)',');
                int end = comma < 0 ? line.Length : i + comma;
                line[i..end].CopyTo(output[o..]);
                o += end - i;
                i = end;
            }
            if (count < fields.Length) fields[count] = fieldStart..o;
            count++;
            if (i >= line.Length)
            {
                text = output[..o];
                return count;
            }
            i++;
        }
    }

    /// <summary>Parses an ISO <c>yyyy-MM-dd</c> date.</summary>
    public static bool TryParseIsoDate(ReadOnlySpan<byte> s, out DateOnly date)
    {
        date = default;
        if (s.Length != 10 || s[4] != (byte)'-' || s[7] != (byte)'-') return false;
        if (!TryDigits(s[..4], out int y) || !TryDigits(s.Slice(5, 2), out int m)
            || !TryDigits(s.Slice(8, 2), out int d)) return false;
        if (y < 1 || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateOnly(y, m, d);
        return true;
    }

    /// <summary>Parses a compact <c>yyyyMMdd</c> date.</summary>
    public static bool TryParseCompactDate(ReadOnlySpan<byte> s, out DateOnly date)
    {
        date = default;
        if (s.Length != 8 || !TryDigits(s[..4], out int y) || !TryDigits(s.Slice(4, 2), out int m)
            || !TryDigits(s.Slice(6, 2), out int d)) return false;
        if (y < 1 || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateOnly(y, m, d);
        return true;
    }

    /// <summary>Parses a finite decimal number in invariant culture. <c>NaN</c> and infinities are rejected.</summary>
    public static bool TryParseNumber(ReadOnlySpan<byte> s, out double value)
    {
        if (Utf8Parser.TryParse(s, out value, out int consumed) && consumed == s.Length
            && double.IsFinite(value)) return true;
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && double.IsFinite(value)) return true;
        value = double.NaN;
        return false;
    }

    /// <summary>The field as text, for error messages.</summary>
    public static string Text(ReadOnlySpan<byte> s) => Encoding.UTF8.GetString(s.Length > 40 ? s[..40] : s);

    private static bool TryDigits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (byte b in s)
        {
            uint digit = (uint)(b - '0');
            if (digit > 9) return false;
            value = value * 10 + (int)digit;
        }
        return true;
    }
}
