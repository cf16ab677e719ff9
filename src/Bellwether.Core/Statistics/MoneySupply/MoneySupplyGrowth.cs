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

    /// <summary>The latest observation dated on or before <paramref name="asOf"/>, or null.</summary>
    /// <remarks>By observation date: FRED publishes a month's M2 about four weeks after it ends, and revises it later.</remarks>
    public static MoneyGrowthPoint? AsOf(DailySeries money, DateOnly asOf)
    {
        var points = YearOnYear(money.AsOf(asOf));
        return points.Length > 0 ? points[^1] : null;
    }
}
