using Bellwether.Core.Board;
using Bellwether.Core.Measurements.Drawdown;
using Bellwether.Core.Statistics.Drawdown;
using Bellwether.Core.Structure.Breakout;
using static Bellwether.Core.Claims.ReadingText;

namespace Bellwether.Core.Measurements.LevelRetest;

/// <summary>
/// <c>level_retest</c>: the peak of a past period (highest close, or highest high, <see cref="Drawdowns.AsOf"/>) is
/// the level; over a window ending on the as-of date, the close nearest to the level, and the breakout state machine
/// (<see cref="LevelBreakout"/>, default rules) run on the level from the day after the peak: its last retest event
/// inside the window and the breakout before it.
/// </summary>
public sealed class LevelRetestMeasurement : Measurement<LevelRetestOf, LevelRetestReading>
{
    public static readonly MeasurementParameter Instrument = new("instrument", "", "series id");
    public static readonly MeasurementParameter PeakFrom = new("peak_from", "", "the past period's first day");
    public static readonly MeasurementParameter PeakTo = new("peak_to", "", "the past period's last day");

    public static readonly MeasurementParameter WindowFrom = new("window_from", "",
        "the first day of the window in which the level is revisited (it ends on the as-of date)");

    public static readonly MeasurementParameter Basis = new("basis", "close",
        "the peak is the highest close or the highest high: close | high");

    public static readonly MeasurementParameter Band = new("band", "0.02",
        "a close within this fraction of the level, either side, is a retest");

    /// <summary>The breakout machine's rules (its defaults).</summary>
    public static BreakoutParameters Rules { get; } = new();

    public override string Name => "level_retest";

    public override IReadOnlyList<MeasurementParameter> Parameters { get; } =
        [Instrument, PeakFrom, PeakTo, WindowFrom, Basis, Band];

    public override LevelRetestOf Parse(IParameterValues values) =>
        Parse(values, DrawdownMeasurement.Basis(values.Choice(Basis, "close", "high")));

    /// <summary>The parameters the values name, on <paramref name="basis"/> (a claim reads each basis it lists).
    /// </summary>
    /// <exception cref="ThesisException">A value is missing or not valid.</exception>
    public static LevelRetestOf Parse(IParameterValues values, DrawdownBasis basis)
    {
        var id = values.Required(Instrument);
        var (peakFrom, peakTo) = (RequiredDate(values, PeakFrom), RequiredDate(values, PeakTo));
        var windowFrom = RequiredDate(values, WindowFrom);
        double band = values.Number(Band);
        return values.Build(() => new LevelRetestOf(id, peakFrom, peakTo, windowFrom, basis, band));
    }

    /// <summary>A date without a default.</summary>
    /// <exception cref="ThesisException">It is missing or not a date.</exception>
    public static DateOnly RequiredDate(IParameterValues values, MeasurementParameter p) =>
        values.Date(p) ?? throw values.Problem($"parameter '{p.Name}' is required", p.Name);

    public override Measured<LevelRetestReading> Measure(LevelRetestOf parameters, IMarketData data, DateOnly asOf)
    {
        var o = parameters;
        if (data.Series(o.Instrument) is not { } series)
            return Measured.NotMeasurable<LevelRetestReading>($"no series '{o.Instrument}' in the data",
                [SignalInput.Missing(o.Instrument)]);
        IReadOnlyList<SignalInput> inputs = [SignalInput.Of(series, asOf)];
        if (Drawdowns.AsOf(series, o.PeakTo, o.Basis, o.PeakFrom) is not { } peak)
            return Measured.NotMeasurable<LevelRetestReading>(
                $"{o.Instrument} has no close in {Day(o.PeakFrom)}..{Day(o.PeakTo)}", inputs);
        var (level, levelDate) = (peak.Latest.Peak, peak.Latest.PeakDate);
        int first = series.IndexOnOrBefore(o.WindowFrom.AddDays(-1)) + 1, last = series.IndexOnOrBefore(asOf);
        int best = -1;
        for (int i = first; i <= last; i++)
            if (!double.IsNaN(series.Close[i])
                && (best < 0 || Math.Abs(series.Close[i] / level - 1) < Math.Abs(series.Close[best] / level - 1)))
                best = i;
        var nearest = best < 0 ? null
            : new NearestClose(series.Dates[best], series.Close[best], series.Dates[first], series.Dates[last]);
        var track = LevelBreakout.Evaluate(series, level, levelDate.AddDays(1), asOf, Rules);
        var retest = track.Events.LastOrDefault(e => e.Type == BreakoutEventType.Retest && e.Date >= o.WindowFrom);
        var breakout = track.Events.LastOrDefault(e =>
            e.Type == BreakoutEventType.Breakout && e.Date <= (retest?.Date ?? asOf));
        return Measured.Of(new LevelRetestReading(series.Instrument.Id, level, levelDate, series.Dates[last], nearest,
            track, retest, breakout), inputs);
    }
}

/// <summary>The close nearest to the level in the window.</summary>
/// <param name="Date">Its date.</param>
/// <param name="Close">The close.</param>
/// <param name="WindowFirst">The window's first row.</param>
/// <param name="WindowLast">The window's last row.</param>
public sealed record NearestClose(DateOnly Date, double Close, DateOnly WindowFirst, DateOnly WindowLast);

/// <summary>A past peak revisited, as of a date.</summary>
/// <param name="Id">The series' id as stored.</param>
/// <param name="Level">The peak of the past period: the level.</param>
/// <param name="LevelDate">The peak's date.</param>
/// <param name="LastDate">The series' last row on or before the as-of date.</param>
/// <param name="Nearest">The close nearest to the level in the window; null when the window has no close.</param>
/// <param name="Track">The breakout machine run on the level from the day after the peak.</param>
/// <param name="Retest">Its last retest event inside the window; null when none.</param>
/// <param name="Breakout">Its last breakout on or before that retest (or the as-of date); null when none.</param>
public sealed record LevelRetestReading(string Id, double Level, DateOnly LevelDate, DateOnly LastDate,
    NearestClose? Nearest, LevelTrack Track, BreakoutEvent? Retest, BreakoutEvent? Breakout)
{
    /// <summary>The nearest close as a signed distance from the level (−0.01 = 1% below); NaN without one.</summary>
    public double NearestDistance => Nearest is { } n ? n.Close / Level - 1 : double.NaN;

    /// <summary>The retest's close as a signed distance from the level; NaN without a retest.</summary>
    public double RetestDistance => Retest is { } r ? r.Close / Level - 1 : double.NaN;
}
