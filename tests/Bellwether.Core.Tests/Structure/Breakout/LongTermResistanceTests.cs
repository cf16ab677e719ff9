using Bellwether.Core.Structure.Breakout;
using Bellwether.Core.Structure.Resistance;
using Xunit;
using static Bellwether.Core.Tests.Structure.StructureData;

namespace Bellwether.Core.Tests.Structure.Breakout;

/// <summary>
/// Long-term resistance is a level that held <see cref="BreakoutParameters.MinHeldDays"/> before its break; clearing
/// a younger top is a new (all-time) high. Hand-made series first, then the states of real histories pinned by date.
/// </summary>
public class LongTermResistanceTests
{
    private static readonly DateOnly Start = new(2020, 1, 1);

    /// <summary>
    /// One-year lookback, five excluded bars: a top of 100 on day 400, then 90, closes from 102 on day 500; as of day
    /// 504, before the new closes have stood the excluded bars and become the level themselves.
    /// </summary>
    private static LevelStatus TrackedAsOfDay504(double firstCloses, BreakoutParameters rules)
    {
        var closes = Enumerable.Range(0, 505).Select(d => d switch
        {
            < 10 => firstCloses,
            < 400 => 50,
            400 => 100,
            < 500 => 90,
            _ => 102.0 + (d - 500) * 0.1,
        }).ToArray();
        var parameters = new BreakoutAnalysisParameters(new MultiYearHighParameters(1, 5), new ZoneParameters(), rules);
        var report = BreakoutAnalysis.AsOf(Closes(Start, closes), Start.AddDays(504), parameters);
        var high = report.Levels[0];
        Assert.Equal((LevelKind.MultiYearHigh, 100.0, Start.AddDays(400)), (high.Kind, high.Price, high.FirstTouch));
        return high;
    }

    [Fact]
    public void Clearing_a_top_that_held_100_days_is_a_fresh_all_time_high()
    {
        var high = TrackedAsOfDay504(50, new BreakoutParameters());
        Assert.Equal((BreakoutState.AllTimeHigh, Start.AddDays(500)), (high.State, high.Since));
    }

    [Fact]
    public void Below_an_older_higher_price_it_is_a_new_multi_year_high()
    {
        // 150 in the first ten days: out of the one-year lookback, but the top of 100 was never the highest ever.
        var high = TrackedAsOfDay504(150, new BreakoutParameters());
        Assert.Equal((BreakoutState.NewHigh, Start.AddDays(500)), (high.State, high.Since));
    }

    [Fact]
    public void A_top_that_held_the_minimum_is_resistance_and_its_break_a_breakout()
    {
        var high = TrackedAsOfDay504(50, new BreakoutParameters(MinHeldDays: 100));
        Assert.Equal((BreakoutState.Confirmed, Start.AddDays(502)), (high.State, high.Since));
    }

    /// <summary>
    /// The prior 5-year high's state on real histories (defaults), each checked by hand against the closes: RUT's
    /// 2021 peak (held four years) broken, retested and left; SPY's and QQQ's February 2025 tops (held four months)
    /// cleared as fresh all-time highs; BTC's 2021 top broken in 2024 and its March 2024 top cleared in November.
    /// </summary>
    [Theory]
    [InlineData("RUT", "2020-11-30", 1740.75, "2018-08-31", "confirmed", "2020-11-18")]
    [InlineData("RUT", "2022-06-30", 2442.74, "2021-11-08", "below", "2022-02-08")]
    [InlineData("RUT", "2025-09-24", 2442.74, "2021-11-08", "retest", "2025-09-23")]
    [InlineData("RUT", "2025-10-15", 2442.74, "2021-11-08", "above", "2025-10-15")]
    [InlineData("RUT", "2025-11-20", 2442.74, "2021-11-08", "below", "2025-11-17")]
    [InlineData("RUT", "2025-12-02", 2442.74, "2021-11-08", "retest", "2025-12-02")]
    [InlineData("RUT", "2025-12-31", 2442.74, "2021-11-08", "above", "2025-12-03")]
    [InlineData("SPY", "2022-06-30", 477.71, "2022-01-03", "below", "2022-04-04")]
    [InlineData("SPY", "2024-02-15", 477.71, "2022-01-03", "confirmed", "2024-01-24")]
    [InlineData("SPY", "2025-07-16", 612.93, "2025-02-19", "all_time_high", "2025-07-02")]
    [InlineData("SPY", "2025-12-31", 612.93, "2025-02-19", "all_time_high", "2025-07-02")]
    [InlineData("QQQ", "2023-12-29", 403.99, "2021-11-19", "retest", "2023-12-29")]
    [InlineData("QQQ", "2024-11-14", 502.96, "2024-07-10", "all_time_high", "2024-11-07")]
    [InlineData("QQQ", "2025-04-08", 538.17, "2024-12-16", "below", "2025-03-20")]
    [InlineData("QQQ", "2025-12-31", 539.52, "2025-02-19", "all_time_high", "2025-06-26")]
    [InlineData("BTC", "2022-06-30", 67525.83, "2021-11-08", "below", "2022-01-10")]
    [InlineData("BTC", "2024-03-15", 67525.83, "2021-11-08", "retest", "2024-03-15")]
    [InlineData("BTC", "2024-12-31", 73072.41, "2024-03-13", "all_time_high", "2024-11-06")]
    [InlineData("BTC", "2025-12-31", 124658.54, "2025-10-06", "below", "2025-12-08")]
    public void Real_histories_read_as_pinned(string id, string asOf, double level, string levelDate, string state, string since)
    {
        var report = BreakoutAnalysis.AsOf(Load(id), DateOnly.Parse(asOf), BreakoutAnalysisParameters.Default);
        var high = report.Levels[0];
        Assert.Equal((LevelKind.MultiYearHigh, level, levelDate, state, since),
            (high.Kind, Math.Round(high.Price, 2), $"{high.FirstTouch:yyyy-MM-dd}", Snake(high.State), $"{high.Since:yyyy-MM-dd}"));
    }
}
