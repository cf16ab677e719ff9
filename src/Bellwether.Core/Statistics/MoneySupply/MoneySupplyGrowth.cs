using Bellwether.Core.Series;

namespace Bellwether.Core.Statistics.MoneySupply;

/// <summary>
/// Year-on-year growth of a monthly money stock such as M2 (FRED <c>M2SL</c>). The year-ago value is the
/// observation dated exactly twelve months earlier: a missing month gives NaN, never a neighbour's value.
/// </summary>
public static class MoneySupplyGrowth
{
    /// <summary>Growth for every observation with a value, oldest first.</summary>
    public static MoneyGrowthPoint[] YearOnYear(DailySeries money)
    {
        var points = new List<MoneyGrowthPoint>(money.Count);
        for (int i = 0; i < money.Count; i++)
        {
            double level = money.Close[i];
            if (double.IsNaN(level)) continue;
            int j = money.IndexOf(money.Dates[i].AddMonths(-12));
            double yearAgo = j < 0 ? double.NaN : money.Close[j];
            points.Add(new MoneyGrowthPoint(money.Dates[i], level, yearAgo, level / yearAgo - 1));
        }
        return [.. points];
    }

    /// <summary>
    /// The latest month complete on <paramref name="asOf"/>: a monthly value dated the 1st is an average over its
    /// month, so it is used only from the month's last day on. Null when no month is complete.
    /// </summary>
    /// <remarks>
    /// FRED publishes a month's M2 about four weeks after the month ends, and revises it later; neither delay is
    /// modelled (the data carries one vintage and no release dates).
    /// </remarks>
    public static MoneyGrowthPoint? AsOf(DailySeries money, DateOnly asOf)
    {
        var points = YearOnYear(money.AsOf(asOf));
        int last = points.Length - 1;
        while (last >= 0 && MonthEnd(points[last].Date) > asOf) last--;
        return last >= 0 ? points[last] : null;
    }

    /// <summary>The last day of the month of <paramref name="date"/>.</summary>
    public static DateOnly MonthEnd(DateOnly date) => new DateOnly(date.Year, date.Month, 1).AddMonths(1).AddDays(-1);
}
