namespace Bellwether.Core.Statistics.MoneySupply;

/// <summary>One month of a money-stock series with its growth over a year.</summary>
/// <param name="Date">The observation date (FRED dates a month by its first day).</param>
/// <param name="Level">The money stock that month, in the series' unit.</param>
/// <param name="YearAgo">The level dated exactly twelve months earlier; NaN when there is none.</param>
/// <param name="YearOnYear"><c>Level / YearAgo − 1</c> as a fraction (0.045 = 4.5%); NaN without a year-ago
/// value.</param>
public sealed record MoneyGrowthPoint(DateOnly Date, double Level, double YearAgo, double YearOnYear);
