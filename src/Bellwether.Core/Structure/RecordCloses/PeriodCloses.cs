using Bellwether.Core.Calendars;
using Bellwether.Core.Series;

namespace Bellwether.Core.Structure.RecordCloses;

/// <summary>Month-end and week-end closes with record flags, as of a date.</summary>
public static class PeriodCloses
{
    /// <summary>
    /// The last finite close of each month (or ISO week) among the bars on or before <paramref name="asOf"/>. A period
    /// is provisional while the instrument's calendar has sessions in it after <paramref name="asOf"/>: its close is
    /// the latest so far, not the period's. A close is a record when it is strictly above every earlier period close in
    /// the window (all of them, or those whose period began within <c>RecordYears</c> years before); the first period
    /// is never a record. Bars with a NaN close are skipped.
    /// </summary>
    public static RecordCloseReport AsOf(DailySeries series, DateOnly asOf, RecordCloseParameters parameters)
    {
        int last = series.IndexOnOrBefore(asOf);
        var closes = new List<PeriodClose>();
        if (last < 0) return new RecordCloseReport(parameters.Period, asOf, closes);
        var calendar = TradingCalendar.For(series.Instrument.Calendar, series.Dates[0]);
        Func<DateOnly, DateOnly> startOf = parameters.Period == ClosePeriod.Month ? PeriodEnds.MonthStart
            : PeriodEnds.WeekStart;

        // The last finite bar of each period, in order.
        var ends = new List<int>();
        DateOnly currentStart = default;
        for (int i = 0; i <= last; i++)
        {
            if (double.IsNaN(series.Close[i])) continue;
            var start = startOf(series.Dates[i]);
            if (ends.Count > 0 && start == currentStart) ends[^1] = i;
            else
            {
                ends.Add(i);
                currentStart = start;
            }
        }

        int windowStart = 0, best = -1;
        for (int k = 0; k < ends.Count; k++)
        {
            var date = series.Dates[ends[k]];
            var start = startOf(date);
            if (parameters.RecordYears is { } years)
                while (windowStart < k
                    && startOf(series.Dates[ends[windowStart]]) < start.AddYears(-years)) windowStart++;
            // The earliest highest close of periods windowStart..k-1: kept from the last period, rescanned only when
            // the window has dropped it (O(n) over the history when the window never moves).
            if (best < windowStart)
            {
                best = -1;
                for (int j = windowStart; j < k; j++)
                    if (best < 0 || series.Close[ends[j]] > series.Close[ends[best]]) best = j;
            }
            else if (series.Close[ends[k - 1]] > series.Close[ends[best]]) best = k - 1;
            double prior = best < 0 ? double.NaN : series.Close[ends[best]];
            var lastSession = parameters.Period == ClosePeriod.Month ? calendar.LastSessionOfMonth(date)
                : calendar.LastSessionOfWeek(date);
            bool provisional = lastSession is { } s && s > asOf;
            closes.Add(new PeriodClose(start, date, series.Close[ends[k]], provisional, lastSession,
                best >= 0 && series.Close[ends[k]] > prior, prior, best < 0 ? null : series.Dates[ends[best]]));
        }
        return new RecordCloseReport(parameters.Period, asOf, closes);
    }
}
