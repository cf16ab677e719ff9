using Bellwether.Data.Csv;

namespace Bellwether.Data.Import.Formats;

/// <summary>Cell conventions of Farside's ETF-flow tables.</summary>
public static class FarsideCells
{
    /// <summary>Reads a flow: <c>12.5</c>, <c>(95.1)</c> = −95.1, <c>1,234.5</c>; <c>-</c>, <c>–</c> or empty = no data
    /// (NaN).</summary>
    public static bool TryFlow(ReadOnlySpan<byte> s, out double value)
    {
        value = double.NaN;
        s = s.Trim((byte)' ');
        if (s.IsEmpty || s.SequenceEqual("-"u8) || s.SequenceEqual("\u2013"u8)
            || s.SequenceEqual("\u2014"u8)) return true;
        if (s.Length > 64) return false;
        bool negative = s.Length > 2 && s[0] == (byte)'(' && s[^1] == (byte)')';
        if (negative) s = s[1..^1];
        Span<byte> digits = stackalloc byte[s.Length];
        int n = 0;
        foreach (byte b in s) if (b != (byte)',') digits[n++] = b;
        if (!CsvText.TryParseNumber(digits[..n], out value)) return false;
        if (negative) value = -value;
        return true;
    }

    /// <summary>Reads <c>2024-01-11</c> or Farside's <c>11 Jan 2024</c>.</summary>
    public static bool TryDate(ReadOnlySpan<byte> s, out DateOnly date)
    {
        s = s.Trim((byte)' ');
        if (CsvText.TryParseIsoDate(s, out date)) return true;
        return DateOnly.TryParseExact(System.Text.Encoding.UTF8.GetString(s), ["d MMM yyyy", "dd MMM yyyy"],
            System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date);
    }

    /// <summary>True for the labels of Farside's footer rows.</summary>
    public static bool IsSummaryLabel(ReadOnlySpan<byte> s)
    {
        var text = System.Text.Encoding.UTF8.GetString(s.Trim((byte)' '));
        return text is "Total" or "Average" or "Maximum" or "Minimum" or "Sum" or "Avg";
    }
}
