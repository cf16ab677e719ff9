using System.Text;
using Bellwether.Core.Calendars;
using Bellwether.Core.Flows;
using Bellwether.Core.Instruments;
using Bellwether.Data.Import;
using Bellwether.Data.Import.Formats;

namespace Bellwether.Data.Sources.Farside;

/// <summary>
/// Farside Investors' ETF-flow pages (<c>GET /bitcoin-etf-flow-all-data/</c>, <c>/ethereum-etf-flow-all-data/</c>): an HTML
/// table of US$ m per fund per day plus <c>Total</c>, negatives in parentheses, holiday rows of dashes (skipped and counted,
/// never zero flows), footer rows (Total, Average, …) skipped. Cloudflare often answers with a 403 challenge page instead:
/// that is reported as such, pointing to <c>bellwether import</c> of a table saved from a browser. The page has no date
/// range, so only rows from the fetch start on are stored, and a day is stored once its US session is over.
/// </summary>
public sealed class FarsideSource(SourceSettings settings, TimeProvider time) : IDataSource
{
    private readonly SourceClient _client = new(settings, time, "Mozilla/5.0 (X11; Linux x86_64) bellwether");

    public string Name => settings.Name;
    public SourceSettings Settings => settings;
    public List<string> TakeRetryNotes() => _client.TakeRetryNotes();

    public async Task<ParsedFile> FetchAsync(FetchTarget target, CancellationToken ct)
    {
        var page = target.Instrument.Symbol.Trim('/') + "/";
        var what = $"{target.Instrument.Id} ({page})";
        var response = await _client.GetAsync(new Uri(page, UriKind.Relative), ct);
        var html = response.Text;
        if (FarsideHtml.IsCloudflarePage(html, response.Message))
            throw new SourceException(SourceFailure.Blocked,
                $"{Name}: {what}: blocked by Cloudflare (HTTP {(int)response.Status} challenge page), as often happens to scripts. " +
                $"Open {new Uri(settings.BaseAddress, page)} in a browser, save the page, and run 'bellwether import <saved file>'");
        ResponseErrors.ThrowUnlessOk(response, settings, what, target.Now, keyed: false);
        var table = FarsideHtml.Read(html) ?? throw JsonValues.Malformed(Name, what, "no flow table (a table whose header ends in Total) on the page");
        var file = FetchRules.NewFile(Name, target, "farside-html");
        var context = new RowContext(file, target.Options);
        var funds = table.Header[1..^1];
        var rows = new SortedDictionary<DateOnly, double[]>();
        int unfinished = 0, older = 0;
        foreach (var (position, cells) in table.Rows)
        {
            file.RowsRead++;
            if (!FarsideCells.TryDate(Encoding.UTF8.GetBytes(cells[0]), out var date))
            {
                if (FarsideCells.IsSummaryLabel(Encoding.UTF8.GetBytes(cells[0]))) context.Empty(position, "date", $"summary row '{cells[0]}'");
                else if (cells[0].Length > 0) context.Bad(position, "date", $"'{cells[0]}' is not a date");
                continue;
            }
            if (cells.Length != table.Header.Length) { context.Bad(position, "row", $"expected {table.Header.Length} cells, found {cells.Length}"); continue; }
            var values = new double[cells.Length - 1];
            bool any = false, ok = true;
            for (int i = 1; i < cells.Length && ok; i++)
            {
                if (!FarsideCells.TryFlow(Encoding.UTF8.GetBytes(cells[i]), out values[i - 1])) { context.Bad(position, table.Header[i], $"'{cells[i]}' is not a flow"); ok = false; }
                any |= !double.IsNaN(values[i - 1]);
            }
            if (!ok) continue;
            if (!any) { context.Empty(position, "row", $"{date:yyyy-MM-dd}: no data in any column (holiday)"); continue; }
            if (date < target.From) { older++; continue; }
            if (!FetchRules.UsSessionFinished(date, target.Now)) { unfinished++; continue; }
            if (!rows.TryAdd(date, values)) context.Bad(position, "date", $"{date:yyyy-MM-dd} appears twice");
        }
        var instrument = FetchRules.Merge(target.Stored, new Instrument(target.Instrument.Id, AssetClass.EtfFlows, "USD millions", 1, CalendarKind.UsEquity));
        var byFund = Enumerable.Range(0, funds.Length).Select(f => rows.Values.Select(v => v[f]).ToArray()).ToArray();
        file.Flows.Add(new FlowTable(instrument, funds, [.. rows.Keys], byFund, [.. rows.Values.Select(v => v[^1])], "farside"));
        if (unfinished > 0) file.Notes.Add($"{target.Instrument.Id}: {unfinished} row(s) of a session not yet over not stored");
        if (older > 0) file.Notes.Add($"{target.Instrument.Id}: {older} row(s) before {target.From:yyyy-MM-dd} left as stored (use --since to re-fetch them)");
        return file;
    }

    public void Dispose() => _client.Dispose();
}
