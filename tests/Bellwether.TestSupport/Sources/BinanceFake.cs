using System.Globalization;
using System.Text;
using Bellwether.Core.Series;
using Bellwether.Data.Sources;
using Bellwether.Data.Store;

namespace Bellwether.TestSupport.Sources;

/// <summary>Binance <c>/api/v3/klines</c> over the real Binance rows of a data-folder coin.</summary>
public sealed class BinanceFake(string id = "BTC") : ApiFake("binance", id, id + "USDT")
{
    private readonly DailySeries _real = Binance(RealSeries("crypto", "daily", id + ".csv"));

    public override DateOnly HistoryStart => new(2025, 1, 1);
    public override DateOnly LastFinished => UtcDate(Now).AddDays(-1);

    /// <summary>Pages of 200 klines, so the excerpt's year of rows takes several requests.</summary>
    public override SourceSettings Settings() => base.Settings() with { PageSize = 200 };

    // Only the rows that came from Binance carry a full OHLC bar.
    private static DailySeries Binance(DailySeries s) =>
        new(s.Instrument, Enumerable.Range(0, s.Count).Select(i => s[i]).Where(b => b.Source.StartsWith("binance_spot_usdt", StringComparison.Ordinal)).ToList());

    protected override Reply Serve(ServedRequest r)
    {
        if (r.Path != "/api/v3/klines") return Reply.Json("{\"code\":-1100,\"msg\":\"Illegal characters found in parameter.\"}", 404);
        if (r.Query.GetValueOrDefault("symbol") != Symbol) return Reply.Json("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}", 400);
        long start = long.Parse(r.Query.GetValueOrDefault("startTime", "0"), CultureInfo.InvariantCulture);
        int limit = int.Parse(r.Query.GetValueOrDefault("limit", "500"), CultureInfo.InvariantCulture);
        var today = UtcDate(Now);
        var json = new StringBuilder("[");
        int n = 0;
        for (int i = 0; i < _real.Count && n < limit; i++)
        {
            var d = _real.Dates[i];
            if (Ms(d) < start || d > today) continue;
            var b = _real[i];
            // Today's kline is still forming: its close is the last trade so far, and its closeTime lies ahead.
            double close = d == today ? b.Open : Preliminary.GetValueOrDefault(d, b.Close);
            if (n++ > 0) json.Append(',');
            // A revised close moves the day's range with it.
            json.Append($"[{Ms(d)},\"{P(b.Open)}\",\"{P(Math.Max(b.High, close))}\",\"{P(Math.Min(b.Low, close))}\",\"{P(close)}\",\"{P(b.Volume)}\",{Ms(d) + 86_399_999},\"0\",0,\"0\",\"0\",\"0\"]");
        }
        return Reply.Json(json.Append(']').ToString()).With("x-mbx-used-weight-1m", "2");
    }

    // Binance writes 8 decimals; fall back to the shortest exact text where 8 would round.
    private static string P(double v)
    {
        var f8 = v.ToString("F8", CultureInfo.InvariantCulture);
        return double.Parse(f8, CultureInfo.InvariantCulture).Equals(v) ? f8 : R(v);
    }

    public override DateOnly? RequestedFrom(ServedRequest r) => DateOfMs(long.Parse(r.Query["startTime"], CultureInfo.InvariantCulture));

    public override void AssertStored(BellwetherStore store) =>
        AssertSeries(_real.Between(HistoryStart, LastFinished), store.LoadSeries(Id), "open", "high", "low", "close", "volume");

    public static Reply RateLimited(int retryAfter) => Reply.Json("{\"code\":-1003,\"msg\":\"Too many requests; current limit of IP(127.0.0.1) is 6000 requests per minute. Please use WebSocket Streams for live updates to avoid polling the API.\"}", 429).With("Retry-After", retryAfter.ToString(CultureInfo.InvariantCulture));
}
