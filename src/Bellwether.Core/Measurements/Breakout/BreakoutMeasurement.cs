using Bellwether.Core.Board;
using Bellwether.Core.Charts;
using Bellwether.Core.Signals;
using Bellwether.Core.Structure.Breakout;
using Bellwether.Core.Structure.Resistance;

namespace Bellwether.Core.Measurements.Breakout;

/// <summary>
/// <c>breakout</c>: an instrument against its prior multi-year high (long-term resistance) as of a date, read from the
/// core's multi-year-high track (<see cref="BreakoutAnalysis.Track"/>, the walk <see cref="BreakoutAnalysis.AsOf"/>
/// makes): the level, the breakout machine's state and the level's events known by then.
/// </summary>
public sealed class BreakoutMeasurement : Measurement<BreakoutOf, BreakoutReading>
{
    public static readonly MeasurementParameter Instrument = new("instrument", "RUT", "series id");
    public static readonly MeasurementParameter LookbackYears = new("lookback_years", "5",
        "calendar years of the multi-year high");
    public static readonly MeasurementParameter ExcludeBars = new("exclude_bars", "63",
        "most recent bars left out of the multi-year high (a high must have stood this long)");
    public static readonly MeasurementParameter Basis = new("basis", "close",
        "multi-year high on closes or highs: close | high");
    public static readonly MeasurementParameter BufferPct = new("buffer_pct", "1",
        "a breakout is a close this many percent above the level");
    public static readonly MeasurementParameter ConfirmCloses = new("confirm_closes", "3",
        "consecutive closes above the level that confirm (a month-end close above it also does)");
    public static readonly MeasurementParameter RetestPct = new("retest_pct", "1",
        "after confirmation, a low within this many percent of the level with the close holding is the retest");
    public static readonly MeasurementParameter FailPct = new("fail_pct", "2",
        "a close this many percent back below the level ends the breakout");
    public static readonly MeasurementParameter FailBars = new("fail_bars", "21",
        "within this many bars that close is 'failed', later 'reversed'");
    public static readonly MeasurementParameter MinHeldDays = new("min_held_days", "365",
        "days a level must have held before its break to be long-term resistance (a younger top cleared: new_high / " +
        "all_time_high)");

    public override string Name => "breakout";
    public override IReadOnlyList<MeasurementParameter> Parameters { get; } =
        [Instrument, LookbackYears, ExcludeBars, Basis, BufferPct, ConfirmCloses, RetestPct, FailPct, FailBars,
            MinHeldDays];

    public override BreakoutOf Parse(IParameterValues values) =>
        Parse(values, values.Integer(LookbackYears), values.Choice(Basis, "close", "high"));

    /// <summary>The parameters with the lookback and basis given (a claim reads several of each).</summary>
    /// <exception cref="ThesisException">A value is not valid.</exception>
    public static BreakoutOf Parse(IParameterValues values, int years, string basis)
    {
        var rules = new BreakoutParameters() with
        {
            Buffer = values.Number(BufferPct) / 100,
            ConfirmCloses = values.Integer(ConfirmCloses),
            RetestBand = values.Number(RetestPct) / 100,
            FailBand = values.Number(FailPct) / 100,
            FailBars = values.Integer(FailBars),
            MinHeldDays = values.Integer(MinHeldDays),
        };
        var on = basis == "high" ? PriceBasis.High : PriceBasis.Close;
        int exclude = values.Integer(ExcludeBars);
        return values.Build(() => new BreakoutOf(values.Text(Instrument), new BreakoutAnalysisParameters(
            new MultiYearHighParameters(years, exclude, on), new ZoneParameters(LookbackYears: years), rules)));
    }

    public override Measured<BreakoutReading> Measure(BreakoutOf o, IMarketData data, DateOnly asOf)
    {
        var inputs = new List<SignalInput>();
        if (Inputs.Series(data, o.Instrument, asOf, inputs) is not { } series)
            return Measured.Missing<BreakoutReading>(inputs, asOf);
        // The track reads no bar after the one it records, so one pass over the whole history serves every date.
        var track = data.Shared(new TrackKey(o.Instrument, o.Analysis),
            _ => BreakoutAnalysis.Track(series, o.Analysis));
        int bar = track.IndexOnOrBefore(asOf);
        if (track.Points[bar] is not { } high)
            return Measured.NotMeasurable<BreakoutReading>($"{series.Instrument.Id} has no prior " +
                $"{o.Analysis.MultiYearHigh.LookbackYears}-year high as of {Say.Date(asOf)} (the data must cover the " +
                "whole lookback)", inputs);
        var lastBar = inputs[0].LastDate!.Value;
        // The events of the tracked level known on the as-of date.
        var events = track.Events.Where(e => e.LevelDate == high.LevelDate && e.Date <= asOf).ToList();
        return Measured.Of(new BreakoutReading(series.Instrument.Id, lastBar, series.Close[series.IndexOf(lastBar)],
            high, events, series.Dates[0]), inputs);
    }

    /// <summary>The instrument with its multi-year-high levels and events (<see cref="BreakoutChart"/>).</summary>
    public override Chart? Chart(BreakoutOf o, ChartContext context) =>
        context.View.Series(o.Instrument) is { Count: > 0 } s
        ? BreakoutChart.Draw(s, BreakoutAnalysis.AsOf(s, context.Date, o.Analysis), context.Date)
        : context.Missing("resistance breakouts", o.Instrument);

    /// <summary>The multi-year-high track of one series' whole history.</summary>
    private sealed record TrackKey(string Instrument, BreakoutAnalysisParameters Analysis)
        : SharedKey<MultiYearHighTrack>;
}

/// <summary>An instrument against its prior multi-year high as of a date.</summary>
/// <param name="Id">The series' id as stored.</param>
/// <param name="LastBar">Its last bar with a close on or before the date.</param>
/// <param name="Close">That close.</param>
/// <param name="High">The level, the bar that set it, and the breakout machine's state since when.</param>
/// <param name="Events">The level's events known by the date, oldest first.</param>
/// <param name="First">The series' first date.</param>
public sealed record BreakoutReading(
    string Id, DateOnly LastBar, double Close, MultiYearHighTrackPoint High, IReadOnlyList<BreakoutEvent> Events,
    DateOnly First)
{
    /// <summary>The close against the level: 0.03 = 3% above.</summary>
    public double Distance => Close / High.Level - 1;

    /// <summary>The events from the level's latest breakout on (empty before its first).</summary>
    public IReadOnlyList<BreakoutEvent> Episode
    {
        get
        {
            int i = Events.Count - 1;
            while (i >= 0 && Events[i].Type != BreakoutEventType.Breakout) i--;
            return i >= 0 ? [.. Events.Skip(i)] : [];
        }
    }

    /// <summary>The date of the first event of <paramref name="type"/> in the latest <see cref="Episode"/>.</summary>
    public DateOnly? At(BreakoutEventType type) => Episode.FirstOrDefault(e => e.Type == type)?.Date;
}
