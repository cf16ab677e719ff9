using Bellwether.Core.Calendars;
using Bellwether.Core.Series;

namespace Bellwether.Core.Structure.Breakout;

/// <summary>
/// Whether a bar is its month's closing bar: dated on or after the last session of its month in the instrument's
/// calendar. The calendar is known in advance, so this needs no later bar.
/// </summary>
internal sealed class MonthEndFlags(TradingCalendar calendar)
{
    private readonly DailySeries? _series;
    private DateOnly _month = DateOnly.MinValue;
    private DateOnly? _lastSession;

    public MonthEndFlags(DailySeries series) : this(series.Count > 0
        ? TradingCalendar.For(series.Instrument.Calendar, series.Dates[0])
        : new TradingCalendar(series.Instrument.Calendar)) => _series = series;

    /// <summary>The flags of a series whose first row is dated <paramref name="first"/>.</summary>
    public MonthEndFlags(CalendarKind kind, DateOnly first) : this(TradingCalendar.For(kind, first)) { }

    public bool this[int i] => At(_series!.Dates[i]);

    /// <summary>Whether a bar dated <paramref name="d"/> closes its month.</summary>
    public bool At(DateOnly d)
    {
        var month = PeriodEnds.MonthStart(d);
        if (month != _month)
        {
            _month = month;
            _lastSession = calendar.LastSessionOfMonth(d);
        }
        return _lastSession is { } last && d >= last;
    }
}
