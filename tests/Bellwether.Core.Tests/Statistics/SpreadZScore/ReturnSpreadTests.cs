using Bellwether.Core.Statistics.Rolling;
using Bellwether.Core.Statistics.SpreadZScore;
using Xunit;

namespace Bellwether.Core.Tests.Statistics.SpreadZScore;

public class ReturnSpreadTests
{
    [Fact]
    public void Z_score_of_a_minus_b_against_its_window()
    {
        var dates = Enumerable.Range(0, 4).Select(i => new DateOnly(2025, 3, 3).AddDays(i)).ToArray();
        double[] a = [0.01, 0.03, 0.02, 0.12];
        double[] b = [0.00, 0.01, -0.01, 0.02];
        var points = ReturnSpread.ZScores(dates, a, b, RollingWindow.OfObservations(3));
        // spreads 0.01, 0.02, 0.03, 0.10; last window 0.02, 0.03, 0.10: mean 0.05, deviations −0.03, −0.02, 0.05: sd √(0.0038/2)
        Assert.Equal(0.10, points[3].Spread, 15);
        Assert.Equal((0.10 - 0.05) / Math.Sqrt(0.0038 / 2), points[3].ZScore, 10);
        Assert.True(double.IsNaN(points[1].ZScore));
        Assert.Equal(1.0, points[2].ZScore, 10); // 0.01, 0.02, 0.03: (0.03 − 0.02) / 0.01
    }
}
