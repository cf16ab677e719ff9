using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;

namespace Bellwether.Data.Import.Formats;

/// <summary>
/// The data folder's <c>crypto/coingecko/&lt;SYMBOL&gt;.csv</c>: daily price, market cap and volume
/// (<c>snapshot_date_utc0000,price_usd,market_cap_usd,total_volume_usd,from_repo</c>). Stored as the
/// instrument <c>CG:&lt;SYMBOL&gt;</c>, apart from the exchange history of the same coin.
/// </summary>
public sealed class CoinGeckoDailyCsvImporter : IImporter
{
    public string Name => "coingecko-daily-csv";
    public string Description =>
        "snapshot_date_utc0000,price_usd,market_cap_usd,total_volume_usd[,from_repo] (stored as CG:<SYMBOL>)";

    public bool CanRead(FileProbe probe)
    {
        var c = probe.Columns;
        return c.Length >= 4 && c[0] == "snapshot_date_utc0000" && c[1] == "price_usd";
    }

    public void Read(FileProbe probe, RowContext context)
    {
        var columns = probe.Columns;
        int marketCap = Array.IndexOf(columns, "market_cap_usd"), volume = Array.IndexOf(columns, "total_volume_usd");
        int repo = Array.IndexOf(columns, "from_repo");
        var collector = new BarCollector(context, pricesMustBePositive: true);
        HeaderedCsv.ForEachRow(probe, context, columns.Length, (in CsvRow row) =>
        {
            if (!row.TryDate(0, "snapshot_date_utc0000", out var date)
                || !row.TryNumber(1, "price_usd", out double price)
                || !row.TryNumber(marketCap, "market_cap_usd", out double mc)
                || !row.TryNumber(volume, "total_volume_usd", out double v))
                return;
            var source = repo >= 0 ? "coingecko:" + row.Text(repo) : "coingecko";
            collector.Add(row.Line, new DailyBar(date, double.NaN, double.NaN, double.NaN, price, v, mc, source));
        });
        var id = "CG:" + probe.Stem.ToUpperInvariant();
        context.File.Series.Add(collector.Build(new Instrument(id, AssetClass.Crypto, "USD", 1, CalendarKind.EveryDay),
            dailyOnly: true));
    }
}
