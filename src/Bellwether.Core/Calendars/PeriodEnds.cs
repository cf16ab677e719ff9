namespace Bellwether.Core.Calendars;

/// <summary>The last session of a calendar month or week: known in advance, so using it is point-in-time
/// safe.</summary>
public static class PeriodEnds
{
    /// <summary>The first day of the month holding <paramref name="d"/>.</summary>
    public static DateOnly MonthStart(DateOnly d) => new(d.Year, d.Month, 1);

    /// <summary>The Monday of the ISO week holding <paramref name="d"/>.</summary>
    public static DateOnly WeekStart(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    /// <summary>The last session of <paramref name="calendar"/> in the month holding <paramref name="d"/>, or null when
    /// the month has none.</summary>
    public static DateOnly? LastSessionOfMonth(this TradingCalendar calendar, DateOnly d)
    {
        var start = MonthStart(d);
        return LastSessionBetween(calendar, start, start.AddMonths(1).AddDays(-1));
    }

    /// <summary>The last session of <paramref name="calendar"/> in the ISO week (Monday to Sunday) holding
    /// <paramref name="d"/>, or null.</summary>
    public static DateOnly? LastSessionOfWeek(this TradingCalendar calendar, DateOnly d)
    {
        var start = WeekStart(d);
        return LastSessionBetween(calendar, start, start.AddDays(6));
    }

    private static DateOnly? LastSessionBetween(TradingCalendar calendar, DateOnly first, DateOnly last)
    {
        for (var day = last; day >= first; day = day.AddDays(-1))
            if (calendar.IsSession(day)) return day;
        return null;
    }
}
