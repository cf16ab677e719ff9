using System.Text.Json;
using System.Text.RegularExpressions;
using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;

namespace Bellwether.Data.Import.Formats;

/// <summary>
/// CoinGecko's <c>/coins/{id}/market_chart</c> JSON: <c>{"prices": [[ms, value], …], "market_caps": […],
/// "total_volumes": […]}</c>, one coin per file, stored as <c>CG:&lt;STEM&gt;</c> (<c>BTC.json</c> → <c>CG:BTC</c>,
/// <c>bitcoin.json</c> → <c>CG:BITCOIN</c>), apart from exchange history, like the data folder's CoinGecko files.
/// </summary>
/// <remarks>
/// <para>Daily points only. CoinGecko stamps them 00:00 UTC and each is stored on that UTC date (as the data
/// folder's <c>snapshot_date_utc0000</c>): the price at the start of the day. The price becomes the close, market
/// cap and volume are joined on the same time stamp; <c>null</c> market caps or volumes are missing values, and so is
/// a market cap of 0 (CoinGecko's "unknown"; a note counts them).</para>
/// <para>CoinGecko appends the live price of the current day as a last point at the time of the request: that point
/// (last, and not at 00:00) is a counted skip, since it is no daily value. A payload with several points in one UTC
/// day (CoinGecko's automatic 5-minute or hourly granularity for ranges up to 90 days) stops the import: it is not
/// resampled. Ask for more than 90 days or for <c>interval=daily</c>.</para>
/// </remarks>
public sealed partial class CoinGeckoMarketChartImporter : IImporter
{
    private const long MillisecondsPerDay = 86_400_000;
    private static readonly DateOnly Epoch = new(1970, 1, 1);

    public string Name => "coingecko-market-chart";
    public string Description =>
        "CoinGecko market_chart JSON: {prices, market_caps, total_volumes} as [ms, value], daily points (stored as " +
        "CG:<STEM>)";

    public bool CanRead(FileProbe probe) => probe.Extension == ".json" && JsonStart().IsMatch(probe.Start(64));

    private readonly record struct Point(int Index, long Time, double Value);

