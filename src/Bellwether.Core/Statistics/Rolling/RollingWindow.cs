using System.Globalization;

namespace Bellwether.Core.Statistics.Rolling;

/// <summary>
/// A trailing window: the last N observations, or the observations dated within the last N calendar days
/// (<c>date &gt; t − N days</c>, the current one included, as pandas' <c>rolling("90D")</c>), with the least number
/// of valid pairs for a value (fewer give NaN).
/// </summary>
public readonly record struct RollingWindow
{
    /// <summary>The default least count for a calendar window: three pairs, the fewest with a defined
    /// p-value.</summary>
    public const int DefaultCalendarMinCount = 3;

    private RollingWindow(int observations, int calendarDays, int minCount)
    {
        Observations = observations;
        CalendarDays = calendarDays;
        MinCount = minCount;
    }

    /// <summary>The window length in observations, or 0 for a calendar window.</summary>
    public int Observations { get; }

    /// <summary>The window length in calendar days, or 0 for a window by count.</summary>
    public int CalendarDays { get; }

    /// <summary>The least number of valid pairs in the window for a value.</summary>
    public int MinCount { get; }

    /// <summary>True for a window by calendar span.</summary>
    public bool IsCalendar => CalendarDays > 0;

    /// <summary>The last <paramref name="count"/> observations; by default all of them must be valid.</summary>
    /// <exception cref="ArgumentOutOfRangeException">count &lt; 1, or minCount outside 1..count.</exception>
    public static RollingWindow OfObservations(int count, int? minCount = null)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count,
            "a window holds at least one observation");
        int min = minCount ?? count;
        if (min < 1 || min > count) throw new ArgumentOutOfRangeException(nameof(minCount), min,
            $"the least count must be within 1..{count}");
        return new RollingWindow(count, 0, min);
    }

    /// <summary>The observations dated within the last <paramref name="days"/> calendar days.</summary>
    /// <exception cref="ArgumentOutOfRangeException">days &lt; 1 or minCount &lt; 1.</exception>
    public static RollingWindow OfCalendarDays(int days, int minCount = DefaultCalendarMinCount)
    {
        if (days < 1) throw new ArgumentOutOfRangeException(nameof(days), days, "a window spans at least one day");
        if (minCount < 1) throw new ArgumentOutOfRangeException(nameof(minCount), minCount,
            "the least count is at least 1");
        return new RollingWindow(0, days, minCount);
    }

    /// <summary>Parses <c>90</c> (observations) or <c>90d</c> (calendar days), with an optional least count.</summary>
    /// <exception cref="FormatException">Neither form.</exception>
    public static RollingWindow Parse(string text, int? minCount = null)
    {
        var t = text.Trim();
        bool days = t.EndsWith('d') || t.EndsWith('D');
        if (!int.TryParse(days ? t[..^1] : t, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1)
            throw new FormatException(
                $"'{text}' is not a window: use a count of observations (90) or of calendar days (90d)");
        return days ? OfCalendarDays(n, minCount ?? DefaultCalendarMinCount) : OfObservations(n, minCount);
    }

    /// <inheritdoc/>
    public override string ToString() => IsCalendar ? $"{CalendarDays}d"
        : Observations.ToString(CultureInfo.InvariantCulture);
}
