using System.Text.Json;
using Bellwether.Core.Series;
using Bellwether.TestSupport;

namespace Bellwether.Core.Tests.Statistics;

/// <summary>The real series the statistics are checked on, and the data-folder files the reference scripts read.</summary>
internal static class RealPairs
{
    public const string Since = "2024-01-01";

    public static readonly Dictionary<string, string> Files = new()
    {
        ["RUT"] = "markets/rut_daily.csv",
        ["ETH"] = "crypto/daily/ETH.csv",
        ["BTC"] = "crypto/daily/BTC.csv",
        ["SOL"] = "crypto/daily/SOL.csv",
        ["XRP"] = "crypto/daily/XRP.csv",
        ["DOGE"] = "crypto/daily/DOGE.csv",
        ["ADA"] = "crypto/daily/ADA.csv",
        ["LINK"] = "crypto/daily/LINK.csv",
        ["IWM"] = "markets/iwm_daily.csv",
    };

    public static DailySeries Load(string id)
    {
        using var store = RealData.OpenStore();
        return store.LoadSeries(id);
    }

    public static JsonElement RunReference(string script, params string[] args) =>
        JsonDocument.Parse(Reference.Run(script, [RealData.Folder, .. args])).RootElement;
}
