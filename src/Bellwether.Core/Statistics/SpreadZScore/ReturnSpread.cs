using Bellwether.Core.Statistics.Rolling;

namespace Bellwether.Core.Statistics.SpreadZScore;

/// <summary>
/// The z-score of the spread between two assets' returns (A − B) against its own trailing window: large positive
/// values mean A outran B by an unusual margin for the window, large negative values the reverse.
/// </summary>
public static class ReturnSpread
{
    /// <summary>The spread and its rolling z-score on every row of aligned returns.</summary>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    public static SpreadZScorePoint[] ZScores(ReadOnlySpan<DateOnly> dates, ReadOnlySpan<double> a,
        ReadOnlySpan<double> b, RollingWindow window)
    {
        if (a.Length != b.Length
            || dates.Length != a.Length) throw new ArgumentException(
            $"{dates.Length} dates, {a.Length} and {b.Length} values");
        var spread = new double[a.Length];
        for (int i = 0; i < spread.Length; i++) spread[i] = a[i] - b[i];
        var z = new double[spread.Length];
        RollingStatistics.ZScore(spread, window, z, dates);
        var points = new SpreadZScorePoint[spread.Length];
        for (int i = 0; i < points.Length; i++) points[i] = new SpreadZScorePoint(dates[i], spread[i], z[i]);
        return points;
    }
}
