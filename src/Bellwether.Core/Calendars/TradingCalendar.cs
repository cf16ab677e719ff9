namespace Bellwether.Core.Calendars;

/// <summary>
/// A calendar of expected observation dates. Weekly calendars are anchored on a weekday, taken from the
/// first observation when built with <see cref="For(CalendarKind, DateOnly)"/>.
/// </summary>
public readonly record struct TradingCalendar(CalendarKind Kind, DayOfWeek WeeklyAnchor = DayOfWeek.Wednesday)
{
    /// <summary>The calendar of a kind, anchoring a weekly one on <paramref name="firstObservation"/>'s
    /// weekday.</summary>
    public static TradingCalendar For(CalendarKind kind, DateOnly firstObservation) =>
        new(kind, firstObservation.DayOfWeek);

    /// <summary>True when a value is expected on <paramref name="d"/>.</summary>
    public bool IsSession(DateOnly d) => Kind switch
    {
        CalendarKind.EveryDay => true,
        CalendarKind.UsEquity => IsWeekday(d) && !UsHolidays.IsNyseHoliday(d),
        CalendarKind.UsBusiness => IsWeekday(d) && !UsHolidays.IsFederalReserveHoliday(d),
        CalendarKind.Weekly => d.DayOfWeek == WeeklyAnchor,
        CalendarKind.Monthly => d.Day == 1,
        _ => throw new InvalidOperationException($"unknown calendar kind {Kind}"),
    };

    /// <summary>Expected dates from <paramref name="from"/> to <paramref name="to"/>, both inclusive.</summary>
    public IEnumerable<DateOnly> Sessions(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
            if (IsSession(d)) yield return d;
    }

    /// <summary>
    /// Compares sorted, distinct <paramref name="dates"/> with the calendar between their first and last date.
    /// </summary>
    /// <returns>Expected dates with no observation (<c>Missing</c>) and observations on non-session dates
    /// (<c>OffCalendar</c>); both zero for fewer than two dates.</returns>
    public CalendarCoverage Coverage(ReadOnlySpan<DateOnly> dates)
    {
        if (dates.Length < 2) return new CalendarCoverage(0, 0, null);
        int missing = 0, off = 0, i = 0;
        DateOnly? firstMissing = null;
        for (var d = dates[0]; d <= dates[^1]; d = d.AddDays(1))
        {
            bool present = i < dates.Length && dates[i] == d;
            if (present) i++;
            bool session = IsSession(d);
            if (session && !present) { missing++; firstMissing ??= d; }
            else if (!session && present) off++;
        }
        return new CalendarCoverage(missing, off, firstMissing);
    }

    private static bool IsWeekday(DateOnly d) => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}

/// <summary>How a series' dates cover its calendar.</summary>
/// <param name="Missing">Expected dates without an observation (gaps).</param>
/// <param name="OffCalendar">Observations on dates the calendar does not expect.</param>
/// <param name="FirstMissing">The first gap, if any.</param>
public readonly record struct CalendarCoverage(int Missing, int OffCalendar, DateOnly? FirstMissing);
