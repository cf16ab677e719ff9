using System.Globalization;
using System.Text;
using Bellwether.Core.Series;
using Bellwether.Data.Sources;
using Bellwether.Data.Store;

namespace Bellwether.TestSupport.Sources;

/// <summary>Stooq's <c>/q/d/l/</c> CSV over a data-folder ETF file; errors as HTTP 200 text, as Stooq does.</summary>
public sealed class StooqFake(string key) : ApiFake("stooq", "SPY", "spy.us")
{
    private readonly DailySeries _real = RealSeries("markets", "spy_daily.csv");

    public string Key { get; } = key;
    public override DateOnly HistoryStart => new(2025, 1, 2);
    public override DateOnly LastFinished => _real.Dates.Last(d => FetchRules.UsSessionFinished(d, Now));

    public override SourceSettings Settings() => base.Settings() with { MaxDaysPerRequest = 200, ApiKey = Key };

    protected override Reply Serve(ServedRequest r)
    {
        if (r.Path != "/q/d/l/") return Reply.Text("<html><body>404</body></html>", 404, "text/html");
        // Stooq's answer to a missing or wrong key (as of 2026) is a line of text on HTTP 200.
        if (r.Query.GetValueOrDefault("apikey") != Key) return Reply.Text($"Invalid apikey: {r.Query.GetValueOrDefault("apikey")}");
        if (r.Query.GetValueOrDefault("s") != Symbol) return Reply.Text("No data");
        var from = DateOnly.ParseExact(r.Query["d1"], "yyyyMMdd", CultureInfo.InvariantCulture);
        var to = DateOnly.ParseExact(r.Query["d2"], "yyyyMMdd", CultureInfo.InvariantCulture);
        var csv = new StringBuilder("Date,Open,High,Low,Close,Volume\r\n");
        int rows = 0;
        for (int i = 0; i < _real.Count; i++)
        {
            var d = _real.Dates[i];
            if (d < from || d > to || d > DateOnly.FromDateTime(Now.UtcDateTime)) continue;
            var b = _real[i];
            double close = FetchRules.UsSessionFinished(d, Now) ? Preliminary.GetValueOrDefault(d, b.Close) : b.Open; // the live session
            // A revised close moves the day's range with it.
            csv.Append($"{d:yyyy-MM-dd},{R(b.Open)},{R(Math.Max(b.High, close))},{R(Math.Min(b.Low, close))},{R(close)},{R(b.Volume)}\r\n");
            rows++;
        }
        return rows == 0 ? Reply.Text("No data") : Reply.Text(csv.ToString(), 200, "text/csv");
    }

    public static Reply QuotaExceeded() => Reply.Text("Exceeded the daily hits limit", 200, "text/html");

    public override Reply Malformed() => Reply.Text("Date,Open,High,Low,Close,Volume\r\n2024-06-03,529.02,529.31,522.6", 200, "text/csv");

    public override DateOnly? RequestedFrom(ServedRequest r) => DateOnly.ParseExact(r.Query["d1"], "yyyyMMdd", CultureInfo.InvariantCulture);

    public override void AssertStored(BellwetherStore store) =>
        AssertSeries(_real.Between(HistoryStart, LastFinished), store.LoadSeries(Id), "open", "high", "low", "close", "volume");
}
