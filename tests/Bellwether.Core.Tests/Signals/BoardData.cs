using Bellwether.Core.Board;
using Bellwether.Core.Signals;
using Bellwether.Data.Market;
using Bellwether.Data.Store;
using Bellwether.Data.Thesis;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Signals;

/// <summary>The real data as the board reads it, and the shipped thesis, once per test process.</summary>
internal static class BoardData
{
    private static readonly Lazy<(BellwetherStore Store, StoreMarketData Market)> Opened = new(() =>
    {
        var store = RealData.OpenStore(); // kept open for the whole test process
        return (store, new StoreMarketData(store));
    });

    /// <summary>The store holding the data folder (skips without BELLWETHER_DATA).</summary>
    public static BellwetherStore Store
    {
        get
        {
            _ = RealData.Folder;
            return Opened.Value.Store;
        }
    }

    /// <summary>The whole data set, as the CLI reads it.</summary>
    public static StoreMarketData Market
    {
        get
        {
            _ = RealData.Folder;
            return Opened.Value.Market;
        }
    }

    public static SignalKinds Kinds => BuiltInSignals.Kinds;

    public static ThesisDefinition DefaultThesis => ThesisFile.LoadDefault(Kinds);

    /// <summary>The default thesis's signal <paramref name="id"/>, read as of <paramref name="asOf"/> on the whole data.</summary>
    public static SignalReading Read(string id, DateOnly asOf)
    {
        var spec = DefaultThesis.Signals.Single(s => s.Id == id);
        return Kinds.Find(spec.Kind)!.Read(spec, Market, asOf);
    }

    /// <summary>Every 37th day from 2019-01-01 to 2025-12-31: dates on every weekday, month phase and regime.</summary>
    public static IEnumerable<DateOnly> Dates()
    {
        for (var d = new DateOnly(2019, 1, 1); d <= new DateOnly(2025, 12, 31); d = d.AddDays(37)) yield return d;
    }

    /// <summary><see cref="Dates"/> as theory rows.</summary>
    public static TheoryData<string> EveryThirtySeventhDay() => new(Dates().Select(d => d.ToString("yyyy-MM-dd")));
}
