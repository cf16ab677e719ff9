using Bellwether.Core.Structure.Breakout;
using Xunit;
using static Bellwether.Core.Tests.Structure.StructureData;

namespace Bellwether.Core.Tests.Structure.Breakout;

/// <summary>The state machine on hand-made closes around a level of 100 with the default rules.</summary>
public class LevelBreakoutTests
{
    private static readonly DateOnly Start = new(2025, 1, 1);
    private static readonly BreakoutParameters Rules = new();

    private static LevelTrack Run(DateOnly start, BreakoutParameters rules, params double[] closes) =>
        LevelBreakout.Evaluate(Closes(start, closes), 100, start, start.AddDays(closes.Length - 1), rules);

    private static (int Day, BreakoutEventType Type)[] Days(LevelTrack track, DateOnly start) =>
        track.Events.Select(e => (e.Date.DayNumber - start.DayNumber, e.Type)).ToArray();

    [Theory]
    [InlineData(new[] { 90.0 }, BreakoutState.Below)]
    [InlineData(new[] { 90.0, 97.5 }, BreakoutState.Approaching)]
    [InlineData(new[] { 90.0, 99.6 }, BreakoutState.Testing)]
    [InlineData(new[] { 90.0, 100.9 }, BreakoutState.Testing)]
    [InlineData(new[] { 90.0, 101.1 }, BreakoutState.Breakout)]
    public void Before_a_breakout_the_state_follows_the_distance_to_the_level(double[] closes, BreakoutState expected)
    {
        Assert.Equal(expected, Run(Start, Rules, closes).State);
    }

    [Fact]
    public void Breakout_confirmation_retest_failure_and_a_second_breakout()
    {
        var track = Run(Start, Rules, 90, 97.5, 99.6, 100.5, 101.5, 100.2, 100.1, 103, 100.8, 97.9, 99, 102);
        Assert.Equal([(4, BreakoutEventType.Breakout), (6, BreakoutEventType.Confirmed), (8, BreakoutEventType.Retest),
                      (9, BreakoutEventType.Failed), (11, BreakoutEventType.Breakout)], Days(track, Start));
        Assert.Equal(BreakoutState.Breakout, track.State);
        Assert.Equal(Start.AddDays(11), track.Since);
    }

    [Fact]
    public void A_retest_ends_when_price_leaves_the_band_and_resumes_when_it_comes_back()
    {
        // Close-only bars: the low is the close. Band: 100 to 101. Confirmed on day 2 (three closes above).
        double[] closes = [101.5, 102, 103, 100.5, 100.9, 104, 112, 100.7];
        Assert.Equal([(0, BreakoutEventType.Breakout), (2, BreakoutEventType.Confirmed), (3, BreakoutEventType.Retest)],
            Days(Run(Start, Rules, closes), Start));
        // The state as of days 3..7: in the band, in the band, 4% above, 12% above, back in the band.
        var states = Enumerable.Range(3, 5).Select(day => Run(Start, Rules, [.. closes.Take(day + 1)])).ToList();
        Assert.Equal([BreakoutState.Retest, BreakoutState.Retest, BreakoutState.Above, BreakoutState.Above, BreakoutState.Retest],
            states.Select(t => t.State));
        Assert.Equal([3, 3, 5, 5, 7], states.Select(t => t.Since!.Value.DayNumber - Start.DayNumber));
    }

    [Fact]
    public void Failed_sticks_until_the_next_breakout()
    {
        var track = Run(Start, Rules, 101.5, 97, 99.8);
        Assert.Equal(BreakoutState.Failed, track.State);
        Assert.Equal(Start.AddDays(1), track.Since);
    }

    [Fact]
    public void No_retest_before_confirmation()
    {
        // Day 1 dips to the level right after the breakout: not a retest, the breakout is not confirmed yet.
        var track = Run(Start, Rules, 101.5, 100.5, 102, 104, 100.6);
        Assert.Equal([(0, BreakoutEventType.Breakout), (2, BreakoutEventType.Confirmed), (4, BreakoutEventType.Retest)], Days(track, Start));
    }

    [Fact]
    public void A_close_back_below_after_the_fail_window_is_a_reversal()
    {
        var closes = new[] { 101.5 }.Concat(Enumerable.Repeat(102.0, 21)).Append(97.5).ToArray();
        var track = Run(Start, Rules, closes);
        Assert.Equal((22, BreakoutEventType.Reversed), Days(track, Start)[^1]);
        Assert.Equal(BreakoutState.Approaching, track.State); // 97.5 is below the 2% fail line but within the 3% approach band
    }

    [Fact]
    public void A_month_end_close_above_the_level_confirms()
    {
        var start = new DateOnly(2025, 1, 29); // rows on Jan 29, 30, 31: the 31st is the month's last session
        var withMonthEnd = Run(start, Rules, 101.5, 99.8, 100.5);
        Assert.Equal([(0, BreakoutEventType.Breakout), (2, BreakoutEventType.Confirmed)], Days(withMonthEnd, start));
        var without = Run(start, Rules with { ConfirmOnMonthEnd = false }, 101.5, 99.8, 100.5);
        Assert.Equal([(0, BreakoutEventType.Breakout)], Days(without, start));
    }

    [Fact]
    public void Bad_rules_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(Start, Rules with { Buffer = -0.01 }, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(Start, Rules with { ConfirmCloses = 0 }, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => LevelBreakout.Evaluate(Closes(Start, 1), double.NaN, Start, Start, Rules));
    }
}
