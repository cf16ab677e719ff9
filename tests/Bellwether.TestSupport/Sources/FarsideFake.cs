using System.Globalization;
using System.Text;
using Bellwether.Core.Calendars;
using Bellwether.Core.Flows;
using Bellwether.Data.Sources;
using Bellwether.Data.Store;
using Xunit;

namespace Bellwether.TestSupport.Sources;

/// <summary>
/// Farside's <c>/bitcoin-etf-flow-all-data/</c> page over the data folder's flow table: issuer, ticker and fee header
/// rows, dates like <c>11 Jan 2024</c>, negatives in parentheses, NYSE holidays as rows of dashes, footer rows, and
/// the running day's row half filled in.
/// </summary>
public sealed class FarsideFake() : ApiFake("farside", "BTC_SPOT_ETF_FLOWS", "bitcoin-etf-flow-all-data")
{
    private readonly FlowTable _real = RealFlows("flows", "btc_spot_etf_flows_daily.csv");

    public override DateOnly HistoryStart => new(2025, 1, 1);
    public override DateOnly LastFinished => _real.Dates.Last(d => FetchRules.UsSessionFinished(d, Now));
    public override bool Paginates => false;

    protected override Reply Serve(ServedRequest r)
    {
        if (r.Path != "/" + Symbol + "/") return Reply.Text("<html><body><h1>Page not found</h1></body></html>", 404, "text/html");
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en-GB\"><head><title>Bitcoin ETF Flow – All Data – Farside Investors</title></head><body>");
        html.Append("<div class=\"entry-content\"><p>All data in US$m</p><table class=\"etf\"><thead>");
        html.Append("<tr><th>&nbsp;</th>").Append(string.Concat(_real.Funds.Select(f => $"<th><span class=\"tabletext\">Issuer of {f}</span></th>"))).Append("<th>&nbsp;</th></tr>");
        html.Append("<tr><th><span class=\"tabletext\">&nbsp;</span></th>").Append(string.Concat(_real.Funds.Select(f => $"<th><span class=\"tabletext\">{f}</span></th>"))).Append("<th><span class=\"tabletext\">Total</span></th></tr>");
        html.Append("<tr><th>Fee</th>").Append(string.Concat(_real.Funds.Select(_ => "<th>0.25%</th>"))).Append("<th></th></tr></thead><tbody>");
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var calendar = new TradingCalendar(CalendarKind.UsEquity);
        for (var d = _real.Dates[0]; d <= today; d = d.AddDays(1))
        {
            int i = Array.IndexOf(_real.Dates, d);
            if (i < 0)
            {
                if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !calendar.IsSession(d))
                    html.Append(Row(d, Enumerable.Repeat("-", _real.Funds.Length + 1)));
                continue;
            }
            bool finished = FetchRules.UsSessionFinished(d, Now);
            // Before the session is over only some funds have reported.
            bool revised = Preliminary.TryGetValue(d, out double preliminary);
            var cells = _real.Values.Select((v, f) => !finished && f % 2 == 1 ? "-" : Cell(revised && f == 0 ? preliminary : v[i]))
                .Append(Cell(_real.Total[i] + (revised ? preliminary - _real.Values[0][i] : 0)));
            html.Append(Row(d, cells));
        }
        foreach (var label in new[] { "Total", "Average", "Maximum", "Minimum" })
            html.Append($"<tr><td><span class=\"tabletext\">{label}</span></td>").Append(string.Concat(_real.Funds.Select(_ => "<td>0.0</td>"))).Append("<td>0.0</td></tr>");
        html.Append("</tbody></table></div></body></html>");
        return Reply.Text(html.ToString(), 200, "text/html; charset=UTF-8");
    }

    private static string Row(DateOnly d, IEnumerable<string> cells) =>
        $"<tr><td><span class=\"tabletext\">{d.ToString("dd MMM yyyy", CultureInfo.InvariantCulture)}</span></td>"
        + string.Concat(cells.Select(c => c.StartsWith('(') ? $"<td><span class=\"tabletext\"><span class=\"redFont\">{c}</span></span></td>" : $"<td><span class=\"tabletext\">{c}</span></td>"))
        + "</tr>";

    // Farside: one decimal at least, thousands separated, negatives in parentheses.
    private static string Cell(double v)
    {
        var text = Math.Abs(v).ToString("#,##0.0###########", CultureInfo.InvariantCulture);
        return v < 0 ? $"({text})" : text;
    }

    /// <summary>Cloudflare's challenge page, as it answers scripts it does not trust.</summary>
    public static Reply Cloudflare() =>
        Reply.Text("<!DOCTYPE html><html lang=\"en-US\"><head><title>Just a moment...</title><meta http-equiv=\"refresh\" content=\"390\"></head><body><div class=\"main-wrapper\" role=\"main\"><div class=\"main-content\"><noscript><div class=\"h2\"><span id=\"challenge-error-text\">Enable JavaScript and cookies to continue</span></div></noscript></div></div><script src=\"/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1\"></script></body></html>", 403, "text/html; charset=UTF-8")
            .With("Server", "cloudflare").With("cf-mitigated", "challenge").With("CF-RAY", "8f2a6c1e9b3d1234-LHR");

    public override Reply Malformed() => Reply.Text("<html><body><p>Maintenance</p></body></html>", 200, "text/html");

    public override DateOnly? RequestedFrom(ServedRequest r) => null;

    public override double StoredValueAt(BellwetherStore store, DateOnly date)
    {
        var t = store.LoadFlows(Id);
        return t.Values[0][Array.IndexOf(t.Dates, date)];
    }

    /// <summary>The NYSE holidays inside the served range (rows of dashes).</summary>
    public int HolidayRows(DateOnly from) => new TradingCalendar(CalendarKind.UsEquity) is var c
        ? Enumerable.Range(0, LastFinished.DayNumber - from.DayNumber + 1).Select(k => from.AddDays(k))
            .Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !c.IsSession(d) && Array.IndexOf(_real.Dates, d) < 0)
        : 0;

    public override void AssertStored(BellwetherStore store)
    {
        var stored = store.LoadFlows(Id);
        int first = Array.FindIndex(_real.Dates, d => d >= HistoryStart), last = Array.IndexOf(_real.Dates, LastFinished);
        Assert.Equal(_real.Dates[first..(last + 1)], stored.Dates);
        Assert.Equal(_real.Funds, stored.Funds);
        for (int f = 0; f < _real.Funds.Length; f++) Assert.Equal(_real.Values[f][first..(last + 1)], stored.Values[f]);
        Assert.Equal(_real.Total[first..(last + 1)], stored.Total);
    }
}
