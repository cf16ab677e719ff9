using System.Net;
using System.Text.RegularExpressions;

namespace Bellwether.Data.Import;

/// <summary>A row of an HTML table: the 1-based line where it starts and the text of its cells.</summary>
public sealed record HtmlRow(int Line, string[] Cells);

/// <summary>
/// Reads the tables of a saved web page into rows of cell text: enough for the plain data tables of sites such as
/// Farside (no nested tables, no spans across cells). Cell text has its tags removed, entities decoded and runs of
/// white space (non-breaking spaces included) collapsed to one space.
/// </summary>
public static partial class HtmlTables
{
    /// <summary>Every <c>&lt;table&gt;</c> of <paramref name="html"/>, in order, as its <c>&lt;tr&gt;</c> rows of
    /// <c>&lt;th&gt;</c>/<c>&lt;td&gt;</c> cells.</summary>
    public static List<List<HtmlRow>> Read(string html)
    {
        // Comments become blanks of the same line count, so line numbers stay true.
        html = Comment().Replace(html, m => new string('\n', m.Value.Count(ch => ch == '\n')));
        var lineStarts = new List<int> { 0 };
        for (int i = 0; i < html.Length; i++) if (html[i] == '\n') lineStarts.Add(i + 1);
        int LineOf(int index)
        {
            int k = lineStarts.BinarySearch(index);
            return (k >= 0 ? k : ~k - 1) + 1;
        }
        var tables = new List<List<HtmlRow>>();
        foreach (Match table in Table().Matches(html))
        {
            var rows = new List<HtmlRow>();
            foreach (Match row in Row().Matches(table.Groups[1].Value))
            {
                var cells = Cell().Matches(row.Groups[1].Value).Select(c => CellText(c.Groups[1].Value)).ToArray();
                rows.Add(new HtmlRow(LineOf(table.Groups[1].Index + row.Index), cells));
            }
            tables.Add(rows);
        }
        return tables;
    }

    private static string CellText(string inner)
    {
        var text = WebUtility.HtmlDecode(Tag().Replace(inner, ""));
        return Space().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"<table\b[^>]*>(.*?)</table\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Table();

    // </tr> is optional in HTML: a row also ends where the next one starts.
    [GeneratedRegex(@"<tr\b[^>]*>(.*?)(?=<tr\b|</tr\s*>|$)", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Row();

    [GeneratedRegex(@"<t[dh]\b[^>]*>(.*?)(?=<t[dh]\b|</t[dh]\s*>|$)",
        RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Cell();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[\s\u00A0]+")]
    private static partial Regex Space();
}
