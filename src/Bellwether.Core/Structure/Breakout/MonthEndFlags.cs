using Bellwether.Core.Calendars;
using Bellwether.Core.Series;

namespace Bellwether.Core.Structure.Breakout;

/// <summary>
/// Whether a bar is its month's closing bar: dated on or after the last session of its month in the instrument's
/// calendar. The calendar is known in advance, so this needs no later bar.
/// </summary>
internal sealed class MonthEndFlags(DailySeries series)
{
    private readonly TradingCalendar _calendar = series.Count > 0
        ? TradingCalendar.For(series.Instrument.Calendar, series.Dates[0])
        : new TradingCalendar(series.Instrument.Calendar);
    private DateOnly _month = DateOnly.MinValue;
    private DateOnly? _lastSession;

    public bool this[int i]
    {
        get
        {
            var d = series.Dates[i];
            var month = PeriodEnds.MonthStart(d);
            if (month != _month)
            {
                _month = month;
                _lastSession = _calendar.LastSessionOfMonth(d);
            }
            return _lastSession is { } last && d >= last;
        }
    }
}
