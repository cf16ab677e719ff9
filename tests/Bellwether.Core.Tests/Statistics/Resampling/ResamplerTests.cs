using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Core.Statistics.Alignment;
using Bellwether.Core.Statistics.Resampling;
using Bellwether.Core.Statistics.Returns;
using Xunit;

namespace Bellwether.Core.Tests.Statistics.Resampling;

public class ResamplerTests
{
    private static DailySeries Make(string id, CalendarKind calendar, params (string Date, double Close)[] rows) =>
        new(new Instrument(id, AssetClass.Crypto, "USD", 1, calendar),
            rows.Select(r => new DailyBar(DateOnly.Parse(r.Date), r.Close, r.Close + 1, r.Close - 1, r.Close, 10, double.NaN, "t")).ToList());

    [Theory]
    [InlineData("2025-01-04", "2025-01-10")] // Saturday opens the week ending next Friday
    [InlineData("2025-01-05", "2025-01-10")]
    [InlineData("2025-01-10", "2025-01-10")] // Friday closes its own week
    [InlineData("2025-01-09", "2025-01-10")]
    public void Weeks_run_saturday_to_friday_keyed_by_friday(string date, string key) =>
        Assert.Equal(DateOnly.Parse(key), Resampler.PeriodEnd(DateOnly.Parse(date), Frequency.Weekly));

    [Theory]
    [InlineData("2024-02-01", "2024-02-29")]
    [InlineData("2025-12-31", "2025-12-31")]
    public void Months_are_keyed_by_their_last_day(string date, string key) =>
        Assert.Equal(DateOnly.Parse(key), Resampler.PeriodEnd(DateOnly.Parse(date), Frequency.Monthly));

    [Fact]
    public void A_week_takes_its_last_close_and_aggregates_the_bar()
    {
        var s = Make("ETH", CalendarKind.EveryDay, ("2025-01-03", 1), ("2025-01-04", 2), ("2025-01-06", 5), ("2025-01-10", 3), ("2025-01-11", 9));
        var w = Resampler.Resample(s, Frequency.Weekly);
        Assert.Equal([new(2025, 1, 3), new(2025, 1, 10), new(2025, 1, 17)], w.Dates);
        Assert.Equal([1.0, 3, 9], w.Close);
        Assert.Equal(2, w.Open[1]); // first open of Sat 4th .. Fri 10th
        Assert.Equal(6, w.High[1]);
        Assert.Equal(1, w.Low[1]);
        Assert.Equal(30, w.Volume[1]);
    }

    [Fact]
    public void Equity_and_crypto_weeks_join_on_the_friday_and_the_crypto_weekend_belongs_to_the_next_week()
    {
        var equity = Make("RUT", CalendarKind.UsEquity, ("2025-01-06", 100), ("2025-01-10", 110), ("2025-01-13", 120), ("2025-01-17", 121));
        var crypto = Make("BTC", CalendarKind.EveryDay, ("2025-01-10", 50), ("2025-01-11", 70), ("2025-01-12", 80), ("2025-01-17", 55));
        var rows = ReturnAlignment.Align(equity, crypto, new AlignmentOptions(Frequency: Frequency.Weekly, Kind: ReturnKind.SimpleReturns));
        Assert.Equal([new DateOnly(2025, 1, 17)], rows.Dates);
        Assert.Equal(121.0 / 110 - 1, rows.Columns[0][0], 15);
        Assert.Equal(55.0 / 50 - 1, rows.Columns[1][0], 15); // Friday to Friday, not Sunday's 80
        Assert.False(rows.PartialLastPeriod);
    }

    [Fact]
    public void A_week_read_midweek_is_flagged_partial()
    {
        var crypto = Make("BTC", CalendarKind.EveryDay, ("2025-01-10", 50), ("2025-01-15", 60));
        var other = Make("ETH", CalendarKind.EveryDay, ("2025-01-10", 5), ("2025-01-15", 6));
        var rows = ReturnAlignment.Align(crypto, other, new AlignmentOptions(Frequency: Frequency.Weekly));
        Assert.True(rows.PartialLastPeriod);
        Assert.Equal(new DateOnly(2025, 1, 17), rows.Dates[^1]);
        Assert.False(ReturnAlignment.Align(crypto, other, new AlignmentOptions(Until: new DateOnly(2025, 1, 10), Frequency: Frequency.Weekly)).PartialLastPeriod);
    }

    [Fact]
    public void Daily_returns_span_the_same_dates_on_both_sides_and_undefined_returns_are_counted()
    {
        var equity = Make("RUT", CalendarKind.UsEquity, ("2025-01-03", 100), ("2025-01-06", 110), ("2025-01-07", 99));
        var crypto = Make("X", CalendarKind.EveryDay, ("2025-01-03", 1), ("2025-01-04", 2), ("2025-01-05", 3), ("2025-01-06", 0), ("2025-01-07", 4));
        var rows = ReturnAlignment.Align(equity, crypto, new AlignmentOptions());
        // 01-06 (log of a zero price) and 01-07 (from a zero price) are undefined and left out, and counted.
        Assert.Empty(rows.Dates);
        Assert.Equal(2, rows.DroppedRows);
        var simple = ReturnAlignment.Align(equity, crypto, new AlignmentOptions(Kind: ReturnKind.SimpleReturns));
        Assert.Equal([new DateOnly(2025, 1, 6)], simple.Dates); // 0/1 − 1 = −1 is a return; 4/0 − 1 is not
        Assert.Equal(-1.0, simple.Columns[1][0]);
        Assert.Equal(1, simple.DroppedRows);
    }
}
