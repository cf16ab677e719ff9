using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;

namespace Bellwether.Core.Series;

/// <summary>A ratio of two instruments' closes (e.g. ETH/BTC) as a close-only series, on the dates both have (nothing
/// filled).</summary>
public static class RatioSeries
{
    /// <summary>
    /// <paramref name="numerator"/>'s close divided by <paramref name="denominator"/>'s on their common dates with
    /// finite closes (<see cref="AlignedSeries.InnerJoin(DailySeries[])"/>). Open, high, low, volume and market cap are
    /// NaN; each row's source names both sources. The id is <c>A/B</c>, the unit is the denominator's id.
    /// </summary>
    /// <remarks>The calendar is the shared one when both agree, else the stricter (an equity calendar beats every-day);
    /// only month-end logic reads it.</remarks>
    public static DailySeries Of(DailySeries numerator, DailySeries denominator)
    {
        var joined = AlignedSeries.InnerJoin(numerator, denominator);
        var bars = new List<DailyBar>(joined.Count);
        for (int i = 0; i < joined.Count; i++)
        {
            var d = joined.Dates[i];
            string source = numerator.SourceAt(numerator.IndexOf(d)) + " / "
                + denominator.SourceAt(denominator.IndexOf(d));
            bars.Add(new DailyBar(d, double.NaN, double.NaN, double.NaN, joined.Columns[0][i] / joined.Columns[1][i],
                double.NaN, double.NaN, source));
        }
        return new DailySeries(InstrumentOf(numerator.Instrument, denominator.Instrument), bars);
    }

    /// <summary>The instrument of the ratio <paramref name="a"/>/<paramref name="b"/>: its calendar is the one of the
    /// two that closes less often.</summary>
    public static Instrument InstrumentOf(Instrument a, Instrument b)
    {
        var calendar = a.Calendar == b.Calendar ? a.Calendar
            : a.Calendar == CalendarKind.EveryDay ? b.Calendar
            : b.Calendar == CalendarKind.EveryDay ? a.Calendar
            : CalendarKind.UsEquity;
        return new Instrument($"{a.Id}/{b.Id}", AssetClass.MacroSeries, b.Id, 1, calendar);
    }
}
