using System.Buffers.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Bellwether.Data.Import.Formats;

/// <summary>
/// Binance klines (candlesticks) of one symbol, daily only, in either of Binance's two shapes:
/// <list type="bullet">
/// <item>the CSV files of its public data dumps (<c>data.binance.vision</c>), without a header (newer futures dumps
/// add one, which is skipped): open time, open, high, low, close, volume, close time, quote volume, trades, taker
/// buy base volume, taker buy quote volume, ignore. Times are milliseconds since 1970, except spot dumps from 2025
/// on, which use microseconds: the unit is read from each time's magnitude;</item>
/// <item>the JSON answer of <c>GET /api/v3/klines</c>: an array of such 12-field arrays, prices as strings.</item>
/// </list>
/// </summary>
/// <remarks>
/// <para>A kline is dated by the UTC day it opens. Each must span exactly one UTC day (close time = open time +
/// 1 day − 1 unit, opening at 00:00 UTC): any other interval, or days shifted by the API's <c>timeZone</c>
/// option, stops the import.</para>
/// <para>The instrument comes from the file name: <c>BTCUSDT-1d-2024-01.csv</c> (the dumps' naming) or
/// <c>BTCUSDT.json</c> → <c>BTC</c> quoted in <c>USDT</c>; <c>1000PEPEUSDT-1d-2024-01.csv</c> → <c>1000PEPE</c> with a
/// contract scale of 1,000. An interval in the name other than <c>1d</c> stops the import; a symbol without a known
/// quote asset keeps its whole name and an unknown quote unit, with a note.</para>
/// <para>Volume is the base-asset volume; quote volume, trade count and taker volumes are not stored. The last
/// kline of an API answer fetched during the day is unfinished and is stored as it is.</para>
/// </remarks>
public sealed partial class BinanceKlinesImporter : IImporter
{
    // Quote assets, longest first where one ends another (FDUSD before USD).
    private static readonly string[] QuoteAssets = ["FDUSD", "USDT", "USDC", "BUSD", "TUSD", "USDP", "DAI", "USD",
        "EUR", "TRY", "BRL", "BTC", "ETH", "BNB"];
    private const string DumpHeader =
        "open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume," +
        "taker_buy_quote_volume,ignore";

    public string Name => "binance-klines";
    public string Description =>
        "Binance daily klines: data-dump CSV (12 fields, no header) or API JSON array (id from file name: " +
        "BTCUSDT-1d-2024-01.csv -> BTC in USDT)";

    public bool CanRead(FileProbe probe) => probe.Extension switch
    {
        ".json" => JsonStart().IsMatch(probe.Start(64)),
        ".csv" => probe.FirstLine.Equals(DumpHeader, StringComparison.OrdinalIgnoreCase)
            || LooksLikeKline(probe.FirstLine),
        _ => false,
    };

    private static bool LooksLikeKline(string line)
    {
        var f = line.Split(',');
        return f.Length == 12 && f[0].Length is >= 12 and <= 16 && f[0].All(char.IsAsciiDigit)
            && f[6].All(char.IsAsciiDigit);
    }

    public void Read(FileProbe probe, RowContext context)
    {
        var (symbol, interval) = NameParts(probe.Stem);
        if (interval is not null && interval != "1d")
            throw context.Fatal("interval",
                $"the file name says {interval} klines; Bellwether stores daily (1d) klines only");
        var klines = new BinanceKlines(context, symbol);
        if (probe.Extension == ".json" || JsonStart().IsMatch(probe.Start(64)))
        {
            using var document = JsonCells.Parse(probe.Content.Span, context);
            if (document.RootElement.ValueKind != JsonValueKind.Array) throw context.Fatal("json",
                "expected an array of klines");
            klines.ReadJson(document.RootElement);
        }
        else ReadCsv(probe, context, klines);
        var series = klines.Build();
        context.File.Series.Add(series);
        var id = series.Instrument.Id;
        if (series.Instrument.QuoteUnit == "unknown") context.File.Notes.Add(
            $"{id}: no quote asset recognised in '{symbol}'; quote unit unknown");
        context.File.Notes.Add(
            $"{id}: volume is in {id} (base asset); quote volume, trade count and taker volumes are not stored");
    }

    private static void ReadCsv(FileProbe probe, RowContext context, BinanceKlines klines)
    {
        bool header = probe.FirstLine.Equals(DumpHeader, StringComparison.OrdinalIgnoreCase);
        HeaderedCsv.ForEachRow(probe, context, 12, (in CsvRow row) =>
        {
            if (!TryTime(row, 0, "open_time", out long open) || !row.TryNumber(1, "open", out double o)
                || !row.TryNumber(2, "high", out double h)
                || !row.TryNumber(3, "low", out double l) || !row.TryNumber(4, "close", out double c)
                || !row.TryNumber(5, "volume", out double v)
                || !TryTime(row, 6, "close_time", out long close))
                return;
            klines.Add(row.Line, open, close, o, h, l, c, v);
        }, hasHeader: header);
    }

    private static bool TryTime(in CsvRow row, int i, string field, out long time)
    {
        if (Utf8Parser.TryParse(row[i], out time, out int consumed) && consumed == row[i].Length && !row[i].IsEmpty
            && time >= 0) return true;
        row.Context.Bad(row.Line, field, $"'{row.Text(i)}' is not a time (milliseconds or microseconds since 1970)");
        return false;
    }

    /// <summary>The symbol and interval a file name gives: <c>BTCUSDT-1d-2024-01</c> → (<c>BTCUSDT</c>, <c>1d</c>);
    /// <c>BTCUSDT</c> → (<c>BTCUSDT</c>, null).</summary>
    public static (string Symbol, string? Interval) NameParts(string stem)
    {
        var parts = stem.Split('-', '_');
        var interval = parts.Skip(1).FirstOrDefault(p => Interval().IsMatch(p));
        return (parts[0].ToUpperInvariant(), interval);
    }

    /// <summary>Base and quote asset of a symbol: <c>BTCUSDT</c> → (<c>BTC</c>, <c>USDT</c>); unknown quote → (symbol,
    /// <c>unknown</c>).</summary>
    public static (string Base, string Quote) SplitSymbol(string symbol)
    {
        foreach (var quote in QuoteAssets)
            if (symbol.Length > quote.Length
                && symbol.EndsWith(quote, StringComparison.Ordinal)) return (symbol[..^quote.Length], quote);
        return (symbol, "unknown");
    }

    [GeneratedRegex(@"^\[\s*\[\s*""?\d")]
    private static partial Regex JsonStart();

    [GeneratedRegex(@"^\d+[smhdwM]$")]
    private static partial Regex Interval();
}
