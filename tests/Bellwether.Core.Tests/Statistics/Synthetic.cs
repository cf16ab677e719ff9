using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;

namespace Bellwether.Core.Tests.Statistics;

/// <summary>Small hand-made series for edge cases.</summary>
internal static class Synthetic
{
    public static DailySeries Series(string id, string unit, params (string Date, double Close)[] rows) =>
        Bars(id, unit, rows.Select(r => (r.Date, double.NaN, r.Close)).ToArray());

    public static DailySeries Bars(string id, string unit, params (string Date, double High, double Close)[] rows) =>
        new(new Instrument(id, AssetClass.MacroSeries, unit, 1, CalendarKind.EveryDay),
            rows.Select(r => new DailyBar(DateOnly.Parse(r.Date), double.NaN, r.High, double.NaN, r.Close, double.NaN, double.NaN, "test")).ToList());

    /// <summary>One value a day from <paramref name="start"/>.</summary>
    public static DailySeries Daily(string id, string unit, string start, params double[] values)
    {
        var first = DateOnly.Parse(start);
        return Series(id, unit, values.Select((v, i) => (first.AddDays(i).ToString("yyyy-MM-dd"), v)).ToArray());
    }
}
