using System.Text.Json;
using Bellwether.Core.Universe;
using Bellwether.Data.Import;
using Bellwether.Data.Import.Formats;

namespace Bellwether.Data.Sources.CoinGecko;

/// <summary>
/// CoinGecko API v3. <c>GET /coins/{id}/market_chart?vs_currency=usd&amp;days=N&amp;interval=daily</c> answers
/// <c>{prices, market_caps, total_volumes}</c>, each a list of <c>[ms, value]</c>; daily points sit at 00:00 UTC and
/// the last point is the live price (not stored). Keyless and Demo history reaches back 365 days (beyond: error_code
/// 10012).
/// <c>GET /coins/markets?vs_currency=usd&amp;order=market_cap_desc&amp;per_page=250&amp;page=P</c> is today's ranking,
/// stored each run as the dated ranking <see cref="MarketsList"/> so point-in-time rankings accumulate. A Demo key goes
/// in the
/// <c>x-cg-demo-api-key</c> header.
/// </summary>
public sealed class CoinGeckoSource(SourceSettings settings, string? key, TimeProvider time)
    : HttpSource(settings, time, "bellwether")
{
    /// <summary>The ranking list the daily markets snapshot is stored under.</summary>
    public const string MarketsList = "coingecko_markets";
    /// <summary>The symbol that stands for the markets snapshot in the instrument list.</summary>
    public const string MarketsSymbol = "coins/markets";
    /// <summary>How far back keyless and Demo requests may reach.</summary>
    public const int FreeHistoryDays = 365;

    private readonly Dictionary<string, string> _headers = key is null ? [] : new() { ["x-cg-demo-api-key"] = key };

    public override Task<ParsedFile> FetchAsync(FetchTarget target, CancellationToken ct) =>
        target.Instrument.Symbol == MarketsSymbol ? Markets(target, ct) : MarketChart(target, ct);

    private async Task<ParsedFile> MarketChart(FetchTarget target, CancellationToken ct)
    {
        var coin = target.Instrument.Symbol;
        var what = What(target);
        var context = NewContext(target, "coingecko-market-chart");
        var file = context.File;
        int wanted = target.UtcToday.DayNumber - target.From.DayNumber + 1;
        int days = Math.Clamp(wanted, 1, FreeHistoryDays);
        if (wanted > FreeHistoryDays)
            file.Notes.Add(
                $"{target.Instrument.Id}: CoinGecko's free history reaches back {FreeHistoryDays} days; days before " +
                $"{target.UtcToday.AddDays(-FreeHistoryDays):yyyy-MM-dd} need a paid plan or 'bellwether import' of " +
                "a saved file");
        var url = new Uri($"coins/{Uri.EscapeDataString(coin)}/market_chart?vs_currency=usd&days={days}&interval=daily",
            UriKind.Relative);
        var response = await Client.GetAsync(url, ct, _headers);
        ThrowOnError(response, what, target.Now);
        using var json = JsonValues.Parse(response.Body, Name, what);
        if (json.RootElement.Get("prices").ValueKind != JsonValueKind.Array) throw JsonValues.Malformed(Name, what,
            "no prices array");
        var series = CoinGeckoMarketChartImporter.ReadSeries(json.RootElement, context, target.Instrument.Id,
            "coingecko:api", out bool live);
        // The reader leaves the live point out; a point dated after today (a clock ahead of ours) is not finished
        // either.
        FetchRules.NoteDropped(file, target, live ? 1 : 0, "a live price, not a 00:00 UTC daily point");
        FetchRules.AddSeries(file, series, target, d => d <= target.UtcToday, "dated after today (UTC)");
        return file;
    }

    private async Task<ParsedFile> Markets(FetchTarget target, CancellationToken ct)
    {
        var what = "coins/markets";
        var context = NewContext(target, "coingecko-markets");
        var file = context.File;
        int perPage = Math.Clamp(Settings.PageSize, 1, 250), top = Math.Max(Settings.MarketsTop, 1);
        var ranks = new HashSet<int>();
        int element = 0, unranked = 0;
        for (int page = 1; (page - 1) * perPage < top; page++)
        {
            var url = new Uri($"coins/markets?vs_currency=usd&order=market_cap_desc&per_page={perPage}&page={page}",
                UriKind.Relative);
            var response = await Client.GetAsync(url, ct, _headers);
            ThrowOnError(response, what, target.Now);
            using var json = JsonValues.Parse(response.Body, Name, what);
            if (json.RootElement.ValueKind != JsonValueKind.Array) throw JsonValues.Malformed(Name, what,
                "expected an array of coins");
            foreach (var coin in json.RootElement.EnumerateArray())
            {
                element++;
                file.RowsRead++;
                var symbol = coin.Get("symbol");
                if (symbol.ValueKind != JsonValueKind.String || symbol.GetString()!.Length == 0)
                {
                    context.Bad(element, "symbol", "missing");
                    continue;
                }
                if (!JsonCells.TryNumber(coin.Get("market_cap"), out double cap, out var text))
                {
                    context.Bad(element, "market_cap", JsonCells.NotANumber(text));
                    continue;
                }
                var rankElement = coin.Get("market_cap_rank");
                if (rankElement.ValueKind != JsonValueKind.Number) { unranked++; continue; }
                int rank = rankElement.GetInt32();
                if (rank < 1) { context.Bad(element, "market_cap_rank", $"{rank} is not a rank"); continue; }
                if (rank > top) continue;
                if (!ranks.Add(rank))
                {
                    context.Bad(element, "market_cap_rank", $"rank {rank} appears twice");
                    continue;
                }
                file.Rankings.Add(new RankedCoin(target.UtcToday, rank, symbol.GetString()!.ToUpperInvariant(),
                    coin.Get("name").ValueKind == JsonValueKind.String ? coin.Get("name").GetString() : null, cap,
                    target.Instrument.Id));
            }
            if (json.RootElement.GetArrayLength() < perPage) break;
        }
        if (unranked > 0) file.Notes.Add(
            $"{target.Instrument.Id}: {unranked} coin(s) without a market-cap rank not stored");
        file.Notes.Add(
            $"{target.Instrument.Id}: snapshot of the top {file.Rankings.Count} by market cap dated " +
            $"{target.UtcToday:yyyy-MM-dd} (UTC)");
        return file;
    }

    private void ThrowOnError(SourceResponse r, string what, DateTimeOffset now)
    {
        if (r.IsSuccess) return;
        // Errors are {"error":{"status":{"error_code":10012,"error_message":"…"}}} or {"status":{"error_code":429,…}}.
        int code = 0;
        string message = "";
        try
        {
            using var json = JsonDocument.Parse(r.Body);
            var status = json.RootElement.Get("error").Get("status") is { ValueKind: JsonValueKind.Object } nested
                ? nested : json.RootElement.Get("status");
            if (status.Get("error_code") is { ValueKind: JsonValueKind.Number } c) code = c.GetInt32();
            message = status.Get("error_message").ToString();
        }
        catch (JsonException)
        {
        }
        if (code == 10012)
            throw new SourceException(SourceFailure.NotAllowed,
                $"{Name}: {what}: CoinGecko limits keyless and Demo history to {FreeHistoryDays} days (error 10012); " +
                $"use a paid key, or 'bellwether import' a saved file for older days");
        if ((int)r.Status is 401 or 403 && key is not null)
            throw new SourceException(SourceFailure.KeyInvalid,
                $"{Name}: {what}: CoinGecko refused the Demo API key (HTTP {(int)r.Status}, error {code}: " +
                $"{ResponseErrors.Excerpt(message, key)}); check it (it is not shown)");
        ResponseErrors.ThrowUnlessOk(r, Settings, what, now, key);
    }
}
