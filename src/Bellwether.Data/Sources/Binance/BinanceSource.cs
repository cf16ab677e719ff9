using System.Text.Json;
using Bellwether.Data.Import;
using Bellwether.Data.Import.Formats;

namespace Bellwether.Data.Sources.Binance;

/// <summary>
/// Binance spot daily klines (<c>GET /api/v3/klines?symbol=BTCUSDT&amp;interval=1d&amp;startTime=…&amp;limit=1000</c>):
/// at most 1,000 bars a call, so the history is paged by <c>startTime</c>. Each page is read by
/// <see cref="BinanceKlines"/>, as a saved answer is by <see cref="BinanceKlinesImporter"/>. 429 means rate limited
/// (with <c>Retry-After</c>), 418 means the address is banned. The bar of the current UTC day is still forming and is
/// never stored.
/// </summary>
public sealed class BinanceSource(SourceSettings settings, TimeProvider time)
    : HttpSource(settings, time, "bellwether (+https://github.com/bellwether)")
{
    private const long MillisecondsPerDay = 86_400_000;

    public override async Task<ParsedFile> FetchAsync(FetchTarget target, CancellationToken ct)
    {
        var symbol = target.Instrument.Symbol;
        var what = What(target);
        var context = NewContext(target, "binance-klines");
        var klines = new BinanceKlines(context, symbol);
        int limit = Math.Clamp(Settings.PageSize, 1, 1000), read = 0;
        long start = FetchRules.UnixSeconds(target.From) * 1000, today = FetchRules.UnixSeconds(target.UtcToday) * 1000;
        while (true)
        {
            var url =
                new Uri(
                    $"api/v3/klines?symbol={Uri.EscapeDataString(symbol)}&interval=1d&startTime={start}&limit={limit}",
                    UriKind.Relative);
            var response = await Client.GetAsync(url, ct);
            ThrowOnError(response, what, target.Now);
            using var json = JsonValues.Parse(response.Body, Name, what);
            var page = json.RootElement;
            if (page.ValueKind != JsonValueKind.Array) throw JsonValues.Malformed(Name, what,
                "expected an array of klines");
            read = klines.ReadJson(page, read);
            // A short page is the last one; so is a page that reached today.
            int count = page.GetArrayLength();
            long lastOpen = count > 0 && page[count - 1] is { ValueKind: JsonValueKind.Array } last
                && last.GetArrayLength() > 0
                && JsonCells.TryInteger(last[0], out long open, out _) ? open : -1;
            if (count < limit || lastOpen < 0 || lastOpen >= today) break;
            start = lastOpen + MillisecondsPerDay;
        }
        FetchRules.AddSeries(context.File, klines.Build(), target, d => d < target.UtcToday,
            "the current UTC day's bar is not finished");
        return context.File;
    }

    private void ThrowOnError(SourceResponse r, string what, DateTimeOffset now)
    {
        if (r.IsSuccess) return;
        // Binance errors are {"code": -1121, "msg": "Invalid symbol."}.
        if ((int)r.Status == 400 && r.Text.Contains("-1121", StringComparison.Ordinal))
            throw new SourceException(SourceFailure.NotFound,
                $"{Name}: {what}: Binance does not know this symbol ({ResponseErrors.Excerpt(r.Text, key: null)}); " +
                $"check the configuration");
        ResponseErrors.ThrowUnlessOk(r, Settings, what, now, key: null);
    }
}
