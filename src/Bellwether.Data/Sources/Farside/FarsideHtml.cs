using System.Net;
using System.Text.RegularExpressions;

namespace Bellwether.Data.Sources.Farside;

/// <summary>
/// Reads the flow table out of a Farside page: the <c>&lt;table&gt;</c> whose header row ends in <c>Total</c>, with the
/// text of each cell (tags stripped, entities decoded). Kept apart from the fetching so a saved page can be read the same way.
/// </summary>
public static partial class FarsideHtml
{
    /// <summary>
    /// A table: the header row (date column first, <c>Total</c> last) and the rows from the first dated one on, each
    /// with its 1-based position in the table.
    /// </summary>
    public sealed record Table(string[] Header, List<(int Row, string[] Cells)> Rows);

    /// <summary>
    /// The flow table of <paramref name="html"/>, or null when the page has none. The header is the last row ending in
    /// <c>Total</c> before the first dated row (Farside stacks issuer names, tickers and fees above the data).
    /// </summary>
    public static Table? Read(string html)
    {
        foreach (Match table in TableRegex().Matches(html))
        {
            string[]? header = null;
            var rows = new List<(int, string[])>();
            int position = 0;
            foreach (Match tr in RowRegex().Matches(table.Value))
            {
                position++;
                var cells = CellRegex().Matches(tr.Value).Select(c => CellText(c.Groups[1].Value)).ToArray();
                if (cells.Length == 0) continue;
                if (rows.Count == 0 && !Import.Formats.FarsideCells.TryDate(System.Text.Encoding.UTF8.GetBytes(cells[0]), out _))
                {
                    if (cells[^1].Equals("Total", StringComparison.OrdinalIgnoreCase)) header = cells;
                    continue;
                }
                rows.Add((position, cells));
            }
            if (header is { Length: >= 3 }) return new Table(header, rows);
        }
        return null;
    }

    /// <summary>True when the page is a Cloudflare challenge or block page rather than Farside's.</summary>
    public static bool IsCloudflarePage(string html, HttpResponseMessage response) =>
        response.Headers.Contains("cf-mitigated")
        || html.Contains("Just a moment...", StringComparison.Ordinal)
        || html.Contains("Attention Required! | Cloudflare", StringComparison.Ordinal)
        || html.Contains("challenge-platform", StringComparison.Ordinal)
        || (response.Headers.Server.ToString().Contains("cloudflare", StringComparison.OrdinalIgnoreCase) && (int)response.StatusCode is 403 or 503);

    private static string CellText(string inner) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(inner, "")), " ").Trim();

    [GeneratedRegex(@"<table\b.*?</table>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TableRegex();

    [GeneratedRegex(@"<tr\b.*?</tr>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex RowRegex();

    [GeneratedRegex(@"<t[hd]\b[^>]*>(.*?)</t[hd]>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex CellRegex();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
