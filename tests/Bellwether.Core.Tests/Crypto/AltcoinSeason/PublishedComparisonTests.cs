using Bellwether.Core.Crypto.AltcoinSeason;
using Xunit;

namespace Bellwether.Core.Tests.Crypto.AltcoinSeason;

/// <summary>The comparison with published readings on hand-made readings and computed points (hand-derived figures).</summary>
public class PublishedComparisonTests
{
    private static readonly AltcoinSeasonParameters K100 = new(90, 100);

    private static PublishedReading Reading(string date, double value, string definition = "top 100, 90 days") =>
        new(DateOnly.Parse(date), value, "CoinMarketCap", definition, null, null);

    // Computed points by date: index, eligible, status, ranking age.
    private static readonly Dictionary<DateOnly, AltcoinSeasonPoint> Points = new[]
    {
        new AltcoinSeasonPoint(new(2025, 12, 1), 20, 95, 19, IndexStatus.Ok, 0),           // +2 against 18, comparable
        new AltcoinSeasonPoint(new(2025, 12, 2), 12, 95, 11, IndexStatus.Ok, 8),           // −6 against 18: ranking 8 days old
        new AltcoinSeasonPoint(new(2025, 12, 3), 30, 40, 12, IndexStatus.Partial, 2),      // +10 against 20: 40 of 100
        new AltcoinSeasonPoint(new(2025, 12, 4), double.NaN, 0, 0, IndexStatus.NoBenchmarkCloses, 3),
        new AltcoinSeasonPoint(new(2025, 12, 5), 17, 90, 15, IndexStatus.Ok, 7),           // −1 against 18: exactly at both limits
    }.ToDictionary(p => p.Date);

    private static PublishedComparison Compare(params PublishedReading[] readings) =>
        PublishedComparison.Of(readings, K100, d => Points[d]);

    [Fact]
    public void Each_reading_gets_the_computed_value_and_difference()
    {
        var c = Compare(Reading("2025-12-03", 20), Reading("2025-12-01", 18), Reading("2025-12-04", 25));
        Assert.Equal(["2025-12-01", "2025-12-03", "2025-12-04"], c.Readings.Select(r => $"{r.Published.Date:yyyy-MM-dd}"));
        Assert.Equal(2.0, c.Readings[0].Difference);
        Assert.Equal(10.0, c.Readings[1].Difference);
        Assert.True(double.IsNaN(c.Readings[2].Difference)); // no computed index that day: no difference, not a zero
    }

    [Fact]
    public void Summary_gives_mean_absolute_error_bias_and_largest_gap()
    {
        var c = Compare(Reading("2025-12-01", 18), Reading("2025-12-02", 18), Reading("2025-12-03", 20), Reading("2025-12-04", 25),
            Reading("2025-12-05", 18));
        var all = c.All!;
        // Differences +2, −6, +10, −1 (2025-12-04 has none): MAE 19/4, bias 5/4, largest gap +10 on 2025-12-03.
        Assert.Equal(4, all.Count);
        Assert.Equal(19.0 / 4, all.MeanAbsoluteError, 12);
        Assert.Equal(5.0 / 4, all.Bias, 12);
        Assert.Equal(new DateOnly(2025, 12, 3), all.LargestGap.Published.Date);
        // Comparable: ranking at most 7 days old and 90 of 100 eligible: 2025-12-01 (+2) and 2025-12-05 (−1).
        var comparable = c.Comparable!;
        Assert.Equal(2, comparable.Count);
        Assert.Equal(1.5, comparable.MeanAbsoluteError, 12);
        Assert.Equal(0.5, comparable.Bias, 12);
        Assert.Equal(2.0, comparable.LargestGap.Difference);
        Assert.Equal("Altcoin Season Index (top 100, 90 days) against CoinMarketCap: top 100, 90 days: 4 reading(s), " +
                     "mean absolute error 4.8, bias +1.3, largest gap +10 on 2025-12-03 (computed 30, published 20); 2 where the ranking " +
                     "was at most 7 days old and 90% of K eligible: mean absolute error 1.5, bias +0.5, largest gap +2 on 2025-12-01 " +
                     "(computed 20, published 18).", c.Sentence());
    }

    [Fact]
    public void Without_comparable_readings_it_says_so()
    {
        var c = Compare(Reading("2025-12-03", 20));
        Assert.Null(c.Comparable);
        Assert.EndsWith("none where the ranking was at most 7 days old and 90% of K eligible.", c.Sentence());
        Assert.Null(Compare().Sentence());
        Assert.Null(Compare(Reading("2025-12-04", 25)).All);
    }

    [Theory]
    [InlineData("top 100, 90 days", 100, 90)]
    [InlineData("top100_90d", 100, 90)]
    [InlineData("Top 50 coins, 30-day performance", 50, 30)]
    [InlineData("blockchaincenter Altcoin Season, top 50, 365 days", 50, 365)]
    public void Definitions_name_K_and_N(string definition, int top, int window) =>
        Assert.Equal((top, window), Reading("2025-12-01", 1, definition).Variant);

    [Theory]
    [InlineData("Altcoin Season Index")]           // neither
    [InlineData("top 100")]                        // no window
    [InlineData("top 100 or top 50, 90 days")]     // two universes: ambiguous
    public void Definitions_without_one_K_and_one_N_are_compared_with_nothing(string definition)
    {
        Assert.Null(Reading("2025-12-01", 1, definition).Variant);
        Assert.Empty(Compare(Reading("2025-12-01", 18, definition)).Readings);
    }

    [Fact]
    public void Only_readings_of_the_same_K_and_N_are_compared()
    {
        var c = Compare(Reading("2025-12-01", 18), Reading("2025-12-01", 33, "top 50, 90 days"), Reading("2025-12-01", 18, "top 100, 30 days"));
        Assert.Equal(18, Assert.Single(c.Readings).Published.Value);
    }
}
