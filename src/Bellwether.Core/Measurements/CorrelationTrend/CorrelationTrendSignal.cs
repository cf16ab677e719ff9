using Bellwether.Core.Board;
using Bellwether.Core.Signals;

namespace Bellwether.Core.Measurements.CorrelationTrend;

/// <summary>
/// The <see cref="CorrelationTrendMeasurement"/> as a signal. Value: the change of the rolling correlation over
/// <c>compare_days</c>. Label: its trend (<c>breakdown</c>, <c>rising</c>, <c>falling</c>, <c>stable</c>,
/// <c>unknown</c>), since the first row of the current run.
/// </summary>
public sealed class CorrelationTrendSignal()
    : MeasurementSignal<CorrelationTrendOf, CorrelationTrendReading>(new CorrelationTrendMeasurement())
{
    public override string Description =>
        "Trend of a rolling correlation: its change over a comparison span, rising, falling, stable or a breakdown";
    public override IReadOnlyList<string> Labels => CorrelationTrendMeasurement.Trends;
    public override IReadOnlyList<string> Fields { get; } = ["current", "previous", "breakdown_peak", "breakdown_fall"];

    protected override SignalReading Reading(CorrelationTrendOf o, CorrelationTrendReading r,
        IReadOnlyList<SignalInput> inputs, IMarketData data, bool explain)
    {
        var (current, before, episode) = (r.Current, r.Previous, r.Breakdown);
        var fields = new Dictionary<string, double>
        {
            ["current"] = current,
            ["previous"] = before,
            ["breakdown_peak"] = episode?.PeakCorrelation ?? double.NaN,
            ["breakdown_fall"] = episode?.Fall ?? double.NaN,
        };
        return new SignalReading(true, current - before, r.Trend, r.Since, explain ? Sentence() : "", r.From, r.Date,
            inputs, fields, "Δr");

        string Sentence() =>
            $"The {CorrelationTrendMeasurement.Describe(o)} is {Say.Number(current, "0.00")} on {Say.Date(r.Date)}" +
            (double.IsNaN(before) ? $", with no value {o.CompareDays} days earlier"
                : $", {Say.Signed(current - before, "0.00")} from {Say.Number(before, "0.00")} " +
                  $"{o.CompareDays} days earlier") +
            (episode is not null
                ? $"; it fell {Say.Number(episode.Fall, "0.00")} below its {o.BreakdownDays}-day peak " +
                  $"of {Say.Number(episode.PeakCorrelation, "0.00")} ({Say.Date(episode.PeakDate)})"
                : "") +
            $": {r.Trend} since {Say.Date(r.Since)}" + (r.RunReachesStart ? " (or earlier)" : "") + ".";
    }
}
