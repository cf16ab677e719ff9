using Bellwether.Core.Calendars;

namespace Bellwether.Core.Board;

/// <summary>One input of a thesis with the last date stored for it.</summary>
/// <param name="Id">Instrument or list id.</param>
/// <param name="Calendar">Its calendar (a ranking list: monthly).</param>
/// <param name="LastDate">Its last stored observation.</param>
public sealed record ThesisInput(string Id, CalendarKind Calendar, DateOnly LastDate);

/// <summary>The date a thesis is evaluated on when none is given, and why.</summary>
/// <param name="Date">The date.</param>
/// <param name="LimitedBy">The inputs whose data ends the span (the earliest-ending daily inputs, or the input that
/// goes stale first).</param>
/// <param name="Reason">One sentence: which date and why.</param>
public sealed record ThesisDateChoice(DateOnly Date, IReadOnlyList<string> LimitedBy, string Reason);

/// <summary>
/// The latest date on which a thesis can be evaluated: every input current by its own rules (its last observation
/// on or after that date for daily inputs, not stale by <see cref="Freshness"/> for weekly and monthly ones). A later
/// date of an instrument the thesis does not read never counts.
/// </summary>
public static class ThesisDate
{
    /// <summary>The latest date on which every input in <paramref name="inputs"/> is current; null without
    /// inputs.</summary>
    public static ThesisDateChoice? Latest(IReadOnlyList<ThesisInput> inputs)
    {
        if (inputs.Count == 0) return null;
        var bounds = inputs.Select(i => (i.Id, Bound: IsDaily(i.Calendar) ? i.LastDate : CurrentThrough(i))).ToList();
        var date = bounds.Min(b => b.Bound);
        var limitedBy = bounds.Where(b => b.Bound == date).Select(b => b.Id).Order(StringComparer.Ordinal).ToList();
        var ids = string.Join(", ", limitedBy.Take(4))
                  + (limitedBy.Count > 4 ? $" and {limitedBy.Count - 4} more" : "");
        string reason = inputs.Where(i => IsDaily(i.Calendar)).Any(i => i.LastDate == date)
            ? $"the latest date with data for every daily input of the thesis " +
              $"({ids} end{(limitedBy.Count == 1 ? "s" : "")} there)"
            : $"the last date before {ids} would be stale";
        return new ThesisDateChoice(date, limitedBy, reason);
    }

    private static bool IsDaily(CalendarKind calendar) => calendar is not (CalendarKind.Weekly or CalendarKind.Monthly);

    /// <summary>The last date on which <paramref name="input"/> is not stale with the data it has.</summary>
    private static DateOnly CurrentThrough(ThesisInput input)
    {
        var calendar = new TradingCalendar(input.Calendar);
        // Weekly: 14 days; monthly: to the end of the third month after (see Freshness).
        var d = input.Calendar == CalendarKind.Weekly ? input.LastDate.AddDays(14)
            : new DateOnly(input.LastDate.Year, input.LastDate.Month, 1).AddMonths(4).AddDays(-1);
        while (Freshness.IsStale(calendar, input.LastDate, d)) d = d.AddDays(-1);
        return d;
    }
}
