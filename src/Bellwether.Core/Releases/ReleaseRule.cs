using Bellwether.Core.Calendars;

namespace Bellwether.Core.Releases;

/// <summary>The days on which a publisher releases: weekdays without its holidays.</summary>
public enum ReleaseCalendar
{
    /// <summary>Federal Reserve business days (the Board's and the New York Fed's releases).</summary>
    FederalReserve,
    /// <summary>NYSE sessions (ETF issuers and the flow tables built from their files).</summary>
    Nyse,
}

/// <summary>
/// When an observation becomes public: <see cref="Release"/> maps an observation date to the first day by whose end
/// it was published. Rules are data: no clock, no I/O. A rule never releases before the observation date.
/// </summary>
public abstract record ReleaseRule
{
    /// <summary>The first day by whose end the observation dated <paramref name="observation"/> was public.</summary>
    public abstract DateOnly Release(DateOnly observation);

    /// <summary>The rule in words, for <c>data status</c> and the docs.</summary>
    public abstract string Describe();

    /// <summary>True when every observation is public on its own date (a close known at the end of its day).</summary>
    public virtual bool IsSameDay => false;

    /// <summary>The day itself when it is a business day of <paramref name="calendar"/>, else the next one.</summary>
    protected static DateOnly OnBusinessDay(DateOnly d, ReleaseCalendar calendar)
    {
        while (!IsBusinessDay(d, calendar)) d = d.AddDays(1);
        return d;
    }

    /// <summary>True on weekdays that are not holidays of <paramref name="calendar"/>.</summary>
    protected static bool IsBusinessDay(DateOnly d, ReleaseCalendar calendar) =>
        d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !(calendar switch
        {
            ReleaseCalendar.Nyse => UsHolidays.IsNyseHoliday(d),
            _ => UsHolidays.IsFederalReserveHoliday(d),
        });

    /// <summary>The <paramref name="n"/>-th <paramref name="day"/> of a month (n ≥ 1).</summary>
    protected static DateOnly NthWeekday(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)day - (int)first.DayOfWeek + 7) % 7 + 7 * (n - 1));
    }
}

/// <summary>Public at the end of its own day: a UTC day's crypto close, an index or ETF close, a ranking.</summary>
public sealed record SameDayRelease : ReleaseRule
{
    public override DateOnly Release(DateOnly observation) => observation;
    public override string Describe() => "same day";
    public override bool IsSameDay => true;
}

/// <summary>Public <see cref="Days"/> business days of <see cref="Calendar"/> after the observation date.</summary>
public sealed record BusinessDaysAfter(int Days, ReleaseCalendar Calendar = ReleaseCalendar.FederalReserve)
    : ReleaseRule
{
    public override DateOnly Release(DateOnly observation)
    {
        var d = observation;
        for (int k = 0; k < Days; k++) d = OnBusinessDay(d.AddDays(1), Calendar);
        return d;
    }

    public override string Describe() => Days == 1 ? "next business day" : $"{Days} business days later";
}

/// <summary>
/// Public on the first <see cref="Day"/> after the observation date (a weekly release of the days before it, e.g.
/// H.10 on Mondays), or the next business day when that is a holiday.
/// </summary>
public sealed record NextWeekdayRelease(DayOfWeek Day) : ReleaseRule
{
    public override DateOnly Release(DateOnly observation)
    {
        int ahead = ((int)Day - (int)observation.DayOfWeek + 7) % 7;
        return OnBusinessDay(observation.AddDays(ahead == 0 ? 7 : ahead), ReleaseCalendar.FederalReserve);
    }

    public override string Describe() => $"next {Day}";
}

/// <summary>
/// A monthly value (dated any day of its month) public on the <see cref="N"/>-th <see cref="Day"/> of the following
/// month, or the next business day when that is a holiday; <see cref="N"/> = 0 with <see cref="Day"/> ignored means the
/// first business day of the following month.
/// </summary>
public sealed record NextMonthRelease(int N, DayOfWeek Day) : ReleaseRule
{
    /// <summary>The first business day of the following month.</summary>
    public static NextMonthRelease FirstBusinessDay { get; } = new(0, DayOfWeek.Monday);

    public override DateOnly Release(DateOnly observation)
    {
        var next = new DateOnly(observation.Year, observation.Month, 1).AddMonths(1);
        return OnBusinessDay(N == 0 ? next : NthWeekday(next.Year, next.Month, Day, N), ReleaseCalendar.FederalReserve);
    }

    public override string Describe() =>
        N == 0 ? "first business day of the next month" : $"{Ordinal(N)} {Day} of the next month";

    private static string Ordinal(int n) => n switch { 1 => "1st", 2 => "2nd", 3 => "3rd", _ => $"{n}th" };
}

/// <summary>
/// A release schedule that changed: <see cref="Before"/> for observations dated before <see cref="From"/>,
/// <see cref="After"/> from then on.
/// </summary>
public sealed record ScheduleChange(DateOnly From, ReleaseRule Before, ReleaseRule After) : ReleaseRule
{
    public override DateOnly Release(DateOnly observation) =>
        (observation < From ? Before : After).Release(observation);

    public override string Describe() =>
        $"{After.Describe()} (observations before {From:yyyy-MM-dd}: {Before.Describe()})";
}

/// <summary>
/// A monthly value public by the last day of the following month: the cautious rule for a monthly series whose
/// release is not known.
/// </summary>
public sealed record EndOfNextMonthRelease : ReleaseRule
{
    public override DateOnly Release(DateOnly observation) =>
        new DateOnly(observation.Year, observation.Month, 1).AddMonths(2).AddDays(-1);

    public override string Describe() => "end of the next month";
}
