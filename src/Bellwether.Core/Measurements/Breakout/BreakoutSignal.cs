using Bellwether.Core.Board;
using Bellwether.Core.Signals;
using Bellwether.Core.Structure.Breakout;
using Bellwether.Core.Structure.Resistance;

namespace Bellwether.Core.Measurements.Breakout;

/// <summary>
/// <c>breakout</c>: an instrument against its prior multi-year high (long-term resistance), read from the core's
/// multi-year-high track (<see cref="BreakoutAnalysis.Track"/>, the walk <see cref="BreakoutAnalysis.AsOf"/> makes). Value: the last close's distance from the level, in percent. Label: the state of
/// the breakout machine (<c>below</c>, <c>approaching</c>, <c>testing</c>, <c>breakout</c>, <c>confirmed</c>,
/// <c>retest</c>, <c>above</c>, <c>failed</c>, <c>new_high</c>, <c>all_time_high</c>), since the date that state began.
/// </summary>
public sealed class BreakoutSignal : SignalKind<BreakoutSignalOptions>
{
    internal static readonly MeasurementParameter Instrument = new("instrument", "RUT", "series id");
    internal static readonly MeasurementParameter LookbackYears = new("lookback_years", "5",
        "calendar years of the multi-year high");
    private static readonly MeasurementParameter ExcludeBars = new("exclude_bars", "63",
        "most recent bars left out of the multi-year high (a high must have stood this long)");
    internal static readonly MeasurementParameter Basis = new("basis", "close",
        "multi-year high on closes or highs: close | high");
    private static readonly MeasurementParameter BufferPct = new("buffer_pct", "1",
        "a breakout is a close this many percent above the level");
    private static readonly MeasurementParameter ConfirmCloses = new("confirm_closes", "3",
        "consecutive closes above the level that confirm (a month-end close above it also does)");
    private static readonly MeasurementParameter RetestPct = new("retest_pct", "1",
        "after confirmation, a low within this many percent of the level with the close holding is the retest");
    private static readonly MeasurementParameter FailPct = new("fail_pct", "2",
        "a close this many percent back below the level ends the breakout");
    private static readonly MeasurementParameter FailBars = new("fail_bars", "21",
        "within this many bars that close is 'failed', later 'reversed'");
    private static readonly MeasurementParameter MinHeldDays = new("min_held_days", "365",
        "days a level must have held before its break to be long-term resistance (a younger top cleared: new_high / all_time_high)");

    public override string Name => "breakout";
    public override string Description => "An instrument against its prior multi-year high: distance (%), breakout state, breakout/confirmation/retest dates";
    public override IReadOnlyList<MeasurementParameter> Parameters { get; } =
        [Instrument, LookbackYears, ExcludeBars, Basis, BufferPct, ConfirmCloses, RetestPct, FailPct, FailBars,
            MinHeldDays];
    public override IReadOnlyList<string> Labels { get; } = Say.Words<BreakoutState>();
    public override IReadOnlyList<string> Fields { get; } = ["level", "close", "level_age_years", "retested", "days_since_breakout", "breakouts"];

    protected override BreakoutSignalOptions Parse(SignalSpec spec)
    {
        int years = spec.Integer(LookbackYears);
        var rules = new BreakoutParameters() with
        {
            Buffer = spec.Number(BufferPct) / 100,
            ConfirmCloses = spec.Integer(ConfirmCloses),
            RetestBand = spec.Number(RetestPct) / 100,
            FailBand = spec.Number(FailPct) / 100,
            FailBars = spec.Integer(FailBars),
            MinHeldDays = spec.Integer(MinHeldDays),
        };
        var basis = spec.Choice(Basis, "close", "high") == "high" ? PriceBasis.High : PriceBasis.Close;
        var analysis = new BreakoutAnalysisParameters(new MultiYearHighParameters(years, spec.Integer(ExcludeBars), basis),
            new ZoneParameters(LookbackYears: years), rules);
        return new BreakoutSignalOptions(spec.Text(Instrument), analysis.Validate());
    }

