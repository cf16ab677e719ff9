using System.Text.Json;
using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Data.Import;

namespace Bellwether.Data.Sources.Yahoo;

/// <summary>
/// Yahoo Finance chart API v8 (<c>GET /v8/finance/chart/^RUT?period1=…&amp;period2=…&amp;interval=1d</c>), unofficial:
/// <c>chart.result[0]</c> holds <c>timestamp[]</c> and <c>indicators.quote[0].{open,high,low,close,volume}[]</c>, where any
/// entry may be <c>null</c>; a row without a close is skipped and counted. Errors come as <c>chart.error</c>, and 429s are
/// common. <c>close</c> is split-adjusted, not dividend-adjusted (like the data folder). A session is stored only once it is
/// over (17:00 New York).
/// </summary>
public sealed class YahooSource(SourceSettings settings, TimeProvider time) : IDataSource
{
    // Yahoo answers 429 to clients without a browser-like agent.
    private readonly SourceClient _client = new(settings, time, "Mozilla/5.0 (X11; Linux x86_64) bellwether");

    public string Name => settings.Name;
    public SourceSettings Settings => settings;
    public List<string> TakeRetryNotes() => _client.TakeRetryNotes();

    public async Task<ParsedFile> FetchAsync(FetchTarget target, CancellationToken ct)
    {
        var symbol = target.Instrument.Symbol;
        var what = $"{target.Instrument.Id} ({symbol})";
        var file = FetchRules.NewFile(Name, target, "yahoo-chart");
        var context = new RowContext(file, target.Options);
        var collector = new BarCollector(context, pricesMustBePositive: true);
        int element = 0, unfinished = 0;
        var today = DateOnly.FromDateTime(target.Now.UtcDateTime);
        foreach (var (from, to) in FetchRules.Windows(target.From, today, settings.MaxDaysPerRequest))
        {
            var url = new Uri($"v8/finance/chart/{Uri.EscapeDataString(symbol)}?period1={FetchRules.UnixSeconds(from)}&period2={FetchRules.UnixSeconds(to.AddDays(1))}&interval=1d&events=div%2Csplits&includePrePost=false", UriKind.Relative);
            var response = await _client.GetAsync(url, ct);
            using var json = Check(response, what, target.Now);
            var result = json.RootElement.Get("chart").Get("result");
            if (result.ValueKind != JsonValueKind.Array || result.GetArrayLength() == 0) throw JsonValues.Malformed(Name, what, "no chart.result");
            var r = result[0];
            var timestamps = r.Get("timestamp");
            if (timestamps.ValueKind == JsonValueKind.Undefined) continue; // no sessions in this window
            var quote = r.Get("indicators").Get("quote");
            if (timestamps.ValueKind != JsonValueKind.Array || quote.ValueKind != JsonValueKind.Array || quote.GetArrayLength() == 0)
                throw JsonValues.Malformed(Name, what, "timestamp or indicators.quote missing");
            var q = quote[0];
            string[] fields = ["open", "high", "low", "close", "volume"];
            var columns = fields.Select(f => q.Get(f)).ToArray();
            int n = timestamps.GetArrayLength();
            if (columns.Any(c => c.ValueKind != JsonValueKind.Array || c.GetArrayLength() != n))
                throw JsonValues.Malformed(Name, what, $"quote arrays are not all {n} long");
            long offset = r.Get("meta").Get("gmtoffset") is { ValueKind: JsonValueKind.Number } g ? g.GetInt64() : 0;
            for (int i = 0; i < n; i++)
            {
                element++;
                if (!timestamps[i].TryGetInt64(out long ts)) { context.Bad(element, "timestamp", $"'{timestamps[i]}' is not a time"); continue; }
                var date = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(ts + offset).UtcDateTime);
                var v = new double[5];
                bool ok = true;
                for (int f = 0; f < 5 && ok; f++)
                    if (!JsonValues.TryNumber(columns[f][i], out v[f])) { context.Bad(element, fields[f], $"'{columns[f][i]}' is not a number"); ok = false; }
                if (!ok) continue;
                if (double.IsNaN(v[3])) { context.Empty(element, "close", $"{date:yyyy-MM-dd}: null close (Yahoo has no data for it)"); continue; }
                if (!FetchRules.UsSessionFinished(date, target.Now)) { unfinished++; continue; }
                collector.Add(element, new DailyBar(date, v[0], v[1], v[2], v[3], v[4], double.NaN, "yahoo:chart"));
            }
        }
        var id = target.Instrument.Id;
        var instrument = new Instrument(id, symbol.StartsWith('^') ? AssetClass.EquityIndex : AssetClass.Etf, "USD", 1, CalendarKind.UsEquity);
        FetchRules.AddSeries(file, collector, target, instrument, unfinished, "the session is not over (before 17:00 New York)");
        return file;
    }

    private JsonDocument Check(SourceResponse r, string what, DateTimeOffset now)
    {
        // Yahoo's errors are {"chart":{"result":null,"error":{"code":"Not Found","description":"…"}}}, on 200 and 4xx alike.
        if (!r.IsSuccess && (int)r.Status is 429 or 418 or >= 500) ResponseErrors.ThrowUnlessOk(r, settings, what, now, keyed: false);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(r.Body);
        }
        catch (JsonException) when (!r.IsSuccess)
        {
            ResponseErrors.ThrowUnlessOk(r, settings, what, now, keyed: false);
            throw;
        }
        catch (JsonException)
        {
            json = JsonValues.Parse(r.Body, Name, what); // throws the source's message
        }
        var error = json.RootElement.Get("chart").Get("error");
        if (error.ValueKind == JsonValueKind.Object || !r.IsSuccess)
        {
            var code = error.Get("code").ToString();
            var text = $"{Name}: {what}: HTTP {(int)r.Status} {code}: {error.Get("description")}";
            json.Dispose();
            throw new SourceException(code == "Not Found" || (int)r.Status == 404 ? SourceFailure.NotFound : SourceFailure.HttpError, text);
        }
        return json;
    }

    public void Dispose() => _client.Dispose();
}
