using Bellwether.Core.Board;
using Bellwether.Core.Signals;
using Bellwether.Core.Structure.Breakout;

namespace Bellwether.Core.Measurements.Breakout;

/// <summary>
/// The <see cref="BreakoutMeasurement"/> as a signal. Value: the last close's distance from the level, in percent.
/// Label: the state of the breakout machine (<c>below</c>, <c>approaching</c>, <c>testing</c>, <c>breakout</c>,
/// <c>confirmed</c>, <c>retest</c>, <c>above</c>, <c>failed</c>, <c>new_high</c>, <c>all_time_high</c>), since the
/// date that state began.
/// </summary>
public sealed class BreakoutSignal() : MeasurementSignal<BreakoutOf, BreakoutReading>(new BreakoutMeasurement())
{
    public override string Description => "An instrument against its prior multi-year high: distance (%), breakout " +
                                          "state, breakout/confirmation/retest dates";
    public override IReadOnlyList<string> Labels { get; } = Say.Words<BreakoutState>();
    public override IReadOnlyList<string> Fields { get; } =
        ["level", "close", "level_age_years", "retested", "days_since_breakout", "breakouts"];

    protected override SignalReading Reading(BreakoutOf o, BreakoutReading r, IReadOnlyList<SignalInput> inputs,
        IMarketData data, bool explain)
    {
        var (high, close, lastBar) = (r.High, r.Close, r.LastBar);
        int years = o.Analysis.MultiYearHigh.LookbackYears;
        double distance = r.Distance * 100;
        var (broke, confirmed, retested, failed) = (r.At(BreakoutEventType.Breakout), r.At(BreakoutEventType.Confirmed),
            r.At(BreakoutEventType.Retest), r.At(BreakoutEventType.Failed) ?? r.At(BreakoutEventType.Reversed));
        var fields = new Dictionary<string, double>
        {
            ["level"] = high.Level,
            ["close"] = close,
            ["level_age_years"] = (lastBar.DayNumber - high.LevelDate.DayNumber) / 365.2425,
            ["retested"] = Say.Flag(retested is not null && failed is null),
            ["days_since_breakout"] = broke is { } d && failed is null ? lastBar.DayNumber - d.DayNumber : double.NaN,
            ["breakouts"] = r.Events.Count(e => e.Type == BreakoutEventType.Breakout),
        };
        return new SignalReading(true, distance, Say.Word(high.State), high.Since, explain ? Sentence() : "",
            r.First, lastBar, inputs, fields, "%");

        string Sentence()
        {
            var level = $"its prior {years}-year high of {Say.Price(high.Level)} ({Say.Date(high.LevelDate)})";
            var position = $"{r.Id} closed {Say.Price(close)} on {Say.Date(lastBar)}, {Say.Pct(distance)} " +
                           $"{(distance >= 0 ? "above" : "below")} {level}";
            string story = high.State switch
            {
                BreakoutState.Breakout or BreakoutState.Confirmed or BreakoutState.Retest or BreakoutState.Above =>
                    $"; broke out on {Say.Date(broke!.Value)}" +
                    (confirmed is { } c ? $", confirmed {Say.Date(c)}" : ", not yet confirmed")
                    + (retested is { } t ? $", retested {Say.Date(t)}" : "")
                    + (high.State == BreakoutState.Above ? $", above the retest band since {Say.Date(high.Since)}"
                        : ""),
                BreakoutState.NewHigh or BreakoutState.AllTimeHigh =>
                    $"; cleared it on {Say.Date(broke!.Value)}, {broke.Value.DayNumber - high.LevelDate.DayNumber} " +
                    $"days after it was set, under the {o.Analysis.Rules.MinHeldDays} days long-term resistance must " +
                    "hold: "
                    + (high.State == BreakoutState.AllTimeHigh ? "a fresh all-time high" : "a new multi-year high")
                    + ", not a breakout above resistance",
                BreakoutState.Failed =>
                    $"; the breakout of {Say.Date(broke!.Value)} failed on {Say.Date(failed!.Value)}",
                _ => failed is { } f && broke is { } b
                    ? $" ({Say.Word(high.State)}; the breakout of {Say.Date(b)} reversed on {Say.Date(f)})"
                    : $" ({Say.Word(high.State)})",
            };
            return position + story + ".";
        }
    }
}