    public void Read(FileProbe probe, RowContext context)
    {
        using var document = JsonCells.Parse(probe.Content.Span, context);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("prices", out _))
            throw context.Fatal("prices", "expected an object with a 'prices' array of [time, value] pairs");
        context.File.Series.Add(ReadSeries(root, context, "CG:" + probe.Stem.ToUpperInvariant(), "coingecko", out _));
    }

    /// <summary>
    /// The daily series of a <c>market_chart</c> object that has a <c>prices</c> array (a saved file or a live answer),
    /// stored as <paramref name="id"/> with <paramref name="source"/> on each bar. A market cap of 0 is CoinGecko's
    /// "unknown": stored as missing, with a note (0 would read as a worthless coin).
    /// </summary>
    /// <param name="livePoint">True when the last point was the live price of the running day (a counted skip).</param>
    public static DailySeries ReadSeries(JsonElement root, RowContext context, string id, string source,
        out bool livePoint)
    {
        context.Position = RowContext.ElementPosition;
        var prices = ReadPoints(root, "prices", context);
        context.File.RowsRead += root.GetProperty("prices").GetArrayLength();
        long? live = LivePoint(prices, context);
        livePoint = live is not null;
        RequireDaily(prices, live, context);
        var marketCaps = JoinOnTime(ReadPoints(root, "market_caps", context), prices, live, "market_caps", context);
        var volumes = JoinOnTime(ReadPoints(root, "total_volumes", context), prices, live, "total_volumes", context);
        var collector = new BarCollector(context, pricesMustBePositive: true);
        int zeroCaps = 0;
        foreach (var p in prices)
        {
            if (p.Time == live) continue;
            if (p.Time % MillisecondsPerDay != 0)
            {
                context.Bad(p.Index, "prices time", $"{Clock(p.Time)} UTC is not 00:00: not a daily point");
                continue;
            }
            if (double.IsNaN(p.Value)) { context.Bad(p.Index, "prices", "no value"); continue; }
            if (p.Value <= 0) { context.Bad(p.Index, "prices", $"price must be positive, got {p.Value}"); continue; }
            var date = DateOnly.FromDayNumber(Epoch.DayNumber + (int)(p.Time / MillisecondsPerDay));
            double cap = marketCaps.GetValueOrDefault(p.Time, double.NaN);
            if (cap == 0) { zeroCaps++; cap = double.NaN; }
            collector.Add(p.Index,
                new DailyBar(date, double.NaN, double.NaN, double.NaN, p.Value,
                    volumes.GetValueOrDefault(p.Time, double.NaN), cap, source));
        }
        if (zeroCaps > 0) context.File.Notes.Add(
            $"{id}: {zeroCaps} market cap(s) given as 0 (CoinGecko's 'unknown') stored as missing");
        return collector.Build(new Instrument(id, AssetClass.Crypto, "USD", 1, CalendarKind.EveryDay));
    }

    /// <summary>The <c>[time, value]</c> pairs of array <paramref name="name"/> (none when absent); bad pairs are
    /// reported.</summary>
    private static List<Point> ReadPoints(JsonElement root, string name, RowContext context)
    {
        var points = new List<Point>();
        if (!root.TryGetProperty(name, out var array)) return points;
        if (array.ValueKind != JsonValueKind.Array) throw context.Fatal(name,
            "expected an array of [time, value] pairs");
        int index = 0;
        foreach (var pair in array.EnumerateArray())
        {
            index++;
            if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2)
            {
                context.Bad(index, name, "expected a [time, value] pair");
                continue;
            }
            if (!JsonCells.TryInteger(pair[0], out long time, out var timeText) || time < 0 || time
                / MillisecondsPerDay > DateOnly.MaxValue.DayNumber - Epoch.DayNumber)
            {
                context.Bad(index, name + " time", $"'{timeText}' is not a time in milliseconds since 1970");
                continue;
            }
            if (!JsonCells.TryNumber(pair[1], out double value, out var text))
            {
                context.Bad(index, name, JsonCells.NotANumber(text));
                continue;
            }
            points.Add(new Point(index, time, value));
        }
        return points;
    }

    /// <summary>The time of CoinGecko's live last point (last, not at 00:00 UTC), reported as a counted skip; null when
    /// there is none.</summary>
    private static long? LivePoint(List<Point> prices, RowContext context)
    {
        if (prices.Count == 0 || prices[^1].Time % MillisecondsPerDay == 0) return null;
        var last = prices[^1];
        context.Empty(last.Index, "prices time",
            $"last point at {Clock(last.Time)} UTC is the live price of an unfinished day, not a daily value");
        return last.Time;
    }

    /// <summary>Stops the import when a UTC day holds several distinct time stamps (an intraday payload).</summary>
    private static void RequireDaily(List<Point> prices, long? live, RowContext context)
    {
        var firstTimeOfDay = new Dictionary<long, long>();
        foreach (var p in prices)
        {
            if (p.Time == live) continue;
            long day = p.Time / MillisecondsPerDay;
            if (!firstTimeOfDay.TryAdd(day, p.Time) && firstTimeOfDay[day] != p.Time)
                throw context.Fatal("prices time",
                    $"several points on {DateOnly.FromDayNumber(Epoch.DayNumber + (int)day):yyyy-MM-dd} (" +
                    $"{Clock(firstTimeOfDay[day])} and {Clock(p.Time)} UTC): "
                    + "the payload is intraday (CoinGecko's automatic granularity for ranges up to 90 days) and is " +
                    "not resampled; request more than 90 days or interval=daily", p.Index);
        }
    }

    /// <summary>Values by time stamp. A time with no price point, or given twice with different values, is
    /// reported.</summary>
    private static Dictionary<long, double> JoinOnTime(List<Point> points, List<Point> prices, long? live, string name,
        RowContext context)
    {
        var priceTimes = prices.Select(p => p.Time).ToHashSet();
        var byTime = new Dictionary<long, double>();
        foreach (var p in points)
        {
            if (p.Time == live) continue;
            if (!priceTimes.Contains(p.Time))
            {
                context.Bad(p.Index, name + " time", $"{p.Time} has no price point");
                continue;
            }
            if (!byTime.TryAdd(p.Time, p.Value) && !byTime[p.Time].Equals(p.Value))
                context.Bad(p.Index, name, $"time {p.Time} appears again with a different value");
        }
        return byTime;
    }

    private static string Clock(long time) => TimeSpan.FromMilliseconds(time % MillisecondsPerDay)
        .ToString(@"hh\:mm\:ss");

    [GeneratedRegex(@"^\{\s*""(prices|market_caps|total_volumes)""\s*:")]
    private static partial Regex JsonStart();
}
