using Bellwether.Core.Board;
using Bellwether.Core.Measurements.Breakout;
using Bellwether.Core.Measurements.Drawdown;
using Bellwether.Core.Measurements.LevelRetest;
using Bellwether.Core.Statistics.Drawdown;
using Bellwether.Core.Structure.Breakout;
using Bellwether.Core.Structure.Resistance;
using static Bellwether.Core.Claims.ReadingText;

namespace Bellwether.Core.Measurements.MoveAfterBreakout;

/// <summary>
/// <c>move_after_breakout</c>: the leader's first breakout above its prior multi-year high (by close, default rules,
/// <see cref="BreakoutAnalysis.AsOf"/>) inside a window, then the follower's move from its close on that day: to its
/// highest close or high within some months (<see cref="Drawdowns"/>' running peak), or to its last close of those
/// months. A span running past the as-of date is not measurable; no breakout in the window is a result without a
/// move.
/// </summary>
public sealed class MoveAfterBreakoutMeasurement : Measurement<MoveAfterBreakoutOf, MoveAfterBreakoutReading>
{
    public static readonly MeasurementParameter Leader = new("leader", "", "the series that breaks out");
    public static readonly MeasurementParameter Follower = new("follower", "", "the series whose move is measured");

    public static readonly MeasurementParameter BreakoutFrom = new("breakout_from", "",
        "the first day the leader's breakout may fall on");

    public static readonly MeasurementParameter BreakoutTo = new("breakout_to", "",
        "the last day the leader's breakout may fall on");

    public static readonly MeasurementParameter LookbackYears = BreakoutMeasurement.LookbackYears;

    public static readonly MeasurementParameter Months = new("months", "12",
        "the move's span: this many months after the breakout");

    public static readonly MeasurementParameter MoveTo = new("move_to", "close",
        "the move ends at the span's last close, or at its highest close or high: close | peak_close | peak_high");

    /// <summary>The breakout rules: a close 1% above the prior multi-year high, default machine.</summary>
    public const string BreakoutRule =
        "the leader's breakout: its first close above its prior multi-year high × 1.01 in the window";

    public override string Name => "move_after_breakout";

    public override IReadOnlyList<MeasurementParameter> Parameters { get; } =
        [Leader, Follower, BreakoutFrom, BreakoutTo, LookbackYears, Months, MoveTo];

    public override MoveAfterBreakoutOf Parse(IParameterValues values)
    {
        var peak = values.Choice(MoveTo, "close", "peak_close", "peak_high") switch
        {
            "peak_close" => DrawdownBasis.Close,
            "peak_high" => DrawdownBasis.High,
            _ => (DrawdownBasis?)null,
        };
        return Parse(values, values.Integer(LookbackYears), values.Integer(Months), peak);
    }

    /// <summary>The parameters the values name, with the lookback and span given (a claim reads several).</summary>
    /// <exception cref="ThesisException">A value is missing or not valid.</exception>
    public static MoveAfterBreakoutOf Parse(IParameterValues values, int years, int months, DrawdownBasis? peak)
    {
        var (leader, follower) = (values.Required(Leader), values.Required(Follower));
        var (from, to) = (LevelRetestMeasurement.RequiredDate(values, BreakoutFrom),
            LevelRetestMeasurement.RequiredDate(values, BreakoutTo));
        return values.Build(() => new MoveAfterBreakoutOf(leader, follower, from, to, years, months, peak));
    }

    public override Measured<MoveAfterBreakoutReading> Measure(MoveAfterBreakoutOf o, IMarketData data, DateOnly asOf)
    {
        var (leader, follower) = (data.Series(o.Leader), data.Series(o.Follower));
        IReadOnlyList<SignalInput> inputs =
        [
            leader is null ? SignalInput.Missing(o.Leader) : SignalInput.Of(leader, asOf),
            follower is null ? SignalInput.Missing(o.Follower) : SignalInput.Of(follower, asOf),
        ];
        if (leader is null || follower is null)
            return Measured.NotMeasurable<MoveAfterBreakoutReading>(
                $"no series '{(leader is null ? o.Leader : o.Follower)}' in the data", inputs);
        var windowEnd = o.To < asOf ? o.To : asOf;
        // Every span of one lookback reads the same breakout: one analysis per data set.
        var report = data.Shared(new BreakoutsKey(o.Leader, o.Years, windowEnd), _ => BreakoutAnalysis.AsOf(leader,
            windowEnd, new BreakoutAnalysisParameters(new MultiYearHighParameters(o.Years), new ZoneParameters(),
                new BreakoutParameters())));
        var breakout = report.Events.FirstOrDefault(e => e.Kind == LevelKind.MultiYearHigh
            && e.Type == BreakoutEventType.Breakout && e.Date >= o.From && e.Date <= windowEnd);
        if (breakout is null)
            return Measured.Of(new MoveAfterBreakoutReading(windowEnd, null, null, null, windowEnd), inputs);
        int b = follower.IndexOnOrBefore(breakout.Date);
        if (b < 0 || double.IsNaN(follower.Close[b]))
            return Measured.NotMeasurable<MoveAfterBreakoutReading>(
                $"{o.Follower} has no close on {Day(breakout.Date)}", inputs);
        var end = breakout.Date.AddMonths(o.Months);
        if (end > asOf)
            return Measured.NotMeasurable<MoveAfterBreakoutReading>(
                $"the span ends on {Day(end)}, after {Day(asOf)}", inputs);
        var start = new DatedClose(follower.Dates[b], follower.Close[b]);
        if (o.PeakBasis is { } basis)
        {
            var peak = Drawdowns.AsOf(follower, end, basis, breakout.Date)!.Latest;
            return Measured.Of(new MoveAfterBreakoutReading(windowEnd, breakout, start,
                new DatedClose(peak.PeakDate, peak.Peak), end), inputs);
        }
        int e = follower.IndexOnOrBefore(end);
        while (e > b && double.IsNaN(follower.Close[e])) e--;
        var last = new DatedClose(follower.Dates[e], follower.Close[e]);
        return Measured.Of(new MoveAfterBreakoutReading(windowEnd, breakout, start, last, last.Date), inputs);
    }

    /// <summary>The leader's breakout analysis as of the window's end.</summary>
    private sealed record BreakoutsKey(string Leader, int Years, DateOnly WindowEnd) : SharedKey<BreakoutReport>;
}

/// <summary>A value on a date (a close, or the peak close or high).</summary>
public sealed record DatedClose(DateOnly Date, double Value);

/// <summary>The follower's move after the leader's breakout.</summary>
/// <param name="WindowEnd">The last day the breakout was looked for (the window's end, or the as-of date).</param>
/// <param name="Breakout">The leader's first breakout in the window; null when it did not break out.</param>
/// <param name="Start">The follower's close on the breakout day (null without a breakout).</param>
/// <param name="End">Where the move ends: the peak, or the span's last close (null without a breakout).</param>
/// <param name="Through">The last day read.</param>
public sealed record MoveAfterBreakoutReading(DateOnly WindowEnd, BreakoutEvent? Breakout, DatedClose? Start,
    DatedClose? End, DateOnly Through)
{
    /// <summary>End / start − 1 (3.8 = +380%); NaN without a breakout.</summary>
    public double Move => Start is { } s && End is { } e ? e.Value / s.Value - 1 : double.NaN;
}
