using Bellwether.Core.Calendars;
using Bellwether.Core.Flows;

namespace Bellwether.Core.Statistics.EtfFlows;

/// <summary>
/// Daily totals, rolling sums, cumulative flow and streaks of a family of ETFs. A NaN cell is "no value", never a
/// zero flow; a fund's zeros before its first non-zero day mean "not launched yet". A flow day's total is the sum
/// of the funds that reported, so that per-fund and total figures always agree; the table's own total column is
/// kept as a cross-check and every disagreement beyond the tolerance is listed.
/// </summary>
public static class EtfFlowStatistics
{
    /// <summary>The flow history from rows dated on or before <paramref name="asOf"/> (default: all).</summary>
    public static EtfFlowHistory Build(FlowTable table, DateOnly? asOf = null, FlowParameters? parameters = null)
    {
        var p = parameters ?? FlowParameters.Default;
        int rows = asOf is { } d ? CountOnOrBefore(table.Dates, d) : table.Count;
        int funds = table.Funds.Length;
        var launch = new int[funds];
        for (int f = 0; f < funds; f++)
        {
            var column = table.Values[f];
            int i = 0;
            while (i < rows && (double.IsNaN(column[i]) || column[i] == 0)) i++;
            launch[f] = i; // == rows: not launched by the as-of date
        }
        var calendar = table.Count == 0 ? default : TradingCalendar.For(table.Instrument.Calendar, table.Dates[0]);
        var days = new List<FlowDay>(rows);
        var excluded = new List<ExcludedRow>();
        var closedWithFlow = new List<DateOnly>();
        var mismatches = new List<TotalMismatch>();
        var fundTotals = new double[funds];
        var fundGaps = new int[funds];
        double cumulative = 0;
        int streak = 0;
        for (int i = 0; i < rows; i++)
        {
            var date = table.Dates[i];
            double total = 0;
            int reporting = 0, values = 0;
            bool partial = false, anyFlow = false;
            for (int f = 0; f < funds; f++)
            {
                double v = table.Values[f][i];
                if (!double.IsNaN(v)) { values++; anyFlow |= v != 0; }
                if (i < launch[f]) continue;
                if (double.IsNaN(v)) { partial = true; continue; }
                total += v;
                reporting++;
            }
            if (values == 0)
            {
                excluded.Add(new ExcludedRow(date, "no fund has a value"));
                continue;
            }
            if (!calendar.IsSession(date))
            {
                if (!anyFlow)
                {
                    excluded.Add(new ExcludedRow(date,
                        $"market closed ({table.Instrument.Calendar} calendar) and every fund shows zero"));
                    continue;
                }
                closedWithFlow.Add(date);
            }
            for (int f = 0; f < funds; f++)
            {
                if (i < launch[f]) continue;
                if (double.IsNaN(table.Values[f][i])) fundGaps[f]++;
                else fundTotals[f] += table.Values[f][i];
            }
            double tableTotal = table.Total[i];
            if (Math.Abs(total - tableTotal) > p.TotalTolerance) mismatches.Add(new TotalMismatch(date, total,
                tableTotal));
            cumulative += total;
            streak = total > 0 ? Math.Max(streak, 0) + 1 : total < 0 ? Math.Min(streak, 0) - 1 : 0;
            days.Add(new FlowDay(date, total, tableTotal, reporting, partial, double.NaN, double.NaN, cumulative,
                streak));
        }
        for (int i = 0; i < days.Count; i++)
            days[i] = days[i] with
            {
                ShortSum = TrailingSum(days, i, p.ShortWindow),
                LongSum = TrailingSum(days, i, p.LongWindow)
            };
        var summaries = table.Funds.Select((fund, f) => launch[f] < rows
            ? new FundSummary(fund, table.Dates[launch[f]], fundTotals[f], fundGaps[f])
            : new FundSummary(fund, null, 0, 0)).ToList();
        return new EtfFlowHistory(table.Instrument.Id, table.Instrument.QuoteUnit, p, days, summaries, excluded,
            closedWithFlow, mismatches);
    }

    /// <summary>
    /// The reading on the latest flow day of <paramref name="history"/>, with the net flow over its last
    /// <paramref name="window"/> flow days; null when it has no flow day.
    /// </summary>
    public static EtfFlowReading? Read(EtfFlowHistory history, int window)
    {
        if (window < 1) throw new ArgumentOutOfRangeException(nameof(window), window, "must be at least 1");
        var days = history.Days;
        if (days.Count == 0) return null;
        FlowStreak? longestIn = null, longestOut = null, current = null;
        for (int start = 0; start < days.Count;)
        {
            int end = start;
            while (end + 1 < days.Count && Math.Sign(days[end + 1].Streak) == Math.Sign(days[start].Streak)) end++;
            current = MakeStreak(days, start, end);
            if (current.Direction == FlowDirection.Inflow
                && current.Days >= (longestIn?.Days ?? 0)) longestIn = current;
            if (current.Direction == FlowDirection.Outflow
                && current.Days >= (longestOut?.Days ?? 0)) longestOut = current;
            start = end + 1;
        }
        return new EtfFlowReading(history.Id, days[^1], window, TrailingSum(days, days.Count - 1, window), current!,
            longestIn, longestOut);
    }

    private static FlowStreak MakeStreak(IReadOnlyList<FlowDay> days, int start, int end)
    {
        double sum = 0;
        for (int i = start; i <= end; i++) sum += days[i].Total;
        var direction = days[start].Streak > 0 ? FlowDirection.Inflow : days[start].Streak < 0 ? FlowDirection.Outflow
            : FlowDirection.Flat;
        return new FlowStreak(direction, end - start + 1, days[start].Date, days[end].Date, sum);
    }

    /// <summary>The sum of the totals of the <paramref name="window"/> flow days ending at <paramref name="end"/>; NaN
    /// when there are fewer.</summary>
    internal static double TrailingSum(IReadOnlyList<FlowDay> days, int end, int window)
    {
        if (end + 1 < window) return double.NaN;
        double sum = 0;
        for (int i = end - window + 1; i <= end; i++) sum += days[i].Total;
        return sum;
    }

    private static int CountOnOrBefore(DateOnly[] dates, DateOnly asOf)
    {
        int i = Array.BinarySearch(dates, asOf);
        return i >= 0 ? i + 1 : ~i;
    }
}
