using Bellwether.Data.Import;
using Bellwether.Data.Import.Formats;

namespace Bellwether.Data.Sources.Farside;

/// <summary>
/// Farside Investors' ETF-flow pages (<c>GET /bitcoin-etf-flow-all-data/</c>, <c>/ethereum-etf-flow-all-data/</c>): an
/// HTML table of US$ m per fund per day plus <c>Total</c>, read like a saved page (<see cref="FarsidePage"/>):
/// negatives in parentheses, holiday rows of dashes (skipped and counted, never zero flows), footer rows (Total,
/// Average, …) skipped. Cloudflare often answers with a 403 challenge page instead: that is reported as such, pointing
/// to
/// <c>bellwether import</c> of a page saved from a browser. The page has no date range, so only rows from the fetch
/// start on are stored, and a day is stored once its US session is over.
/// </summary>
public sealed class FarsideSource(SourceSettings settings, TimeProvider time) : HttpSource(settings, time, BrowserAgent)
{
    public override async Task<ParsedFile> FetchAsync(FetchTarget target, CancellationToken ct)
    {
        var page = target.Instrument.Symbol.Trim('/') + "/";
        var what = $"{target.Instrument.Id} ({page})";
        var response = await Client.GetAsync(new Uri(page, UriKind.Relative), ct);
        var html = response.Text;
        if (IsCloudflarePage(html, response.Message))
            throw new SourceException(SourceFailure.Blocked,
                $"{Name}: {what}: blocked by Cloudflare (HTTP {(int)response.Status} challenge page), as often " +
                "happens to scripts. " +
                $"Open {new Uri(Settings.BaseAddress, page)} in a browser, save the page, and run 'bellwether import " +
                "<saved file>'");
        ResponseErrors.ThrowUnlessOk(response, Settings, what, target.Now, key: null);
        var flows = FarsidePage.Find(html)
            ?? throw JsonValues.Malformed(Name, what, "no flow table (a table whose header ends in Total) on the page");
        var context = NewContext(target, "farside-html");
        var table = flows.Read(context, target.Instrument.Id, "farside");
        var recent = FetchRules.Where(table, d => d >= target.From);
        FetchRules.AddFlows(context.File, recent, target, target.UsSessionFinished, FetchRules.UsSessionNotOver);
        FetchRules.NoteDropped(context.File, target, table.Count - recent.Count,
            $"dated before {target.From:yyyy-MM-dd}, left as stored (use --since to re-fetch them)");
        return context.File;
    }

    /// <summary>True when the page is a Cloudflare challenge or block page rather than Farside's.</summary>
    private static bool IsCloudflarePage(string html, HttpResponseMessage response) =>
        response.Headers.Contains("cf-mitigated")
        || html.Contains("Just a moment...", StringComparison.Ordinal)
        || html.Contains("Attention Required! | Cloudflare", StringComparison.Ordinal)
        || html.Contains("challenge-platform", StringComparison.Ordinal)
        || (response.Headers.Server.ToString().Contains("cloudflare", StringComparison.OrdinalIgnoreCase)
            && (int)response.StatusCode is 403 or 503);
}
