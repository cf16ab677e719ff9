using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;

namespace Bellwether.Data.Import.Formats;

/// <summary>
/// The daily OHLCV layout of the data folder: <c>markets/*.csv</c> (<c>date,open,high,low,close,volume,source</c>)
/// and <c>crypto/daily/*.csv</c> (adds <c>market_cap</c> and <c>volume_unit</c>).
/// </summary>
public sealed class BarsCsvImporter : IImporter
{
    public string Name => "bellwether-bars";
    public string Description =>
        "data-folder daily bars: date,open,high,low,close,volume[,market_cap],source[,volume_unit]";

    public bool CanRead(FileProbe probe)
    {
        var c = probe.Columns;
        return c.Length >= 6 && c[0] == "date" && c[1] == "open" && c[2] == "high" && c[3] == "low" && c[4] == "close"
               && c.Contains("source");
    }

    public void Read(FileProbe probe, RowContext context)
    {
        var columns = probe.Columns;
        int volume = Array.IndexOf(columns, "volume"), marketCap = Array.IndexOf(columns, "market_cap");
        int source = Array.IndexOf(columns, "source");
        bool crypto = marketCap >= 0 || probe.Folder == "daily"
            || probe.Path.Contains("crypto", StringComparison.OrdinalIgnoreCase);
        var collector = new BarCollector(context, pricesMustBePositive: true);
        var units = new SortedSet<string>(StringComparer.Ordinal);
        string? lastSource = null;
        HeaderedCsv.ForEachRow(probe, context, columns.Length, (in CsvRow row) =>
        {
            if (!row.TryDate(0, "date", out var date)
                || !row.TryNumber(1, "open", out double o) || !row.TryNumber(2, "high", out double h)
                || !row.TryNumber(3, "low", out double l) || !row.TryNumber(4, "close", out double c)
                || !row.TryNumber(volume, "volume", out double v)
                || !row.TryNumber(marketCap, "market_cap", out double mc))
                return;
            var previous = lastSource;
            string src = source >= 0 ? row.Text(source, ref lastSource) : "";
            if (collector.Add(row.Line, new DailyBar(date, o, h, l, c, v, mc, src)) && crypto
                && !ReferenceEquals(src, previous))
                units.Add(QuoteUnitOf(src));
        });
        var id = Instrument.IdFromStem(probe.Stem);
        var instrument = crypto
            ? new Instrument(id, AssetClass.Crypto, units.Count == 0 ? "USD" : string.Join('|', units),
                Instrument.ContractScaleOf(id), CalendarKind.EveryDay)
            : new Instrument(id, Tickers.KnownIndices.Contains(id) ? AssetClass.EquityIndex : AssetClass.Etf, "USD", 1,
                CalendarKind.UsEquity);
        if (instrument.Class == AssetClass.EquityIndex
            && volume >= 0) context.File.Notes.Add($"{id}: index volume is stored but not meaningful");
        if (units.Count > 1) context.File.Notes.Add(
            $"{id}: quote currency changes between rows ({string.Join(", ", units)}); the source column says which");
        context.File.Series.Add(collector.Build(instrument, dailyOnly: true));
    }

    /// <summary>The quote currency a crypto source tag implies: USDT for Binance and Bybit USDT markets, USD
    /// otherwise.</summary>
    public static string QuoteUnitOf(string source) =>
        source.Contains("usdt", StringComparison.OrdinalIgnoreCase)
        || source.Contains("usdm", StringComparison.OrdinalIgnoreCase)
        || source.StartsWith("bybit_linear", StringComparison.OrdinalIgnoreCase) ? "USDT" : "USD";
}
