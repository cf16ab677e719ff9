using System.Globalization;
using System.Text;
using Bellwether.Core.Calendars;
using Bellwether.Core.Releases;
using Bellwether.Core.Series;
using Bellwether.Data.Sources;
using Bellwether.Data.Store;

namespace Bellwether.TestSupport.Sources;

/// <summary>
/// FRED's keyless <c>/graph/fredgraph.csv</c> and keyed <c>/fred/series/observations</c> over a data-folder series. Weekdays
/// the series lacks (holidays) are served as FRED serves them: <c>.</c> in JSON, an empty cell in the CSV.
/// </summary>
public sealed class FredFake(string id = "DGS10", string? key = null) : ApiFake("fred", id, id)
{
    private readonly DailySeries _real = RealSeries("macro", id + ".csv");

    /// <summary>
    /// Later vintages the JSON API serves (date → first day of the revised value and the value); the first vintage of
    /// every observation starts on its release by the shipped rule, as ALFRED's do.
    /// </summary>
    public Dictionary<DateOnly, (DateOnly Start, double Value)> Revisions { get; } = [];

    /// <summary>The key the JSON API accepts (null: the test uses the keyless download).</summary>
    public string? Key { get; } = key;
    public override DateOnly HistoryStart => new(2025, 1, 1);
    public override DateOnly LastFinished => _real.Dates.Last(d => d < UtcDate(Now));
    public override bool Paginates => Key is not null;

    public override SourceSettings Settings() => base.Settings() with { ApiKey = Key, PageSize = 200 };

    /// <summary>The observations FRED would list from <paramref name="from"/>: values, and '.' for business days without one.</summary>
    private List<(DateOnly Date, string Value)> Observations(DateOnly from)
    {
        var list = new List<(DateOnly, string)>();
        var calendar = new TradingCalendar(CalendarKind.UsEquity);
        bool daily = _real.Instrument.Calendar is CalendarKind.UsBusiness;
        for (var d = from; d <= UtcDate(Now); d = d.AddDays(1))
        {
            int i = _real.IndexOf(d);
            if (i >= 0) list.Add((d, R(Preliminary.GetValueOrDefault(d, _real.Close[i]))));
            else if (daily && d > _real.Dates[0] && d <= _real.Dates[^1] && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !calendar.IsSession(d))
                list.Add((d, "."));
        }
        return list;
    }

    protected override Reply Serve(ServedRequest r)
    {
        if (r.Path == "/graph/fredgraph.csv")
        {
            if (r.Query.GetValueOrDefault("id") != Symbol) return Reply.Text("<!DOCTYPE html><html><head><title>404 | FRED</title></head><body>Series not found</body></html>", 404, "text/html");
            var csv = new StringBuilder($"observation_date,{Symbol}\n");
            foreach (var (d, v) in Observations(DateOnly.ParseExact(r.Query["cosd"], "yyyy-MM-dd", CultureInfo.InvariantCulture)))
                csv.Append($"{d:yyyy-MM-dd},{(v == "." ? "" : v)}\n");
            return Reply.Text(csv.ToString(), 200, "text/csv");
        }
        if (r.Path == "/fred/series/observations")
        {
            var given = r.Query.GetValueOrDefault("api_key");
            // Real FRED does not echo the key; this one does, so tests see that Bellwether never repeats it.
            if (given != Key)
                return Reply.Json($"{{\"error_code\":400,\"error_message\":\"Bad Request.  The value for variable api_key ({given}) is not registered. Read https://fred.stlouisfed.org/docs/api/api_key.html for more information.\"}}", 400);
            if (r.Query.GetValueOrDefault("series_id") != Symbol)
                return Reply.Json("{\"error_code\":400,\"error_message\":\"Bad Request.  The series does not exist.\"}", 400);
            var all = Observations(DateOnly.ParseExact(r.Query["observation_start"], "yyyy-MM-dd", CultureInfo.InvariantCulture));
            int offset = int.Parse(r.Query.GetValueOrDefault("offset", "0"), CultureInfo.InvariantCulture);
            int limit = int.Parse(r.Query.GetValueOrDefault("limit", "100000"), CultureInfo.InvariantCulture);
            var today = UtcDate(Now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var release = ReleaseRules.Default.For(_real.Instrument).Rule;
            string Row(DateOnly date, DateOnly start, DateOnly? end, string value) =>
                $"{{\"realtime_start\":\"{start:yyyy-MM-dd}\",\"realtime_end\":\"{end ?? new DateOnly(9999, 12, 31):yyyy-MM-dd}\",\"date\":\"{date:yyyy-MM-dd}\",\"value\":\"{value}\"}}";
            var vintages = all.SelectMany(o => Revisions.TryGetValue(o.Date, out var rev) && rev.Start <= UtcDate(Now)
                ? new[] { Row(o.Date, release.Release(o.Date), rev.Start.AddDays(-1), o.Value), Row(o.Date, rev.Start, null, R(rev.Value)) }
                : [Row(o.Date, release.Release(o.Date), null, o.Value)]).ToList();
            var page = vintages.Skip(offset).Take(limit);
            return Reply.Json($"{{\"realtime_start\":\"{today}\",\"realtime_end\":\"{today}\",\"observation_start\":\"{r.Query["observation_start"]}\",\"observation_end\":\"9999-12-31\",\"units\":\"lin\",\"output_type\":1,\"file_type\":\"json\",\"order_by\":\"observation_date\",\"sort_order\":\"asc\",\"count\":{vintages.Count},\"offset\":{offset},\"limit\":{limit},\"observations\":[{string.Join(',', page)}]}}");
        }
        return Reply.Text("not found", 404);
    }

    /// <summary>Business days without a value in the real file between the history start and the last finished day.</summary>
    public int MissingDays => Observations(HistoryStart).Count(o => o.Value == "." && o.Date <= LastFinished);

    public override Reply Malformed() => Key is null ? Reply.Text("<html><body>Service temporarily unavailable</body></html>", 200, "text/html") : base.Malformed();

    public override DateOnly? RequestedFrom(ServedRequest r) =>
        DateOnly.ParseExact(r.Query.GetValueOrDefault("cosd") ?? r.Query["observation_start"], "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override void AssertStored(BellwetherStore store) => AssertSeries(_real.Between(HistoryStart, LastFinished), store.LoadSeries(Id), "close");
}
