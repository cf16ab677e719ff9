using System.Globalization;
using System.Text;
using Bellwether.Core.Calendars;
using Bellwether.Core.Series;
using Bellwether.Data.Sources;
using Bellwether.Data.Store;

namespace Bellwether.TestSupport.Sources;

/// <summary>Yahoo chart API v8 over a data-folder index or ETF file; NYSE holidays in range come as all-null entries.</summary>
public sealed class YahooFake(string id = "RUT", string symbol = "^RUT", string file = "rut_daily.csv") : ApiFake("yahoo", id, symbol)
{
    private readonly DailySeries _real = RealSeries("markets", file);

    public override DateOnly HistoryStart => new(2025, 1, 2);
    public override DateOnly LastFinished => _real.Dates.Last(d => FetchRules.UsSessionFinished(d, Now));

    public override SourceSettings Settings() => base.Settings() with { MaxDaysPerRequest = 250 };

    /// <summary>Stamp bars at 00:00 New York time (as Yahoo does for some markets) instead of the 9:30 opening.</summary>
    public bool StampsMidnight { get; init; }

    protected override Reply Serve(ServedRequest r)
    {
        if (r.Path != $"/v8/finance/chart/{Symbol}")
            return Reply.Json("{\"chart\":{\"result\":null,\"error\":{\"code\":\"Not Found\",\"description\":\"No data found, symbol may be delisted\"}}}", 404);
        var from = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(long.Parse(r.Query["period1"], CultureInfo.InvariantCulture)).UtcDateTime);
        var to = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(long.Parse(r.Query["period2"], CultureInfo.InvariantCulture)).UtcDateTime);
        var rows = new List<(long Ts, double? O, double? H, double? L, double? C, double? V)>();
        var calendar = new TradingCalendar(CalendarKind.UsEquity);
        for (var d = from; d < to; d = d.AddDays(1))
        {
            int i = _real.IndexOf(d);
            bool finished = FetchRules.UsSessionFinished(d, Now);
            if (i < 0)
            {
                // A weekday holiday inside the range: Yahoo lists it with nulls.
                if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !calendar.IsSession(d) && finished) rows.Add((Open(d), null, null, null, null, null));
                continue;
            }
            if (d > DateOnly.FromDateTime(Now.UtcDateTime)) continue;
            var b = _real[i];
            if (!finished) rows.Add((Now.ToUnixTimeSeconds(), b.Open, Math.Max(b.Open, b.High * 0.999), b.Low, b.Open, b.Volume / 3)); // the live session
            else
            {
                double close = Preliminary.GetValueOrDefault(d, b.Close);
                rows.Add((Open(d), b.Open, Math.Max(b.High, close), Math.Min(b.Low, close), close, b.Volume)); // a revised close moves the range
            }
        }
        string Array(Func<(long, double? O, double? H, double? L, double? C, double? V), double?> f) =>
            "[" + string.Join(',', rows.Select(x => f(x) is { } v ? R(v) : "null")) + "]";
        var json = new StringBuilder("{\"chart\":{\"result\":[{\"meta\":{\"currency\":\"USD\",\"symbol\":\"" + Symbol + "\",\"exchangeName\":\"WCB\",")
            .Append("\"instrumentType\":\"INDEX\",\"gmtoffset\":-18000,\"timezone\":\"EST\",\"exchangeTimezoneName\":\"America/New_York\",\"dataGranularity\":\"1d\"},");
        if (rows.Count > 0)
        {
            json.Append("\"timestamp\":[").Append(string.Join(',', rows.Select(x => x.Ts))).Append("],");
            json.Append("\"indicators\":{\"quote\":[{\"open\":").Append(Array(x => x.O)).Append(",\"high\":").Append(Array(x => x.H))
                .Append(",\"low\":").Append(Array(x => x.L)).Append(",\"close\":").Append(Array(x => x.C)).Append(",\"volume\":").Append(Array(x => x.V))
                .Append("}],\"adjclose\":[{\"adjclose\":").Append(Array(x => x.C)).Append("}]}");
        }
        else json.Append("\"indicators\":{\"quote\":[{}],\"adjclose\":[{}]}");
        return Reply.Json(json.Append("}],\"error\":null}}").ToString());
    }

    // Yahoo stamps a daily bar with the session's opening time, 9:30 New York (13:30 UTC in summer, 14:30 in winter),
    // or for some markets with midnight New York (04:00 UTC in summer, 05:00 in winter).
    private long Open(DateOnly d)
    {
        bool summer = FetchRules.UsSessionFinished(d, new DateTimeOffset(d.ToDateTime(new TimeOnly(21, 30)), TimeSpan.Zero));
        var time = StampsMidnight ? new TimeOnly(summer ? 4 : 5, 0) : new TimeOnly(summer ? 13 : 14, 30);
        return new DateTimeOffset(d.ToDateTime(time), TimeSpan.Zero).ToUnixTimeSeconds();
    }

    public override DateOnly? RequestedFrom(ServedRequest r) =>
        DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(long.Parse(r.Query["period1"], CultureInfo.InvariantCulture)).UtcDateTime);

    public override void AssertStored(BellwetherStore store) =>
        AssertSeries(_real.Between(HistoryStart, LastFinished), store.LoadSeries(Id), "open", "high", "low", "close", "volume");

    public override Reply Malformed() => Reply.Json("{\"chart\":{\"result\":[{\"meta\":{},\"timestamp\":[1704205800,1704292200],\"indicators\":{\"quote\":[{\"close\":[1.0]}]}}],\"error\":null}}");
}
