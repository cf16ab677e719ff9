using Bellwether.Core.Statistics.CorrelationBreakdown;
using Xunit;

namespace Bellwether.Core.Tests.Statistics.CorrelationBreakdown;

public class CorrelationBreakdownDetectorTests
{
    private static DateOnly[] Days(int n) => Enumerable.Range(0, n).Select(i => new DateOnly(2025, 1, 1).AddDays(i)).ToArray();

    [Fact]
    public void A_fall_of_more_than_d_within_n_days_opens_an_episode_until_it_recovers()
    {
        double[] r = [0.8, 0.7, double.NaN, 0.45, 0.4, 0.6, 0.9];
        var events = CorrelationBreakdownDetector.Detect(Days(r.Length), r, fall: 0.3, days: 5);
        var e = Assert.Single(events);
        Assert.Equal(new DateOnly(2025, 1, 4), e.Date);   // 0.8 − 0.45 = 0.35 > 0.3
        Assert.Equal(new DateOnly(2025, 1, 1), e.PeakDate);
        Assert.Equal(0.35, e.Fall, 12);
        Assert.Equal(new DateOnly(2025, 1, 5), e.LastDate); // 0.6 is only 0.2 below the peak: over
    }

    [Fact]
    public void A_peak_older_than_n_days_does_not_count()
    {
        double[] r = [0.9, 0.7, 0.7, 0.7, 0.5];
        Assert.Empty(CorrelationBreakdownDetector.Detect(Days(r.Length), r, fall: 0.3, days: 3));
        Assert.Single(CorrelationBreakdownDetector.Detect(Days(r.Length), r, fall: 0.3, days: 4));
    }
}
