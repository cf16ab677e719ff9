using System.Text.Json;
using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.TestSupport;

namespace Bellwether.Core.Tests.Structure;

/// <summary>Real series loaded once per test process, and small synthetic series.</summary>
internal static class StructureData
{
    private static readonly Dictionary<string, DailySeries> Cache = [];

    /// <summary>A stored series (skips the test without BELLWETHER_DATA).</summary>
    public static DailySeries Load(string id)
    {
        _ = RealData.Folder;
        lock (Cache)
        {
            if (Cache.TryGetValue(id, out var s)) return s;
            using var store = RealData.OpenStore();
            return Cache[id] = store.LoadSeries(id);
        }
    }

    public static DailySeries Rut => Load("RUT");
    public static DailySeries EthBtc => RatioSeries.Of(Load("ETH"), Load("BTC"));

    /// <summary>A close-only every-day series starting on <paramref name="start"/>.</summary>
    public static DailySeries Closes(DateOnly start, params double[] closes) =>
        Bars(start, closes.Select(c => (double.NaN, double.NaN, c)).ToArray());

    /// <summary>An every-day series of (high, low, close) rows starting on <paramref name="start"/>.</summary>
    public static DailySeries Bars(DateOnly start, params (double High, double Low, double Close)[] rows) =>
        new(new Instrument("T", AssetClass.Crypto, "USD", 1, CalendarKind.EveryDay),
            rows.Select((r, i) => new DailyBar(start.AddDays(i), double.NaN, r.High, r.Low, r.Close, double.NaN, double.NaN, "t")).ToList());

    /// <summary>Runs a reference script and parses its JSON.</summary>
    public static JsonElement Reference(string script, params string[] args) =>
        JsonDocument.Parse(TestSupport.Reference.Run(script, [RealData.Folder, .. args])).RootElement;

    public static DateOnly Date(JsonElement e) => DateOnly.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    public static string Snake<T>(T value) where T : Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
