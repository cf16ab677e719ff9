using Bellwether.Core.Series;
using Bellwether.Core.Structure.Pivots;
using Bellwether.Core.Structure.Resistance;

namespace Bellwether.Core.Structure.Breakout;

/// <summary>
/// Resistance levels and their breakouts as of a date, using only bars on or before it.
/// </summary>
/// <remarks>
/// <para>The multi-year-high track walks the whole history once. At each bar the prior multi-year high is computed
/// (<see cref="MultiYearHighs"/>); the track follows one level at a time with the breakout state machine and switches
/// to a new level when a different multi-year high appears that no close has yet cleared by the buffer (a new top
/// that has stood for the excluded bars). A level whose bar leaves the lookback is dropped. So the 2018 high is the
/// level until the 2021 top has stood for a quarter, and the events of every episode are kept.</para>
/// <para>Each resistance zone runs its own machine from the bar after its last touch.</para>
/// </remarks>
public static class BreakoutAnalysis
{
    /// <summary>The levels and events as of <paramref name="asOf"/>.</summary>
    public static BreakoutReport AsOf(DailySeries series, DateOnly asOf, BreakoutAnalysisParameters parameters)
    {
        int last = series.IndexOnOrBefore(asOf);
        if (last < 0) return new BreakoutReport(null, [], []);
        var rules = parameters.Rules;
        var monthEnds = new MonthEndFlags(series);
        var events = new List<BreakoutEvent>();
        var levels = new List<LevelStatus>();
        var asOfDate = series.Dates[last];

        var tracked = TrackMultiYearHigh(series, last, parameters.MultiYearHigh, rules, events);
        if (tracked is not null)
        {
            var touching = SwingPivots.Find(series, PivotKind.High, parameters.Zones.PivotSizes, last)
                .Where(p => p.Date >= tracked.LevelDate
                    && Math.Abs(p.Value / tracked.Level - 1) <= parameters.Zones.Tolerance)
                .ToList();
            var lastTouch = touching.Count > 0 ? touching[^1].Date : tracked.LevelDate;
            levels.Add(new LevelStatus(LevelKind.MultiYearHigh, tracked.Level, tracked.Level, touching.Count,
                tracked.LevelDate, lastTouch,
                asOfDate.DayNumber - tracked.LevelDate.DayNumber, tracked.State, tracked.Since));
        }

        var highsBefore = PriorMaxima(series, PriceBasis.High);
        foreach (var zone in ResistanceZones.AsOf(series, asOf, parameters.Zones))
        {
            var history = new LevelHistory(zone.FirstTouch, zone.Price >= highsBefore[series.IndexOf(zone.TopDate)]);
            var machine = new LevelStateMachine(zone.Price, LevelKind.Zone, zone.TopDate, history, rules);
            for (int i = zone.LastTouchIndex + 1; i <= last; i++) machine.Step(series, i, monthEnds[i], events);
            levels.Add(new LevelStatus(LevelKind.Zone, zone.Price, zone.Bottom, zone.Touches, zone.FirstTouch,
                zone.LastTouch, asOfDate.DayNumber - zone.FirstTouch.DayNumber, machine.State, machine.Since));
        }

        // Stable sort: a machine's events on one day keep their order (breakout before confirmed).
        var ordered = events.OrderBy(e => e.Date).ThenBy(e => e.Kind).ThenByDescending(e => e.Level).ToList();
        return new BreakoutReport(asOfDate, levels, ordered);
    }

    /// <summary>
    /// The multi-year-high track of the whole series, recorded bar by bar: the level and state on each bar are the ones
    /// <see cref="AsOf"/> reports for the multi-year high as of that bar's date (the track never reads a later bar), so
    /// one pass serves readings at many dates.
    /// </summary>
    public static MultiYearHighTrack Track(DailySeries series, BreakoutAnalysisParameters parameters)
    {
        var events = new List<BreakoutEvent>();
        var points = new MultiYearHighTrackPoint?[series.Count];
        if (series.Count > 0)
            TrackMultiYearHigh(series, series.Count - 1, parameters.MultiYearHigh, parameters.Rules, events,
                (i, tracked) => points[i] = tracked is null ? null
                : new MultiYearHighTrackPoint(tracked.Level, tracked.LevelDate, tracked.State, tracked.Since));
        return new MultiYearHighTrack(series.Dates, points, events);
    }

    private static LevelStateMachine? TrackMultiYearHigh(DailySeries series, int last,
        MultiYearHighParameters parameters,
        BreakoutParameters rules, List<BreakoutEvent> events, Action<int, LevelStateMachine?>? stepped = null)
    {
        var tracker = new MultiYearHighTracker(parameters, rules);
        for (int i = 0; i <= last; i++)
        {
            tracker.Step(series.Instrument.Calendar, series.Dates[i], series.Close[i], series.High[i], series.Low[i],
                events);
            stepped?.Invoke(i, tracker.Tracked);
        }
        return tracker.Tracked;
    }

    /// <summary>
    /// Per row, the highest close (or high, falling back to the close) of all earlier rows, −∞ for the first: a level
    /// set on row i at or above it was an all-time high of the stored history.
    /// </summary>
    private static double[] PriorMaxima(DailySeries series, PriceBasis basis)
    {
        var before = new double[series.Count];
        double max = double.NegativeInfinity;
        for (int i = 0; i < series.Count; i++)
        {
            before[i] = max;
            double v = basis == PriceBasis.High && double.IsFinite(series.High[i]) ? series.High[i] : series.Close[i];
            if (v > max) max = v; // NaN compares false: skipped
        }
        return before;
    }
}
