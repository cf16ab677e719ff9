using Bellwether.Core.Study.Paths;
using Xunit;
using static Bellwether.Core.Tests.Study.Synthetic;

namespace Bellwether.Core.Tests.Study;

public class CalendarPathTests
{
    [Fact]
    public void Closes_lie_on_calendar_days_and_a_missing_day_stays_missing()
    {
        var path = CalendarPath.OfCloses(Coin("X", Day0, 0, 10, double.NaN, 12, -1, 15, 0));
        Assert.Equal(Day0.AddDays(1), path.First);   // a zero close is no close
        Assert.Equal(Day0.AddDays(5), path.Last);
        Assert.Equal([10, double.NaN, 12, double.NaN, 15], path.Values);
        Assert.Equal(0.5, path.Forward(Day0.AddDays(1), 4), 12);
        Assert.True(double.IsNaN(path.Forward(Day0.AddDays(1), 1)));   // no close on day 2
        Assert.True(double.IsNaN(path.Forward(Day0.AddDays(5), 1)));   // after the end
    }

    [Fact]
    public void Max_forward_passes_over_gaps_and_a_level_moves_by_difference()
    {
        var prices = Prices("P", 100, 130, double.NaN, 90, 120);
        Assert.Equal(0.3, prices.MaxForward(Day0, 4), 12);
        Assert.Equal(0.3, prices.MaxForward(Day0, 2), 12);
        Assert.True(double.IsNaN(prices.MaxForward(Day0.AddDays(2), 2)));
        var levels = Levels("L", 40, 80, 20);
        Assert.Equal(-20, levels.Forward(Day0, 2));
        Assert.Equal(40, levels.MaxForward(Day0, 2));
    }

    [Fact]
    public void From_cuts_earlier_days()
    {
        var p = Prices("P", 1, 2, 3, 4);
        var from = p.From(Day0.AddDays(2));
        Assert.Equal(Day0.AddDays(2), from.First);
        Assert.Equal([3.0, 4.0], from.Values);
        Assert.Same(p, p.From(Day0.AddDays(-3)));
        Assert.Empty(p.From(Day0.AddDays(10)).Values);
    }

    [Fact]
    public void As_of_cuts_later_days()
    {
        var p = Prices("P", 1, 2, 3, 4);
        Assert.Equal([1.0, 2.0], p.AsOf(Day0.AddDays(1)).Values);
        Assert.Same(p, p.AsOf(Day0.AddDays(10)));
        Assert.Empty(p.AsOf(Day0.AddDays(-1)).Values);
        Assert.Equal((Day0.AddDays(1), Day0.AddDays(2)), Prices("Q", double.NaN, 5, 6, double.NaN).ValueRange);
    }
}
