using System.Collections.Concurrent;

namespace Bellwether.Core.Calendars;

/// <summary>US market and Federal Reserve holiday rules, computed rather than tabulated so any year works.</summary>
public static class UsHolidays
{
    // NYSE closures that no rule predicts: national days of mourning, 9/11, Hurricane Sandy.
    private static readonly HashSet<DateOnly> SpecialNyseClosures =
    [
        new(1994, 4, 27), new(2001, 9, 11), new(2001, 9, 12), new(2001, 9, 13), new(2001, 9, 14),
        new(2004, 6, 11), new(2007, 1, 2), new(2012, 10, 29), new(2012, 10, 30), new(2018, 12, 5),
        new(2025, 1, 9),
    ];

    // The rules are evaluated once per day of a year and kept: calendars ask about the same days over and over.
    private static readonly ConcurrentDictionary<int, bool[]> NyseYears = new(), FedYears = new();

    /// <summary>True when the NYSE is closed on a weekday by holiday or special closure.</summary>
    public static bool IsNyseHoliday(DateOnly d) => NyseYears.GetOrAdd(d.Year, y => Year(y, NyseRule))[d.DayOfYear - 1];

    /// <summary>True when the Federal Reserve is closed on a weekday (the calendar of FRED's daily-business
    /// series).</summary>
    public static bool IsFederalReserveHoliday(DateOnly d) =>
        FedYears.GetOrAdd(d.Year, y => Year(y, FedRule))[d.DayOfYear - 1];

    private static bool[] Year(int year, Func<DateOnly, bool> rule)
    {
        var days = new bool[DateTime.IsLeapYear(year) ? 366 : 365];
        for (int i = 0; i < days.Length; i++) days[i] = rule(new DateOnly(year, 1, 1).AddDays(i));
        return days;
    }

    private static bool NyseRule(DateOnly d)
    {
        if (SpecialNyseClosures.Contains(d)) return true;
        int y = d.Year;
        // New Year's Day moves to Monday when it falls on Sunday; a Saturday New Year is not observed on Friday.
        var newYear = new DateOnly(y, 1, 1);
        if (d == (newYear.DayOfWeek == DayOfWeek.Sunday ? newYear.AddDays(1) : newYear)) return true;
        if (y >= 1998 && d == NthWeekday(y, 1, DayOfWeek.Monday, 3)) return true;
        if (d == NthWeekday(y, 2, DayOfWeek.Monday, 3)) return true;
        if (d == EasterSunday(y).AddDays(-2)) return true;
        if (d == LastWeekday(y, 5, DayOfWeek.Monday)) return true;
        if (y >= 2022 && d == ObservedSatFriSunMon(new DateOnly(y, 6, 19))) return true;
        if (d == ObservedSatFriSunMon(new DateOnly(y, 7, 4))) return true;
        if (d == NthWeekday(y, 9, DayOfWeek.Monday, 1)) return true;
        if (d == NthWeekday(y, 11, DayOfWeek.Thursday, 4)) return true;
        return d == ObservedSatFriSunMon(new DateOnly(y, 12, 25));
    }

    private static bool FedRule(DateOnly d)
    {
        int y = d.Year;
        // The Fed observes a Sunday holiday on Monday and does not move a Saturday one.
        if (d == SundayToMonday(new DateOnly(y, 1, 1))) return true;
        if (y >= 1986 && d == NthWeekday(y, 1, DayOfWeek.Monday, 3)) return true;
        if (d == NthWeekday(y, 2, DayOfWeek.Monday, 3)) return true;
        if (d == LastWeekday(y, 5, DayOfWeek.Monday)) return true;
        if (y >= 2021 && d == SundayToMonday(new DateOnly(y, 6, 19))) return true;
        if (d == SundayToMonday(new DateOnly(y, 7, 4))) return true;
        if (d == NthWeekday(y, 9, DayOfWeek.Monday, 1)) return true;
        if (d == NthWeekday(y, 10, DayOfWeek.Monday, 2)) return true;
        if (d == SundayToMonday(new DateOnly(y, 11, 11))) return true;
        if (d == NthWeekday(y, 11, DayOfWeek.Thursday, 4)) return true;
        return d == SundayToMonday(new DateOnly(y, 12, 25));
    }

    /// <summary>Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly NthWeekday(int year, int month, DayOfWeek dow, int n)
    {
        var first = new DateOnly(year, month, 1);
        int offset = ((int)dow - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 7 * (n - 1));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek dow)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        int back = ((int)last.DayOfWeek - (int)dow + 7) % 7;
        return last.AddDays(-back);
    }

    private static DateOnly ObservedSatFriSunMon(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Saturday => d.AddDays(-1),
        DayOfWeek.Sunday => d.AddDays(1),
        _ => d,
    };

    private static DateOnly SundayToMonday(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? d.AddDays(1) : d;
}
