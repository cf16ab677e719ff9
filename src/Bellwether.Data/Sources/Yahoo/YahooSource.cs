using System.Text.Json;
using Bellwether.Data.Import;
using Bellwether.Data.Import.Formats;

namespace Bellwether.Data.Sources.Yahoo;

/// <summary>
/// Yahoo Finance chart API v8 (<c>GET /v8/finance/chart/^RUT?period1=…&amp;period2=…&amp;interval=1d</c>), unofficial:
/// <c>chart.result[0]</c> holds <c>timestamp[]</c> and <c>indicators.quote[0].{open,high,low,close,volume}[]</c>, where
/// any entry may be <c>null</c>. The rows follow the rules of Yahoo's CSV download (<see cref="ExportedBars"/>): a row
/// of nulls is skipped and counted, a row with a close but a null open, high, low or volume is kept with those missing.
/// Errors come as <c>chart.error</c>, and 429s are common. <c>close</c> is split-adjusted, not dividend-adjusted (like
/// the data folder). A session is stored only once it is over (17:00 New York).
/// </summary>
public sealed class YahooSource(SourceSettings settings, TimeProvider time) : HttpSource(settings, time, BrowserAgent)
{
    private static readonly string[] Fields = ["open", "high", "low", "close", "volume"];

    public override async Task<ParsedFile> FetchAsync(FetchTarget target, CancellationToken ct)
    {
        var symbol = target.Instrument.Symbol;
        var what = What(target);
        var context = NewContext(target, "yahoo-chart");
        context.Position = RowContext.ElementPosition;
        var bars = new ExportedBars(context, "yahoo:chart", hasVolume: true);
        int element = 0;
        foreach (var (from, to) in FetchRules.Windows(target.From, target.UtcToday, Settings.MaxDaysPerRequest))
        {
            var url =
                new Uri(
                    $"v8/finance/chart/{Uri.EscapeDataString(symbol)}?period1={FetchRules.UnixSeconds(from)}&period2=" +
                    $"{FetchRules.UnixSeconds(to.AddDays(1))}&interval=1d&events=div%2Csplits&includePrePost=false",
                    UriKind.Relative);
            var response = await Client.GetAsync(url, ct);
            using var json = Check(response, what, target.Now);
            var result = json.RootElement.Get("chart").Get("result");
            if (result.ValueKind != JsonValueKind.Array
                || result.GetArrayLength() == 0) throw JsonValues.Malformed(Name, what, "no chart.result");
            var r = result[0];
            var timestamps = r.Get("timestamp");
            if (timestamps.ValueKind == JsonValueKind.Undefined) continue; // no sessions in this window
            var quote = r.Get("indicators").Get("quote");
            if (timestamps.ValueKind != JsonValueKind.Array || quote.ValueKind != JsonValueKind.Array
                || quote.GetArrayLength() == 0)
                throw JsonValues.Malformed(Name, what, "timestamp or indicators.quote missing");
            var columns = Fields.Select(f => quote[0].Get(f)).ToArray();
            int n = timestamps.GetArrayLength();
            if (columns.Any(c => c.ValueKind != JsonValueKind.Array || c.GetArrayLength() != n))
                throw JsonValues.Malformed(Name, what, $"quote arrays are not all {n} long");
            var zone = ExchangeZone(r.Get("meta"), context.File.Notes);
            for (int i = 0; i < n; i++)
            {
                element++;
                context.File.RowsRead++;
                if (!JsonCells.TryInteger(timestamps[i], out long ts, out var time))
                {
                    context.Bad(element, "timestamp", $"'{time}' is not a time");
                    continue;
                }
                var v = new double[Fields.Length];
                bool ok = true;
                for (int f = 0; f < Fields.Length && ok; f++)
                    if (!JsonCells.TryNumber(columns[f][i], out v[f], out var text))
                    {
                        context.Bad(element, Fields[f], JsonCells.NotANumber(text));
                        ok = false;
                    }
                if (!ok) continue;
                var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(ts), zone)
                    .DateTime);
                bars.Add(element, date, v[0], v[1], v[2], v[3], v[4]);
            }
        }
        FetchRules.AddSeries(context.File, bars.Build(symbol), target, target.UsSessionFinished,
            FetchRules.UsSessionNotOver);
        return context.File;
    }

    /// <summary>
    /// The exchange's time zone (<c>meta.exchangeTimezoneName</c>), which dates each bar by the offset in force on its
    /// own day; <c>meta.gmtoffset</c> is the offset at the time of the request, a day off across a change of daylight
    /// saving for bars stamped near midnight. Without a known zone name, that offset is all there is, with a note.
    /// </summary>
    private static TimeZoneInfo ExchangeZone(JsonElement meta, List<string> notes)
    {
        if (meta.Get("exchangeTimezoneName") is { ValueKind: JsonValueKind.String } name
            && TimeZoneInfo.TryFindSystemTimeZoneById(name.GetString()!, out var zone))
            return zone;
        long offset = meta.Get("gmtoffset") is { ValueKind: JsonValueKind.Number } g ? g.GetInt64() : 0;
        var sign = offset < 0 ? "-" : "+";
        var note =
            $"no known exchange time zone in the answer: bars dated at UTC{sign}" +
            $"{TimeSpan.FromSeconds(Math.Abs(offset)):hh\\:mm}, " +
                   "the offset at the time of the request";
        if (!notes.Contains(note)) notes.Add(note);
        return TimeZoneInfo.CreateCustomTimeZone("gmtoffset", TimeSpan.FromSeconds(offset), "gmtoffset", "gmtoffset");
    }

    private JsonDocument Check(SourceResponse r, string what, DateTimeOffset now)
    {
        // Yahoo's errors are {"chart":{"result":null,"error":{"code":"Not Found","description":"…"}}}, on 200 and 4xx
        // alike.
        if (!r.IsSuccess && (int)r.Status is 429 or 418 or >= 500) ResponseErrors.ThrowUnlessOk(r, Settings, what, now,
            key: null);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(r.Body);
        }
        catch (JsonException) when (!r.IsSuccess)
        {
            ResponseErrors.ThrowUnlessOk(r, Settings, what, now, key: null);
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
            throw new SourceException(code == "Not Found" || (int)r.Status == 404 ? SourceFailure.NotFound
                : SourceFailure.HttpError, text);
        }
        return json;
    }
}
