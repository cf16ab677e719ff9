using Bellwether.Core.Series;

namespace Bellwether.Core.Structure.Breakout;

/// <summary>The breakout state machine for a level the caller chooses.</summary>
public static class LevelBreakout
{
    /// <summary>
    /// Runs the machine for <paramref name="level"/> over the bars dated from <paramref name="from"/> to
    /// <paramref name="asOf"/> (both inclusive). Bars with a NaN close are skipped.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The level is not a positive number.</exception>
    public static LevelTrack Evaluate(DailySeries series, double level, DateOnly from, DateOnly asOf,
        BreakoutParameters rules)
    {
        if (!double.IsFinite(level) || level <= 0) throw new ArgumentOutOfRangeException(nameof(level), level,
            "must be a positive number");
        var machine = new LevelStateMachine(level, LevelKind.Manual, from, history: null, rules);
        var monthEnds = new MonthEndFlags(series);
        var events = new List<BreakoutEvent>();
        int first = series.IndexOnOrBefore(from.AddDays(-1)) + 1, last = series.IndexOnOrBefore(asOf);
        bool any = false;
        for (int i = first; i <= last; i++)
        {
            machine.Step(series, i, monthEnds[i], events);
            any |= !double.IsNaN(series.Close[i]);
        }
        return new LevelTrack(level, machine.State, any ? machine.Since : null, events);
    }
}
