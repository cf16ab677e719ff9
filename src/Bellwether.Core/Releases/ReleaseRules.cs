using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;

namespace Bellwether.Core.Releases;

/// <summary>A series' release rule and where it comes from.</summary>
/// <param name="Rule">When an observation becomes public.</param>
/// <param name="Source">The publication the rule follows (docs/release-lags.md cites each).</param>
public sealed record SeriesRelease(ReleaseRule Rule, string Source)
{
    /// <summary>The rule and its source in one line, as <c>data status</c> prints it.</summary>
    public override string ToString() => $"{Rule.Describe()} ({Source})";
}

/// <summary>
/// The release rule of every series: named FRED series by their release (H.4.1, H.6, H.10, H.15, the New York Fed),
/// everything else by its asset class and calendar. The sources are in docs/release-lags.md.
/// </summary>
public sealed class ReleaseRules(IReadOnlyDictionary<string, SeriesRelease> named)
{
    private static readonly SeriesRelease SameDay = new(new SameDayRelease(), "close of its day");

    private static readonly SeriesRelease H41 =
        new(new BusinessDaysAfter(1), "H.4.1: Wednesday level, published Thursday 16:30 ET");

    // H.6 turned monthly on 2021-02-23 (January 2021 the first month so published); the weekly releases before
    // carried a month's value from about the second Thursday after it ended, so the third Thursday is a safe bound.
    private static readonly SeriesRelease H6 = new(new ScheduleChange(new DateOnly(2021, 1, 1),
        new NextMonthRelease(3, DayOfWeek.Thursday), new NextMonthRelease(4, DayOfWeek.Tuesday)),
        "H.6 money stock, 13:00 ET");

    private static readonly SeriesRelease H15 =
        new(new BusinessDaysAfter(1), "H.15, posted the next business day 16:15 ET");

    /// <summary>The rules Bellwether ships.</summary>
    public static ReleaseRules Default { get; } = new(new Dictionary<string, SeriesRelease>(
        StringComparer.OrdinalIgnoreCase)
    {
        ["WALCL"] = H41,
        ["WTREGEN"] = H41,
        ["WRESBAL"] = H41,
        ["M2SL"] = H6,
        ["DFF"] = new(new BusinessDaysAfter(1), "New York Fed EFFR, 09:00 ET the next business day"),
        ["FEDFUNDS"] = new(NextMonthRelease.FirstBusinessDay, "H.15 monthly average"),
        ["DGS2"] = H15,
        ["DGS10"] = H15,
        ["RRPONTSYD"] = new(new SameDayRelease(), "New York Fed ON RRP results, about 13:15 ET"),
        ["DTWEXBGS"] = new(new NextWeekdayRelease(DayOfWeek.Monday), "H.10, Mondays 16:15 ET with the week before"),
        ["VIXCLS"] = new(new SameDayRelease(), "Cboe close, 16:15 ET"),
    });

    /// <summary>
    /// The rule of <paramref name="instrument"/>: the rule named for its symbol (a macro series), else the default of
    /// its class and calendar.
    /// </summary>
    public SeriesRelease For(Instrument instrument)
    {
        if (instrument.Class == AssetClass.MacroSeries && named.TryGetValue(instrument.Symbol, out var rule))
            return rule;
        return instrument.Class switch
        {
            AssetClass.EtfFlows =>
                new(new BusinessDaysAfter(1, ReleaseCalendar.Nyse), "issuers' files, complete the next US morning"),
            AssetClass.MacroSeries => instrument.Calendar switch
            {
                // A market-wide crypto statistic (dominance, total market cap) closes with its UTC day.
                CalendarKind.EveryDay => SameDay,
                CalendarKind.Monthly => new(new EndOfNextMonthRelease(), "unknown monthly release: a cautious bound"),
                _ => new(new BusinessDaysAfter(1), "unknown release: the next business day"),
            },
            _ => SameDay,
        };
    }
}
