using Bellwether.Core.Structure.Resistance;
using Xunit;
using static Bellwether.Core.Tests.Structure.StructureData;

namespace Bellwether.Core.Tests.Structure.Breakout;

public class MultiYearHighsTests
{
    private static readonly DateOnly Start = new(2024, 1, 1);

    private static double[] Flat(int days, params (int Day, double Close)[] spikes)
    {
        var closes = Enumerable.Repeat(100.0, days).ToArray();
        foreach (var (day, close) in spikes) closes[day] = close;
        return closes;
    }

    [Fact]
    public void The_high_excludes_recent_bars_and_is_broken_only_by_them()
    {
        var s = Closes(Start, Flat(420, (50, 150), (380, 160)));
        var p = new MultiYearHighParameters(LookbackYears: 1, ExcludeRecentBars: 10);
        // Day 385: day 380 is among the excluded bars, so the high is still day 50's, and day 380 broke it.
        var early = MultiYearHighs.AsOf(s, Start.AddDays(385), p, 0.01)!;
        Assert.Equal((150.0, 50, false), (early.Price, early.Index, early.Unbroken));
        // Day 399: day 380 is inside the window now, and nothing since beat it.
        var late = MultiYearHighs.AsOf(s, Start.AddDays(399), p, 0.01)!;
        Assert.Equal((160.0, 380, true), (late.Price, late.Index, late.Unbroken));
        // Day 419: day 50 left the one-year window long ago; day 380 still stands.
        Assert.Equal(380, MultiYearHighs.AsOf(s, Start.AddDays(419), p, 0.01)!.Index);
    }

    [Fact]
    public void No_level_until_the_data_covers_the_lookback()
    {
        var s = Closes(Start, Flat(420, (50, 150)));
        var p = new MultiYearHighParameters(LookbackYears: 1, ExcludeRecentBars: 10);
        Assert.Null(MultiYearHighs.AsOf(s, Start.AddDays(300), p, 0.01));
        Assert.NotNull(MultiYearHighs.AsOf(s, Start.AddYears(1), p, 0.01));
    }

    [Fact]
    public void Highs_can_be_the_basis()
    {
        var s = Bars(Start, Enumerable.Range(0, 400).Select(i => (i == 7 ? 180.0 : 101.0, 99.0, 100.0)).ToArray());
        var high = MultiYearHighs.AsOf(s, Start.AddDays(370), new MultiYearHighParameters(1, 10, PriceBasis.High), 0.01)!;
        Assert.Equal((180.0, 7), (high.Price, high.Index));
    }
}
