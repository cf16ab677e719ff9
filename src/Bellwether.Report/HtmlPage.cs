using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Bellwether.Core.Text;

namespace Bellwether.Report;

/// <summary>
/// A self-contained HTML page: inline CSS, plotly.js inlined, figures drawn on load. Opens from <c>file://</c>
/// with no network request.
/// </summary>
public sealed class HtmlPage(string title, string subtitle)
{
    private readonly StringBuilder _body = new();
    private readonly List<Figure> _figures = [];

    /// <summary>The figures added so far, in page order.</summary>
    public IReadOnlyList<Figure> Figures => _figures;

    public HtmlPage Heading(string text, string? id = null)
    {
        _body.Append($"<h2{(id is null ? "" : $" id=\"{Esc(id)}\"")}>{Esc(text)}</h2>\n");
        return this;
    }

    /// <summary>A paragraph of plain text (escaped).</summary>
    public HtmlPage Paragraph(string text, string? cssClass = null)
    {
        _body.Append($"<p{(cssClass is null ? "" : $" class=\"{cssClass}\"")}>{Kept(text)}</p>\n");
        return this;
    }

    /// <summary>A bulleted list of plain-text items.</summary>
    public HtmlPage Bullets(IEnumerable<string> items)
    {
        _body.Append("<ul>").Append(string.Concat(items.Select(i => $"<li>{Kept(i)}</li>"))).Append("</ul>\n");
        return this;
    }

    /// <summary>A table; each cell is (text, css class or null).</summary>
    public HtmlPage Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<(string Text, string? Css)>> rows)
    {
        // The box scrolls sideways on a narrow screen; the page itself never gets wider than the screen.
        _body.Append("<div class=\"scroll\"><table><thead><tr>")
            .Append(string.Concat(header.Select(h => $"<th>{Esc(h)}</th>"))).Append("</tr></thead><tbody>");
        foreach (var row in rows)
            _body.Append("<tr>")
                .Append(string.Concat(row.Select(c =>
                    $"<td{(c.Css is null ? "" : $" class=\"{c.Css}\"")}>{Kept(c.Text)}</td>"))).Append("</tr>");
        _body.Append("</tbody></table></div>\n");
        return this;
    }

    /// <summary>An interactive chart.</summary>
    public HtmlPage Chart(Figure figure)
    {
        _figures.Add(figure);
        _body.Append($"<div class=\"chart\" id=\"{Esc(figure.Id)}\" data-title=\"{Esc(figure.Title)}\"></div>\n");
        return this;
    }

    /// <summary>The page as one HTML document.</summary>
    /// <param name="chartOnly">Only the charts, edge to edge, each <paramref name="chartHeight"/> pixels high (for PNG
    /// export).</param>
    public string Render(bool chartOnly = false, int chartHeight = 430)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append($"<title>{Esc(title)}</title><style>{Css}");
        if (chartOnly) html.Append(
            "body{background:#fff}header,h2,p,table,ul{display:none}main{padding:0;max-width:none}" +
            $".chart{{height:{chartHeight}px;margin:0;border:0}}");
        html.Append("</style>");
        html.Append("<script>")
            .Append(PlotlyJs.Script.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase))
            .Append("</script></head><body>\n");
        html.Append($"<header><h1>{Esc(title)}</h1><p class=\"sub\">{Esc(subtitle)}</p></header><main>\n");
        html.Append(_body);
        html.Append("</main><script>\nconst figures = {\n");
        foreach (var f in _figures) html.Append($"  \"{f.Id}\": {f.ToJson()},\n");
        html.Append("""
            };
            // On a phone-width screen a title wraps onto lines that fit, and the margins shrink to leave the plot room.
            // The legend there takes about a row per entry: it gets its own room at the bottom of a taller chart, so
            // it covers neither the plot nor rotated tick labels.
            function fitted(layout, data, element) {
              if (window.innerWidth >= 600) return layout;
              const entries = data.filter(t => t.name && t.showlegend !== false).length;
              const legendRoom = entries > 1 ? 20 * entries : 0;
              element.style.height = (element.clientHeight + legendRoom) + 'px';
              const perLine = Math.max(20, Math.floor((window.innerWidth - 40) / 7.5));
              const lines = [''];
              for (const word of layout.title.text.split(' ')) {
                const longer = (lines[lines.length - 1] + ' ' + word).trim();
                if (longer.length > perLine && lines[lines.length - 1]) lines.push(word);
                else lines[lines.length - 1] = longer;
              }
              return {...layout, title: {...layout.title, text: lines.join('<br>'), font: {size: 13}},
                legend: {...layout.legend, yref: 'container', y: 0, yanchor: 'bottom'},
                margin: {...layout.margin, l: 46, r: layout.yaxis2 ? 46 : 14, t: 22 + 17 * lines.length,
                  b: 70 + legendRoom}};
            }
            for (const [id, fig] of Object.entries(figures)) {
              // On a phone the mode bar would sit on the title: the chart still zooms and pans by touch.
              Plotly.newPlot(id, fig.data, fitted(fig.layout, fig.data, document.getElementById(id)),
                {responsive: true, displaylogo: false,
                displayModeBar: window.innerWidth >= 600 ? 'hover' : false,
                modeBarButtonsToRemove: ['sendDataToCloud']})
                .then(() => document.getElementById(id).setAttribute('data-rendered', 'true'));
            }
            </script></body></html>
            """);
        return html.ToString();
    }

    private static string Esc(string s) => WebUtility.HtmlEncode(s);

    /// <summary>
    /// A date, or a number and its unit of the formatting table: a browser breaks a line after a date's hyphen
    /// (<c>2025-</c> / <c>12-03</c>) and at the space before a unit (<c>14</c> / <c>points</c>), so on a narrow
    /// screen they are kept on one line.
    /// </summary>
    private static readonly Regex Unsplit = new(
        @"\d{4}-\d\d-\d\d|(?<![\w.])[+\u2212]?\d[\d,.]*%? (?:" + string.Join("|", ValueText.Table
            .Select(r => r.Unit).Where(u => u.Length > 1).Distinct().OrderByDescending(u => u.Length)
            .Select(u => Regex.Escape(WebUtility.HtmlEncode(u)))) + @"|r)\b", RegexOptions.CultureInvariant);

    /// <summary>Plain text escaped, its dates and numbers with units kept whole (<see cref="Unsplit"/>).</summary>
    private static string Kept(string text) =>
        Unsplit.Replace(Esc(text), m => $"<span class=\"whole\">{m.Value}</span>");

    private const string Css = """
        body{font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;margin:0;color:#1d2330;
        background:#f6f7f9}
        header{background:#14213d;color:#fff;padding:18px 32px}header h1{margin:0;font-size:22px}
        .sub{margin:4px 0 0;color:#c9d3e6}
        main{max-width:1200px;margin:0 auto;padding:8px 32px 48px}
        h2{margin-top:34px;border-bottom:2px solid #e3e6ec;padding-bottom:4px}
        p,li{line-height:1.5}table{border-collapse:collapse;width:100%;background:#fff;font-size:14px;margin:10px 0}
        th,td{border-bottom:1px solid #e3e6ec;padding:6px 8px;text-align:left;vertical-align:top}th{background:#eef1f6}
        .supports,.supported{color:#0a7a3d;font-weight:600}.against,.not_supported{color:#b42318;font-weight:600}
        .neutral,.partly{color:#8a6d00;font-weight:600}.not_measurable,.not_checkable{color:#6b7280;font-style:italic}
        .num{text-align:right;font-variant-numeric:tabular-nums}.big{font-size:20px}.note{color:#4b5563;font-size:13px}
        .whole{white-space:nowrap}
        .chart{background:#fff;height:430px;margin:14px 0;border:1px solid #e3e6ec;border-radius:6px}
        .scroll{overflow-x:auto;margin:10px 0}.scroll table{margin:0}h1,h2,p,li{overflow-wrap:anywhere}
        @media (max-width:600px){header{padding:12px 14px}header h1{font-size:18px}main{padding:4px 12px 32px}
        .big{font-size:16px}.chart{height:380px}.scroll table{min-width:640px;font-size:12px}th,td{padding:4px 6px}}
        """;
}
