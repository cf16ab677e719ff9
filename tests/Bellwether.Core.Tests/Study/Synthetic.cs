using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Core.Study.Paths;

namespace Bellwether.Core.Tests.Study;

/// <summary>Tiny hand-made inputs.</summary>
internal static class Synthetic
{
    public static readonly DateOnly Day0 = new(2024, 1, 1);

    /// <summary>A price path from <see cref="Day0"/>.</summary>
    public static CalendarPath Prices(string id, params double[] values) => new(id, "USD", PathMeasure.Return, Day0, values);

    /// <summary>A level path (change measure) from <see cref="Day0"/>.</summary>
    public static CalendarPath Levels(string id, params double[] values) => new(id, "points", PathMeasure.Change, Day0, values);

    /// <summary>An every-day crypto series of closes from <paramref name="start"/> (NaN close: no row that day).</summary>
    public static DailySeries Coin(string id, DateOnly start, params double[] closes) =>
        new(new Instrument(id, AssetClass.Crypto, "USD", Instrument.ContractScaleOf(id), CalendarKind.EveryDay),
            closes.Select((c, i) => (c, i)).Where(x => !double.IsNaN(x.c))
                .Select(x => new DailyBar(start.AddDays(x.i), double.NaN, double.NaN, double.NaN, x.c, double.NaN, double.NaN, "t")).ToList());
}
