using System.Globalization;
using System.Text;
using Bellwether.Core.Series;
using Bellwether.Core.Universe;
using Bellwether.Data.Import;
using Bellwether.Data.Sources;
using Bellwether.Data.Sources.CoinGecko;
using Bellwether.Data.Store;
using Xunit;

namespace Bellwether.TestSupport.Sources;

/// <summary>
/// CoinGecko's <c>/coins/{id}/market_chart</c> over a data-folder CoinGecko file (points at 00:00 UTC plus the live price)
/// and <c>/coins/markets</c> over the last monthly top-200 snapshot (the only one in the excerpt). Keyless requests beyond 365 days get error 10012.
/// </summary>
public sealed class CoinGeckoFake(string? key = null) : ApiFake("coingecko", "CG:ETH", "ethereum")
{
    private readonly DailySeries _real = RealSeries("crypto", "coingecko", "ETH.csv");
    private readonly List<RankedCoin> _snapshot = LastSnapshot();
    private DateOnly? _earliest;

    public string? Key { get; } = key;
    public override DateOnly HistoryStart => new(2024, 9, 1);
    public override DateTimeOffset LatestNow => new(2025, 9, 30, 15, 0, 0, TimeSpan.Zero);
    public override DateOnly LastFinished => UtcDate(Now);
    public override bool Paginates => false;
    /// <summary>How many coins the markets snapshot in tests ranks (two pages of 50).</summary>
    public const int Top = 100;

    public override SourceSettings Settings() => base.Settings() with { ApiKey = Key, PageSize = 50, MarketsTop = Top };

    private static List<RankedCoin> LastSnapshot()
    {
        var all = Importers.Read(Excerpt.File("crypto", "cmc_monthly_top200_snapshots.csv"), new ImportOptions(SkipBad: true)).Rankings;
        var last = all.Max(r => r.Date);
        return [.. all.Where(r => r.Date == last).OrderBy(r => r.Rank)];
    }

    protected override Reply Serve(ServedRequest r)
    {
        if (Key is not null && r.Headers.GetValueOrDefault("x-cg-demo-api-key") != Key)
            return Reply.Json($"{{\"status\":{{\"error_code\":10002,\"error_message\":\"Invalid API Key {r.Headers.GetValueOrDefault("x-cg-demo-api-key")}\"}}}}", 401);
        if (r.Path == "/coins/markets") return Markets(r);
        if (r.Path != $"/coins/{Symbol}/market_chart") return Reply.Json("{\"error\":\"coin not found\"}", 404);
        int days = int.Parse(r.Query["days"], CultureInfo.InvariantCulture);
        if (days > 365) return TooFarBack();
        var today = UtcDate(Now);
        if (_earliest is null || today.AddDays(-days) < _earliest) _earliest = today.AddDays(-days);
        var prices = new List<string>();
        var caps = new List<string>();
        var volumes = new List<string>();
        for (var d = today.AddDays(-days); d <= today; d = d.AddDays(1))
        {
            int i = _real.IndexOf(d);
            if (i < 0) continue;
            prices.Add($"[{Ms(d)},{R(Preliminary.GetValueOrDefault(d, _real.Close[i]))}]");
            caps.Add($"[{Ms(d)},{(double.IsNaN(_real.MarketCap[i]) ? "0" : R(_real.MarketCap[i]))}]");
            volumes.Add($"[{Ms(d)},{R(_real.Volume[i])}]");
        }
        // The last point is the live price of the running day, stamped with the current time.
        int last = _real.IndexOnOrBefore(today);
        long now = Now.ToUnixTimeMilliseconds();
        prices.Add($"[{now},{R(_real.Close[last] * 1.004)}]");
        caps.Add($"[{now},{R(_real.MarketCap[last] * 1.004)}]");
        volumes.Add($"[{now},{R(_real.Volume[last])}]");
        return Reply.Json($"{{\"prices\":[{string.Join(',', prices)}],\"market_caps\":[{string.Join(',', caps)}],\"total_volumes\":[{string.Join(',', volumes)}]}}");
    }

    private Reply Markets(ServedRequest r)
    {
        int perPage = int.Parse(r.Query["per_page"], CultureInfo.InvariantCulture), page = int.Parse(r.Query["page"], CultureInfo.InvariantCulture);
        var coins = _snapshot.Skip((page - 1) * perPage).Take(perPage).Select(c =>
            $"{{\"id\":\"{c.Name!.ToLowerInvariant().Replace(' ', '-')}\",\"symbol\":\"{c.Symbol.ToLowerInvariant()}\",\"name\":\"{c.Name}\",\"image\":\"https://coin-images.coingecko.com/coins/images/1/large/x.png\",\"current_price\":1.0,\"market_cap\":{R(c.MarketCapUsd)},\"market_cap_rank\":{c.Rank},\"fully_diluted_valuation\":null,\"total_volume\":0,\"last_updated\":\"{Now:yyyy-MM-ddTHH:mm:ss.fffZ}\"}}");
        return Reply.Json("[" + string.Join(',', coins) + "]");
    }

    public static Reply TooFarBack() => Reply.Json("{\"error\":{\"status\":{\"timestamp\":\"2025-09-30T15:00:00.000+00:00\",\"error_code\":10012,\"error_message\":\"Your request exceeds the allowed time range. Public API users are limited to querying historical data within the past 365 days. Upgrade to a paid plan to enjoy full historical data access: https://www.coingecko.com/en/api/pricing. \"}}}", 401);

    public static Reply RateLimited() => Reply.Json("{\"status\":{\"error_code\":429,\"error_message\":\"You've exceeded the Rate Limit. Please visit https://www.coingecko.com/en/api/pricing to subscribe to our API plans for higher rate limits.\"}}", 429).With("Retry-After", "1");

    public override DateOnly? RequestedFrom(ServedRequest r) =>
        r.Query.TryGetValue("days", out var days) ? UtcDate(Now).AddDays(-int.Parse(days, CultureInfo.InvariantCulture)) : null;

    public override void AssertStored(BellwetherStore store)
    {
        // Free history reaches back 365 days from each run; the earliest run set where the store starts.
        var expected = _real.Between(_earliest ?? UtcDate(Now).AddDays(-CoinGeckoSource.FreeHistoryDays), LastFinished);
        AssertSeries(expected, store.LoadSeries(Id), "close", "volume", "market_cap");
    }

    /// <summary>Asserts the stored <c>coingecko_markets</c> ranking dated today equals the real snapshot's top <see cref="Top"/>.</summary>
    public void AssertSnapshot(BellwetherStore store)
    {
        var stored = store.LoadRankings(CoinGeckoSource.MarketsList);
        var expected = _snapshot.Where(c => c.Rank <= Top).ToList();
        Assert.Equal(expected.Count, stored.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(UtcDate(Now), stored[i].Date);
            Assert.Equal((expected[i].Rank, expected[i].Symbol, expected[i].Name, expected[i].MarketCapUsd),
                (stored[i].Rank, stored[i].Symbol, stored[i].Name, stored[i].MarketCapUsd));
        }
    }
}