    protected override SignalReading Read(BreakoutSignalOptions o, IMarketData data, DateOnly asOf)
    {
        var inputs = new List<SignalInput>();
        if (Inputs.Series(data, o.Instrument, asOf, inputs) is not { } series) return Inputs.Missing(inputs, asOf);
        // The track reads no bar after the one it records, so one pass over the whole history serves every date.
        var track = data.Shared($"myh-track:{o.Instrument}:{Keys.Of(o.Analysis)}", _ => BreakoutAnalysis.Track(series, o.Analysis));
        var high = track.Points[track.IndexOnOrBefore(asOf)];
        var lastBar = inputs[0].LastDate!.Value;
        return Reading(o, series.Instrument.Id, series.Dates[0], lastBar, series.Close[series.IndexOf(lastBar)], high,
            high is null ? [] : track.Events.Where(e => e.LevelDate == high.LevelDate && e.Date <= asOf), inputs, asOf);
    }

    /// <summary>
    /// The reading of <paramref name="id"/> (first row <paramref name="first"/>, last close <paramref name="close"/> on
    /// <paramref name="lastBar"/>) against the level tracked on its last bar, <paramref name="high"/>, with that level's
    /// events known on <paramref name="asOf"/> in date order. A stream's state keeps these as bars arrive.
    /// </summary>
    internal static SignalReading Reading(BreakoutSignalOptions o, string id, DateOnly first, DateOnly lastBar, double close,
        MultiYearHighTrackPoint? high, IEnumerable<BreakoutEvent> levelEvents, List<SignalInput> inputs, DateOnly asOf)
    {
        int years = o.Analysis.MultiYearHigh.LookbackYears;
        if (high is null)
            return SignalReading.NotMeasurable($"{id} has no prior {years}-year high as of {Say.Date(asOf)} (the data must cover the whole lookback)", inputs);
        double distance = (close / high.Level - 1) * 100;

        // The events of the tracked level known on the as-of date, from its latest breakout on.
        var events = levelEvents.ToList();
        int lastBreakout = events.FindLastIndex(e => e.Type == BreakoutEventType.Breakout);
        var episode = lastBreakout >= 0 ? events.Skip(lastBreakout).ToList() : [];
        DateOnly? At(BreakoutEventType type) => episode.FirstOrDefault(e => e.Type == type)?.Date;
        var (broke, confirmed, retested, failed) = (At(BreakoutEventType.Breakout), At(BreakoutEventType.Confirmed), At(BreakoutEventType.Retest),
            At(BreakoutEventType.Failed) ?? At(BreakoutEventType.Reversed));

        var level = $"its prior {years}-year high of {Say.Price(high.Level)} ({Say.Date(high.LevelDate)})";
        var position = $"{id} closed {Say.Price(close)} on {Say.Date(lastBar)}, {Say.Pct(distance)} {(distance >= 0 ? "above" : "below")} {level}";
        string story = high.State switch
        {
            BreakoutState.Breakout or BreakoutState.Confirmed or BreakoutState.Retest or BreakoutState.Above =>
                $"; broke out on {Say.Date(broke!.Value)}" + (confirmed is { } c ? $", confirmed {Say.Date(c)}" : ", not yet confirmed")
                + (retested is { } r ? $", retested {Say.Date(r)}" : "")
                + (high.State == BreakoutState.Above ? $", above the retest band since {Say.Date(high.Since)}" : ""),
            BreakoutState.NewHigh or BreakoutState.AllTimeHigh =>
                $"; cleared it on {Say.Date(broke!.Value)}, {broke.Value.DayNumber - high.LevelDate.DayNumber} days after it was set, "
                + $"under the {o.Analysis.Rules.MinHeldDays} days long-term resistance must hold: "
                + (high.State == BreakoutState.AllTimeHigh ? "a fresh all-time high" : "a new multi-year high")
                + ", not a breakout above resistance",
            BreakoutState.Failed => $"; the breakout of {Say.Date(broke!.Value)} failed on {Say.Date(failed!.Value)}",
            _ => failed is { } f && broke is { } b ? $" ({Word(high.State)}; the breakout of {Say.Date(b)} reversed on {Say.Date(f)})" : $" ({Word(high.State)})",
        };
        var fields = new Dictionary<string, double>
        {
            ["level"] = high.Level,
            ["close"] = close,
            ["level_age_years"] = (lastBar.DayNumber - high.LevelDate.DayNumber) / 365.2425,
            ["retested"] = Say.Flag(retested is not null && failed is null),
            ["days_since_breakout"] = broke is { } d && failed is null ? lastBar.DayNumber - d.DayNumber : double.NaN,
            ["breakouts"] = events.Count(e => e.Type == BreakoutEventType.Breakout),
        };
        return new SignalReading(true, distance, Word(high.State), high.Since, position + story + ".",
            first, lastBar, inputs, fields, "%");
    }

    private static string Word(BreakoutState state) => Say.Word(state);
}
