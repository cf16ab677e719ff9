using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Bellwether.Core.Releases;
using Xunit;

namespace Bellwether.Core.Tests.Releases;

/// <summary>Release rules against published release dates (the dates are in docs/release-lags.md with their sources).</summary>
public class ReleaseRuleTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s);

    private static DateOnly Release(string id, string observation, CalendarKind calendar = CalendarKind.UsBusiness) =>
        ReleaseRules.Default.For(new Instrument(id, AssetClass.MacroSeries, "", 1, calendar)).Rule.Release(D(observation));

    [Theory]
    // H.6 monthly since 2021-02-23 (January 2021's M2), 2021-08-24 (July 2021), 2025-05-27 (April 2025).
    [InlineData("2021-01-01", "2021-02-23")]
    [InlineData("2021-07-01", "2021-08-24")]
    [InlineData("2025-04-01", "2025-05-27")]
    // Weekly H.6 before: a month's value by the third Thursday after it (2012-07-12 already had June 2012).
    [InlineData("2012-06-01", "2012-07-19")]
    public void M2_is_public_on_its_h6_release(string observation, string release) =>
        Assert.Equal(D(release), Release("M2SL", observation, CalendarKind.Monthly));

    [Theory]
    [InlineData("WALCL", "2025-06-04", "2025-06-05")] // Wednesday level, Thursday H.4.1
    [InlineData("WTREGEN", "2025-11-26", "2025-11-28")] // Thanksgiving Thursday: the next business day
    [InlineData("WRESBAL", "2025-12-24", "2025-12-26")] // Christmas Thursday
    [InlineData("DFF", "2025-06-06", "2025-06-09")] // Friday's rate on Monday
    [InlineData("DFF", "2025-06-07", "2025-06-09")] // FRED's Saturday value (Friday's rate) with it
    [InlineData("DGS10", "2025-07-03", "2025-07-07")] // Friday 4 July is a holiday
    [InlineData("DTWEXBGS", "2025-06-02", "2025-06-09")] // H.10 on the next Monday
    [InlineData("DTWEXBGS", "2025-06-06", "2025-06-09")]
    [InlineData("DTWEXBGS", "2025-01-17", "2025-01-21")] // Martin Luther King Day: Tuesday
    [InlineData("RRPONTSYD", "2025-06-04", "2025-06-04")]
    [InlineData("FEDFUNDS", "2025-05-01", "2025-06-02")]
    public void Fred_series_follow_their_release(string id, string observation, string release) =>
        Assert.Equal(D(release), Release(id, observation));

    [Fact]
    public void Closes_are_public_on_their_day_and_flows_the_next_session()
    {
        var rules = ReleaseRules.Default;
        Assert.True(rules.For(new Instrument("BTC", AssetClass.Crypto, "USD", 1, CalendarKind.EveryDay)).Rule.IsSameDay);
        Assert.True(rules.For(new Instrument("RUT", AssetClass.EquityIndex, "points", 1, CalendarKind.UsEquity)).Rule.IsSameDay);
        Assert.True(rules.For(new Instrument("BTC_DOMINANCE", AssetClass.MacroSeries, "%", 1, CalendarKind.EveryDay)).Rule.IsSameDay);
        var flows = rules.For(new Instrument("BTC_SPOT_ETF_FLOWS", AssetClass.EtfFlows, "US$ m", 1, CalendarKind.UsEquity)).Rule;
        Assert.Equal(D("2025-04-21"), flows.Release(D("2025-04-17"))); // Good Friday: NYSE closed, Fed open
    }

    [Fact]
    public void An_unknown_monthly_series_waits_to_the_end_of_the_next_month() =>
        Assert.Equal(D("2025-03-31"), Release("CPIAUCSL", "2025-02-01", CalendarKind.Monthly));
}
