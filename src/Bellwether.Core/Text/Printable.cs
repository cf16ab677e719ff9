using System.Globalization;
using System.Text;

namespace Bellwether.Core.Text;

/// <summary>
/// Text that is safe on a terminal: control characters (escape sequences could recolour, move the cursor or retitle
/// the window), invisible format characters (right-to-left overrides, zero-width spaces) and line separators.
/// </summary>
public static class Printable
{
    /// <summary>True when <paramref name="c"/> would act on a terminal or hide itself rather than print.</summary>
    public static bool IsUnsafe(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.Control
        or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>True when <paramref name="text"/> holds no unsafe character.</summary>
    public static bool IsSafe(string text) => !text.Any(IsUnsafe);

    /// <summary>
    /// <paramref name="text"/> with each unsafe character written as <c>\u001B</c>; line breaks and tabs are kept
    /// when <paramref name="keepLineBreaks"/> (multi-line messages).
    /// </summary>
    public static string Escape(string text, bool keepLineBreaks = false)
    {
        if (IsSafe(text)) return text;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            if (!IsUnsafe(c) || (keepLineBreaks && c is '\n' or '\r' or '\t')) escaped.Append(c);
            else escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
        }
        return escaped.ToString();
    }
}
