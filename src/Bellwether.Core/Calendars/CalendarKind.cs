namespace Bellwether.Core.Calendars;

/// <summary>The days on which an instrument is expected to have a value.</summary>
public enum CalendarKind
{
    /// <summary>Every UTC day (crypto, the effective fed funds rate).</summary>
    EveryDay,
    /// <summary>US equity sessions: weekdays without NYSE holidays and special closures.</summary>
    UsEquity,
    /// <summary>FRED daily-business series: weekdays without Federal Reserve holidays.</summary>
    UsBusiness,
    /// <summary>One value a week, on the weekday of the first observation (FRED weekly series are
    /// Wednesdays).</summary>
    Weekly,
    /// <summary>One value a month, dated the first of the month (FRED monthly series).</summary>
    Monthly,
}
