using System.Globalization;
using System.Text;
using System.Text.Json;
using Bellwether.Core.Releases;
using Bellwether.Data.Import;
using Bellwether.Data.Import.Formats;

namespace Bellwether.Data.Sources.Fred;

/// <summary>
/// FRED. Without a key: the graph download <c>GET /graph/fredgraph.csv?id=DFF&amp;cosd=YYYY-MM-DD</c>
/// (<c>observation_date,DFF</c>), read by the same importer as a saved download. With a key: the JSON API
/// <c>GET /fred/series/observations?series_id=DFF&amp;api_key=…&amp;file_type=json&amp;observation_start=…
/// &amp;limit=…&amp;offset=…</c>, paged by <c>offset</c> (at most 100,000 a page; FRED allows 120 requests a
/// minute). Missing values are <c>.</c> (an empty
/// cell in newer CSV downloads): skipped and counted, never stored as a value. Observations dated today or later are
/// not stored. With a key every vintage is asked for (<c>realtime_start=1776-07-04&amp;realtime_end=9999-12-31</c>,
/// ALFRED's real-time periods): the latest vintage of each observation is its value, and every vintage is stored with
/// its
/// <c>realtime_start</c>, so an as-of date reads the value in force then (docs/release-lags.md).
/// </summary>
public sealed class FredSource(SourceSettings settings, string? key, TimeProvider time)
    : HttpSource(settings, time, "bellwether")
{
    public override async Task<ParsedFile> FetchAsync(FetchTarget target, CancellationToken ct)
    {
        var id = target.Instrument.Symbol;
        var what = What(target);
        var vintages = new List<(DateOnly Date, DateOnly Start, double Value)>();
        byte[] csv = key is null ? await Graph(id, target, what, ct)
            : await Observations(id, target, what, vintages, ct);
        var context = NewContext(target, key is null ? "fred-graph-csv" : "fred-api-json");
        var probe = Importers.Probe(context.File.Path, csv);
        if (!ValueSeriesCsvImporter.Fred.CanRead(probe))
            throw JsonValues.Malformed(Name, what,
                $"not FRED's CSV: {ResponseErrors.Excerpt(Encoding.UTF8.GetString(csv), key)}");
        var series = ValueSeriesCsvImporter.Fred.ReadSeries(probe, context);
        FetchRules.AddSeries(context.File, series, target, d => d < target.UtcToday, "dated today or later");
        var kept = vintages.Where(v => v.Date < target.UtcToday).OrderBy(v => v.Date).ThenBy(v => v.Start).ToList();
        if (kept.Count > 0)
            context.File.Vintages.Add(new SeriesVintages(target.Instrument.Id, [.. kept.Select(v => v.Date)],
                [.. kept.Select(v => v.Start)], [.. kept.Select(v => v.Value)]));
        return context.File;
    }

    private async Task<byte[]> Graph(string id, FetchTarget target, string what, CancellationToken ct)
    {
        var response =
            await Client.GetAsync(
                new Uri($"graph/fredgraph.csv?id={Uri.EscapeDataString(id)}&cosd={target.From:yyyy-MM-dd}",
                    UriKind.Relative), ct);
        ResponseErrors.ThrowUnlessOk(response, Settings, what, target.Now, key: null);
        return response.Body;
    }

    // The JSON pages are rendered as FRED's CSV (the latest vintage of each observation) so one importer validates
    // both; every vintage with a value goes to vintages.
    private async Task<byte[]> Observations(string id, FetchTarget target, string what,
        List<(DateOnly, DateOnly, double)> vintages, CancellationToken ct)
    {
        var latest = new SortedDictionary<DateOnly, (DateOnly Start, string Value)>();
        int limit = Math.Clamp(Settings.PageSize, 1, 100_000), offset = 0;
        var api = Settings.ApiBaseAddress ?? Settings.BaseAddress;
        while (true)
        {
            var url = new Uri(api,
                $"fred/series/observations?series_id={Uri.EscapeDataString(id)}&api_key={Uri.EscapeDataString(key!)}" +
                $"&file_type=json&observation_start={target.From:yyyy-MM-dd}" +
                $"&realtime_start=1776-07-04&realtime_end=9999-12-31&sort_order=asc&limit={limit}&offset={offset}");
            var response = await Client.GetAsync(url, ct);
            ThrowOnError(response, what, target.Now);
            using var json = JsonValues.Parse(response.Body, Name, what);
            var observations = json.RootElement.Get("observations");
            if (observations.ValueKind != JsonValueKind.Array || json.RootElement.Get("count")
                .ValueKind != JsonValueKind.Number)
                throw JsonValues.Malformed(Name, what, "no observations or count");
            foreach (var o in observations.EnumerateArray())
            {
                if (o.Get("date").ValueKind != JsonValueKind.String || o.Get("value").ValueKind != JsonValueKind.String)
                    throw JsonValues.Malformed(Name, what, $"observation {offset + 1} lacks a date or value string");
                if (!DateOnly.TryParseExact(o.Get("date").GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out var date))
                    throw JsonValues.Malformed(Name, what,
                        $"observation {offset + 1}: date '{o.Get("date").GetString()}' is not yyyy-MM-dd");
                var value = o.Get("value").GetString()!;
                // realtime_start is in every FRED observation; a response without it dates the vintage by the request.
                var start = o.Get("realtime_start").ValueKind == JsonValueKind.String
                            && DateOnly.TryParseExact(o.Get("realtime_start").GetString(), "yyyy-MM-dd",
                                CultureInfo.InvariantCulture, DateTimeStyles.None, out var s) ? s : target.UtcToday;
                if (!latest.TryGetValue(date, out var known) || start >= known.Start) latest[date] = (start, value);
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                    && double.IsFinite(v)) vintages.Add((date, start, v));
            }
            int count = json.RootElement.Get("count").GetInt32();
            offset += observations.GetArrayLength();
            if (observations.GetArrayLength() == 0 || offset >= count) break;
        }
        var csv = new StringBuilder($"observation_date,{id}\n");
        foreach (var (date, (_, value)) in latest) csv.Append(CultureInfo.InvariantCulture,
            $"{date:yyyy-MM-dd},{value}\n");
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private void ThrowOnError(SourceResponse r, string what, DateTimeOffset now)
    {
        if (r.IsSuccess) return;
        // FRED's errors are {"error_code":400,"error_message":"Bad Request.  The value for variable api_key is …"}.
        var message = r.Text;
        if ((int)r.Status is 400 or 401 or 403 && message.Contains("api_key", StringComparison.OrdinalIgnoreCase))
            throw new SourceException(SourceFailure.KeyInvalid,
                $"{Name}: {what}: FRED refused the API key (HTTP {(int)r.Status}); check it (it is not shown), or " +
                $"remove it to use the keyless download");
        if ((int)r.Status == 400 && message.Contains("series does not exist", StringComparison.OrdinalIgnoreCase))
            throw new SourceException(SourceFailure.NotFound, $"{Name}: {what}: FRED has no such series");
        ResponseErrors.ThrowUnlessOk(r, Settings, what, now, key);
    }
}
