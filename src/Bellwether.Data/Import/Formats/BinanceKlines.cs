using System.Text.Json;
using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;

namespace Bellwether.Data.Import.Formats;

/// <summary>
/// The klines of one Binance symbol, from a data dump or the <c>/api/v3/klines</c> JSON (a saved file or a live
/// answer, read page by page): each must span exactly one UTC day (close time = open time + 1 day − 1 unit, opening at
/// 00:00 UTC; times in milliseconds, or microseconds in spot dumps from 2025 on) and becomes that day's bar.
/// </summary>
/// <param name="symbol">The symbol, e.g. <c>BTCUSDT</c>: gives the instrument
/// (<see cref="BinanceKlinesImporter.SplitSymbol"/>) and each bar's source.</param>
public sealed class BinanceKlines(RowContext context, string symbol)
{
    private const long MillisecondsPerDay = 86_400_000;
    // A time at or above this is in microseconds: 10^14 ms is the year 5138, 10^14 µs is 1973.
    private const long MicrosecondThreshold = 100_000_000_000_000;
    private static readonly DateOnly Epoch = new(1970, 1, 1);
    private static readonly string[] JsonFields = ["open_time", "open", "high", "low", "close", "volume", "close_time"];

    private readonly BarCollector _collector = new(context, pricesMustBePositive: true);
    private readonly string _source = "binance:" + symbol;

    /// <summary>Checks that a kline is one UTC day and keeps it as that day's bar.</summary>
    public void Add(int position, long openTime, long closeTime, double open, double high, double low, double close,
        double volume)
    {
        // Binance gives every field of every kline: an empty or null one is damage, not a missing value.
        foreach (var (value, field) in new[] { (open, "open"), (high, "high"), (low, "low"), (close, "close"),
            (volume, "volume") })
            if (double.IsNaN(value))
            {
                context.Bad(position, field, "no value");
                return;
            }
        bool micro = openTime >= MicrosecondThreshold;
        if (micro != closeTime >= MicrosecondThreshold)
        {
            context.Bad(position, "close_time", "open_time and close_time are in different units");
            return;
        }
        long day = micro ? MillisecondsPerDay * 1000 : MillisecondsPerDay;
        long span = closeTime - openTime + 1;
        if (span != day)
            throw context.Fatal("close_time",
                $"the kline spans {Describe(span, micro)} (open_time to close_time); Bellwether stores daily (1d) " +
                $"klines only", position);
        if (openTime % day != 0)
            throw context.Fatal("open_time",
                $"the kline opens at {Describe(openTime % day, micro)} UTC, not 00:00: its day is not a UTC day (the " +
                $"API's timeZone option?)", position);
        long dayNumber = openTime / day;
        if (dayNumber > DateOnly.MaxValue.DayNumber - Epoch.DayNumber)
        {
            context.Bad(position, "open_time", $"{openTime} is beyond the calendar");
            return;
        }
        var date = DateOnly.FromDayNumber(Epoch.DayNumber + (int)dayNumber);
        _collector.Add(position, new DailyBar(date, open, high, low, close, volume, double.NaN, _source));
    }

    /// <summary>
    /// Reads the klines of a JSON array (the API's answer: <c>[[openTime, "open", …, closeTime, …], …]</c>), numbering
    /// them as array elements after <paramref name="before"/> (the klines of earlier pages).
    /// </summary>
    /// <returns>The number of the last kline read.</returns>
    public int ReadJson(JsonElement array, int before = 0)
    {
        context.Position = RowContext.ElementPosition;
        int index = before;
        Span<double> values = stackalloc double[JsonFields.Length];
        foreach (var kline in array.EnumerateArray())
        {
            index++;
            context.File.RowsRead++;
            if (kline.ValueKind != JsonValueKind.Array || kline.GetArrayLength() < JsonFields.Length)
            {
                context.Bad(index, "kline", "expected an array of 12 fields");
                continue;
            }
            if (!TryJsonFields(kline, index, values, out long open, out long close)) continue;
            Add(index, open, close, values[1], values[2], values[3], values[4], values[5]);
        }
        return index;
    }

    private bool TryJsonFields(JsonElement kline, int index, Span<double> values, out long open, out long close)
    {
        open = close = 0;
        for (int i = 0; i < JsonFields.Length; i++)
        {
            var e = kline[i];
            if (i is 0 or 6)
            {
                if (!JsonCells.TryInteger(e, out long time, out var text) || time < 0)
                {
                    context.Bad(index, JsonFields[i],
                        $"'{text}' is not a time (milliseconds or microseconds since 1970)");
                    return false;
                }
                if (i == 0) open = time; else close = time;
            }
            else if (!JsonCells.TryNumber(e, out values[i], out var text))
            {
                context.Bad(index, JsonFields[i], JsonCells.NotANumber(text));
                return false;
            }
        }
        return true;
    }

    /// <summary>The series: the base asset quoted in the quote asset, on every UTC day (<c>BTCUSDT</c> → <c>BTC</c> in
    /// <c>USDT</c>).</summary>
    public DailySeries Build()
    {
        var (baseAsset, quote) = BinanceKlinesImporter.SplitSymbol(symbol);
        return _collector.Build(new Instrument(baseAsset, AssetClass.Crypto, quote,
            Instrument.ContractScaleOf(baseAsset), CalendarKind.EveryDay));
    }

    private static string Describe(long amount, bool micro) =>
        TimeSpan.FromMilliseconds(micro ? amount / 1000.0 : amount).ToString("c");
}
