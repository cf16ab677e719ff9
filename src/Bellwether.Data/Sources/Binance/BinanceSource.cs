using System.Text.Json;
using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Data.Import;

namespace Bellwether.Data.Sources.Binance;

/// <summary>
/// Binance spot daily klines (<c>GET /api/v3/klines?symbol=BTCUSDT&amp;interval=1d&amp;startTime=…&amp;limit=1000</c>): at most
/// 1,000 bars a call, so the history is paged by <c>startTime</c>. Each bar is
/// <c>[openTime, "open", "high", "low", "close", "volume", closeTime, …]</c> with prices as strings and the day in UTC.
/// 429 means rate limited (with <c>Retry-After</c>), 418 means the address is banned. The bar of the current UTC day is
/// still forming and is never stored.
/// </summary>
public sealed class BinanceSource(SourceSettings settings, TimeProvider time) : IDataSource
{
    private readonly SourceClient _client = new(settings, time, "bellwether (+https://github.com/bellwether)");

    public string Name => settings.Name;
    public SourceSettings Settings => settings;
    public List<string> TakeRetryNotes() => _client.TakeRetryNotes();

    public async Task<ParsedFile> FetchAsync(FetchTarget target, CancellationToken ct)
    {
        var symbol = target.Instrument.Symbol;
        var what = $"{target.Instrument.Id} ({symbol})";
        var file = FetchRules.NewFile(Name, target, "binance-klines");
        var context = new RowContext(file, target.Options);
        var collector = new BarCollector(context, pricesMustBePositive: true);
        string source = $"binance:{symbol}";
        int limit = Math.Clamp(settings.PageSize, 1, 1000), element = 0, unfinished = 0;
        long start = FetchRules.UnixSeconds(target.From) * 1000;
        while (true)
        {
            var url = new Uri($"api/v3/klines?symbol={Uri.EscapeDataString(symbol)}&interval=1d&startTime={start}&limit={limit}", UriKind.Relative);
            var response = await _client.GetAsync(url, ct);
            ThrowOnError(response, what, target.Now);
            using var json = JsonValues.Parse(response.Body, Name, what);
            if (json.RootElement.ValueKind != JsonValueKind.Array) throw JsonValues.Malformed(Name, what, "expected an array of klines");
            long lastOpen = -1;
            int count = 0;
            foreach (var k in json.RootElement.EnumerateArray())
            {
                count++;
                element++;
                if (!TryRead(k, source, context, element, out var bar, out lastOpen)) continue;
                if (bar.Date >= target.UtcToday) { unfinished++; continue; }
                collector.Add(element, bar);
            }
            // A short page is the last one; so is a page that reached today.
            if (count < limit || lastOpen < 0 || DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(lastOpen).UtcDateTime) >= target.UtcToday) break;
            start = lastOpen + 86_400_000;
        }
        var instrument = new Instrument(target.Instrument.Id, AssetClass.Crypto, QuoteUnit(symbol), Instrument.ContractScaleOf(target.Instrument.Id), CalendarKind.EveryDay);
        FetchRules.AddSeries(file, collector, target, instrument, unfinished, "the current UTC day's bar is not finished");
        return file;
    }

    private bool TryRead(JsonElement k, string source, RowContext context, int element, out DailyBar bar, out long openTime)
    {
        bar = default;
        openTime = -1;
        if (k.ValueKind != JsonValueKind.Array || k.GetArrayLength() < 7 || k[0].ValueKind != JsonValueKind.Number || !k[0].TryGetInt64(out openTime))
        {
            context.Bad(element, "kline", "expected [openTime, open, high, low, close, volume, closeTime, …]");
            return false;
        }
        if (openTime % 86_400_000 != 0)
        {
            context.Bad(element, "openTime", $"{openTime} is not midnight UTC (a daily kline opens at 00:00 UTC)");
            return false;
        }
        string[] fields = ["open", "high", "low", "close", "volume"];
        var v = new double[5];
        for (int i = 0; i < 5; i++)
        {
            if (!JsonValues.TryNumber(k[i + 1], out v[i]) || double.IsNaN(v[i]))
            {
                context.Bad(element, fields[i], $"'{k[i + 1]}' is not a number");
                return false;
            }
        }
        var date = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(openTime).UtcDateTime);
        bar = new DailyBar(date, v[0], v[1], v[2], v[3], v[4], double.NaN, source);
        return true;
    }

    private void ThrowOnError(SourceResponse r, string what, DateTimeOffset now)
    {
        if (r.IsSuccess) return;
        // Binance errors are {"code": -1121, "msg": "Invalid symbol."}.
        if ((int)r.Status == 400 && r.Text.Contains("-1121", StringComparison.Ordinal))
            throw new SourceException(SourceFailure.NotFound, $"{Name}: {what}: Binance does not know this symbol ({ResponseErrors.Excerpt(r.Text)}); check the configuration");
        ResponseErrors.ThrowUnlessOk(r, settings, what, now, keyed: false);
    }

    /// <summary>The quote currency a spot symbol ends in (BTCUSDT → USDT).</summary>
    public static string QuoteUnit(string symbol)
    {
        foreach (var quote in (string[])["USDT", "USDC", "FDUSD", "BUSD", "USD", "EUR", "BTC"])
            if (symbol.EndsWith(quote, StringComparison.OrdinalIgnoreCase) && symbol.Length > quote.Length) return quote;
        return "unknown";
    }

    public void Dispose() => _client.Dispose();
}
