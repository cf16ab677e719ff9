using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Signals;
using Bellwether.Data.Market;
using Bellwether.Data.Store;
using Bellwether.Data.Thesis;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Core.Tests.Signals;

/// <summary>
/// The data as the board reads it (the real folder, else the checked-in excerpt: <see cref="TestData"/>), and the
/// shipped thesis, once per test process.
/// </summary>
internal static class BoardData
{
    private static readonly Lazy<(BellwetherStore Store, StoreMarketData Market)> Opened = new(() =>
    {
        var store = TestData.OpenStore(); // kept open for the whole test process
        return (store, new StoreMarketData(store));
    });

    /// <summary>The store holding the data folder.</summary>
    public static BellwetherStore Store => Opened.Value.Store;

    /// <summary>The whole data set, as the CLI reads it.</summary>
    public static StoreMarketData Market => Opened.Value.Market;

    public static SignalKinds Kinds => Concepts.Signals;

    public static ThesisDefinition DefaultThesis => ThesisFile.LoadDefault(Kinds);

    /// <summary>The default thesis's signal <paramref name="id"/>, read as of <paramref name="asOf"/> on the whole data.</summary>
    public static SignalReading Read(string id, DateOnly asOf)
    {
        var spec = DefaultThesis.Signals.Single(s => s.Id == id);
        return Kinds.Find(spec.Kind)!.Read(spec, Market, asOf);
    }

    /// <summary>
    /// Every 37th day from 2019-01-01 to 2025-12-31 on the real data: dates on every weekday, month phase and regime.
    /// On the excerpt (rows from 2024-10 or 2025 on), as many dates every 2nd day from 2025-07-01, once the 90-day
    /// correlation trend has two windows of rows: the same checks on fewer regimes.
    /// </summary>
    public static IEnumerable<DateOnly> Dates()
    {
        var (first, step) = TestData.IsExcerpt ? (new DateOnly(2025, 7, 1), 2) : (new DateOnly(2019, 1, 1), 37);
        for (int i = 0; i < 70; i++) yield return first.AddDays(i * step);
    }

    /// <summary><see cref="Dates"/> as theory rows.</summary>
    public static TheoryData<string> EveryThirtySeventhDay() => new(Dates().Select(d => d.ToString("yyyy-MM-dd")));
}
