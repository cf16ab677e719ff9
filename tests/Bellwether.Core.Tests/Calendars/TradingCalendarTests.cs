using Bellwether.Core.Calendars;
using Xunit;

namespace Bellwether.Core.Tests.Calendars;

public class TradingCalendarTests
{
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2019, 4, 21)]
    [InlineData(2000, 4, 23)]
    public void Easter_matches_published_dates(int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), UsHolidays.EasterSunday(y));

    [Theory]
    [InlineData("2025-01-01", true)]  // New Year
    [InlineData("2025-01-09", true)]  // Carter day of mourning
    [InlineData("2025-01-20", true)]  // MLK
    [InlineData("2025-04-18", true)]  // Good Friday
    [InlineData("2025-06-19", true)]  // Juneteenth
    [InlineData("2021-06-18", false)] // Juneteenth not yet an NYSE holiday in 2021
    [InlineData("2021-12-24", true)]  // Christmas on Saturday, observed Friday
    [InlineData("2022-01-03", false)] // Saturday New Year 2022 is not moved to Monday
    [InlineData("2021-12-31", false)]
    [InlineData("2025-11-27", true)]  // Thanksgiving
    [InlineData("2025-11-28", false)]
    public void Nyse_holidays(string date, bool holiday) =>
        Assert.Equal(holiday, UsHolidays.IsNyseHoliday(DateOnly.Parse(date)));

    [Fact]
    public void Coverage_counts_gaps_and_off_calendar_rows()
    {
        var cal = new TradingCalendar(CalendarKind.UsEquity);
        // Thu 2025-07-03, (Fri 07-04 holiday), Mon 07-07, (Tue 07-08 missing), Wed 07-09, Sat 07-12 (off calendar), Mon 07-14
        DateOnly[] dates = [new(2025, 7, 3), new(2025, 7, 7), new(2025, 7, 9), new(2025, 7, 12), new(2025, 7, 14)];
        var c = cal.Coverage(dates);
        Assert.Equal(3, c.Missing); // 07-08, 07-10, 07-11
        Assert.Equal(1, c.OffCalendar);
        Assert.Equal(new DateOnly(2025, 7, 8), c.FirstMissing);
    }

    [Fact]
    public void Weekly_calendar_anchors_on_first_observation()
    {
        var cal = TradingCalendar.For(CalendarKind.Weekly, new DateOnly(2025, 1, 1)); // a Wednesday
        DateOnly[] dates = [new(2025, 1, 1), new(2025, 1, 15)];
        Assert.Equal(1, cal.Coverage(dates).Missing);
    }
}
