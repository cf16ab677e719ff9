using Bellwether.Core.Board;
using Bellwether.Core.Signals;
using Bellwether.Core.Structure.Trendlines;

namespace Bellwether.Core.Measurements.Trendline;

/// <summary>
/// The <see cref="TrendlineMeasurement"/> as a signal: the dominant trendline and whether it broke. Value: the last
/// close against the line extended to that day, in percent (positive: above it). Label: <c>broken</c> since the break
/// date, <c>holding</c> since the line's first anchor, or <c>no_line</c> when no line qualifies.
/// </summary>
public sealed class TrendlineSignal() : MeasurementSignal<TrendlineOf, TrendlineReading>(new TrendlineMeasurement())
{
    public override string Description => "The dominant trendline of a series or ratio over a lookback: broken or " +
                                          "holding, distance of the last close from it (%)";
    public override IReadOnlyList<string> Labels { get; } = ["broken", "holding", "no_line"];
    public override IReadOnlyList<string> Fields { get; } =
        ["duration_months", "slope_pct_per_month", "touches", "days_since_break", "line_value", "close"];

    protected override SignalReading Reading(TrendlineOf o, TrendlineReading r, IReadOnlyList<SignalInput> inputs,
        IMarketData data, bool explain)
    {
        var (report, lastBar, close) = (r.Report, r.LastBar, r.Close);
        var asOf = r.AsOf;
        var from = asOf.AddMonths(-o.Lines.LookbackMonths);
        bool resistance = o.Side == TrendlineSide.Resistance;
        string trend = resistance ? "downtrend" : "uptrend";
        if (report.Dominant is not { } line)
            return new SignalReading(true, double.NaN, "no_line", null, !explain ? "" :
                $"{o.Series} has no {trend} line with {o.Lines.MinTouches} or more touches in the " +
                $"{o.Lines.LookbackMonths} months to {Say.Date(lastBar)}.",
                from, lastBar, inputs, new Dictionary<string, double>(), "%");

        double distance = (close / line.ValueAtAsOf - 1) * 100;
        var fields = new Dictionary<string, double>
        {
            ["duration_months"] = line.DurationMonths,
            ["slope_pct_per_month"] = line.SlopePctPerMonth,
            ["touches"] = line.Touches.Count,
            ["days_since_break"] = line.Break is { } br ? lastBar.DayNumber - br.Date.DayNumber : double.NaN,
            ["line_value"] = line.ValueAtAsOf,
            ["close"] = close,
        };
        return new SignalReading(true, distance, line.Break is null ? "holding" : "broken",
            line.Break?.Date ?? line.FirstAnchor.Date, explain ? Sentence() : "", from, lastBar, inputs, fields, "%");

        string Sentence()
        {
            string where = $"{Say.Pct(distance)} {(distance >= 0 ? "above" : "below")} it";
            string shape = $"a {Say.Number(line.DurationMonths)}-month {trend} line " +
                           $"({Say.SignedPct(line.SlopePctPerMonth)}/month, {line.Touches.Count} touches, " +
                           $"from {Say.Date(line.FirstAnchor.Date)})";
            return line.Break is { } b
                ? $"{o.Series} broke {shape} on {Say.Date(b.Date)}, now {where} " +
                  $"({Say.Price(close)} on {Say.Date(lastBar)})."
                : $"{o.Series} is {where}: {shape} holds ({Say.Price(close)} on {Say.Date(lastBar)}).";
        }
    }
}
