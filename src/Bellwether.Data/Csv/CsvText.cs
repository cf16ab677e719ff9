using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Bellwether.Data.Csv;

/// <summary>Allocation-free parsing of UTF-8 CSV fields.</summary>
public static class CsvText
{
    /// <summary>Splits <paramref name="line"/> at commas into <paramref name="fields"/> (ranges into the line); quoted fields keep their content without the quotes.</summary>
    /// <returns>The number of fields, which may exceed <paramref name="fields"/>' length (extra fields are not stored).</returns>
    public static int Split(ReadOnlySpan<byte> line, Span<Range> fields)
    {
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
        // Quoted fields: "a,b" is one field. Doubled quotes inside are rare in market data and kept as they are.
        int i = 0;
        while (true)
        {
            int fs, fe;
            if (i < line.Length && line[i] == (byte)'"')
            {
                int close = line[(i + 1)..].IndexOf((byte)'"');
                fs = i + 1; fe = close < 0 ? line.Length : i + 1 + close;
                i = close < 0 ? line.Length : fe + 1;
                int comma = i < line.Length ? line[i..].IndexOf((byte)',') : -1;
                i = comma < 0 ? line.Length : i + comma;
            }
            else
            {
                int comma = line[i..].IndexOf((byte)',');
                fs = i; fe = comma < 0 ? line.Length : i + comma; i = fe;
            }
            if (count < fields.Length) fields[count] = fs..fe;
            count++;
            if (i >= line.Length) return count;
            i++;
        }
    }

    /// <summary>Parses an ISO <c>yyyy-MM-dd</c> date.</summary>
    public static bool TryParseIsoDate(ReadOnlySpan<byte> s, out DateOnly date)
    {
        date = default;
        if (s.Length != 10 || s[4] != (byte)'-' || s[7] != (byte)'-') return false;
        if (!TryDigits(s[..4], out int y) || !TryDigits(s.Slice(5, 2), out int m) || !TryDigits(s.Slice(8, 2), out int d)) return false;
        if (y < 1 || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateOnly(y, m, d);
        return true;
    }

    /// <summary>Parses a compact <c>yyyyMMdd</c> date.</summary>
    public static bool TryParseCompactDate(ReadOnlySpan<byte> s, out DateOnly date)
    {
        date = default;
        if (s.Length != 8 || !TryDigits(s[..4], out int y) || !TryDigits(s.Slice(4, 2), out int m) || !TryDigits(s.Slice(6, 2), out int d)) return false;
        if (y < 1 || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateOnly(y, m, d);
        return true;
    }

    /// <summary>Parses a finite decimal number in invariant culture. <c>NaN</c> and infinities are rejected.</summary>
    public static bool TryParseNumber(ReadOnlySpan<byte> s, out double value)
    {
        if (Utf8Parser.TryParse(s, out value, out int consumed) && consumed == s.Length && double.IsFinite(value)) return true;
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value)) return true;
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
