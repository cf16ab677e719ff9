using Bellwether.Core.Calendars;

namespace Bellwether.Core.Board;

/// <summary>
/// Whether an input is current enough as of a date. Allowed lag by calendar: daily calendars 3 expected sessions
/// (a long weekend plus one late print), weekly 2 weeks, monthly 3 months (M2 is published about 4 weeks after
/// its month, and a month's value is dated its first day).
/// </summary>
public static class Freshness
{
    /// <summary>True when <paramref name="lastDate"/> lags <paramref name="asOf"/> by more than the calendar allows;
    /// true when there is no data.</summary>
    public static bool IsStale(TradingCalendar calendar, DateOnly? lastDate, DateOnly asOf)
    {
        if (lastDate is not { } last) return true;
        return calendar.Kind switch
        {
            CalendarKind.Weekly => asOf.DayNumber - last.DayNumber > 14,
            CalendarKind.Monthly => (asOf.Year - last.Year) * 12 + asOf.Month - last.Month > 3,
            _ => calendar.Sessions(last.AddDays(1), asOf).Skip(3).Any(),
        };
    }
}
