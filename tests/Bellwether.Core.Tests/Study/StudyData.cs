using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Core.Study.Basket;
using Bellwether.Core.Study.Paths;
using Bellwether.Core.Universe;
using Bellwether.TestSupport;

namespace Bellwether.Core.Tests.Study;

/// <summary>The real data the study reads, loaded once per test process.</summary>
internal static class StudyData
{
    public sealed record Inputs(DailySeries Rut, List<DailySeries> Crypto, List<RankedCoin> Rankings, List<CoinClassification> Flags)
    {
        /// <summary>The last Bitcoin close: the data's own end, not a date written in a test.</summary>
        public DateOnly End => Crypto.First(c => c.Instrument.Id == "BTC").Dates[^1];
    }

    private static readonly Lazy<Inputs> Loaded = new(() =>
    {
        using var store = RealData.OpenStore();
        return new Inputs(store.LoadSeries("RUT"), store.LoadSeriesOfClass(AssetClass.Crypto), store.LoadRankings(), store.LoadClassifications());
    });

    private static readonly Lazy<StudyAssets> DefaultAssets = new(() =>
        StudyAssets.Build(Real.Crypto, Real.Rankings, Real.Flags, Real.End, new AltcoinBasketParameters(), new AltcoinSeasonParameters()));

    /// <summary>The real inputs (skips the test without BELLWETHER_DATA).</summary>
    public static Inputs Real
    {
        get
        {
            _ = RealData.Folder;
            return Loaded.Value;
        }
    }

    /// <summary>BTC, ETH, the K = 20 basket, ETH/BTC and the 90-day top-50 index, as of the data's end.</summary>
    public static StudyAssets Assets
    {
        get
        {
            _ = RealData.Folder;
            return DefaultAssets.Value;
        }
    }
}
