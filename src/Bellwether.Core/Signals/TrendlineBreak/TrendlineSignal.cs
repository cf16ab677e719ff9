using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Series;
using Bellwether.Core.Structure.Pivots;
using Bellwether.Core.Structure.Trendlines;

namespace Bellwether.Core.Signals.TrendlineBreak;

/// <summary>
/// <c>trendline</c>: the dominant trendline of a series or ratio (e.g. ETH/BTC) over a lookback and whether it broke,
/// read by <see cref="TrendlineFinder.AsOf"/>. Value: the last close against the line extended to that day, in percent
/// (positive: above it). Label: <c>broken</c> since the break date, <c>holding</c> since the line's first anchor, or
/// <c>no_line</c> when no line qualifies.
/// </summary>
public sealed class TrendlineSignal : SignalKind<TrendlineSignalOptions>
{
    private static readonly MeasurementParameter SeriesId = new("series", "ETH/BTC",
        "instrument id, or a ratio of closes A/B on their common dates");
    private static readonly MeasurementParameter Side = new("side", "resistance",
        "resistance (descending line over highs, breaks upward) | support (ascending line under lows, breaks " +
        "downward)");
    private static readonly MeasurementParameter LookbackMonths = new("lookback_months", "6",
        "calendar months of pivots considered");
    private static readonly MeasurementParameter PivotBars = new("pivot_bars", "5", "bars each side of a pivot");
    private static readonly MeasurementParameter BufferPct = new("buffer_pct", "1",
        "a break is a close this many percent beyond the line");
    private static readonly MeasurementParameter TouchPct = new("touch_pct", "1",
        "a pivot within this many percent of the line touches it");
    private static readonly MeasurementParameter MinTouches = new("min_touches", "2",
        "touches (anchors included) a line needs");

    public override string Name => "trendline";
    public override string Description => "The dominant trendline of a series or ratio over a lookback: broken or holding, distance of the last close from it (%)";
    public override IReadOnlyList<MeasurementParameter> Parameters { get; } =
        [SeriesId, Side, LookbackMonths, PivotBars, BufferPct, TouchPct, MinTouches];
    public override IReadOnlyList<string> Labels { get; } = ["broken", "holding", "no_line"];
    public override IReadOnlyList<string> Fields { get; } = ["duration_months", "slope_pct_per_month", "touches", "days_since_break", "line_value", "close"];

    protected override TrendlineSignalOptions Parse(SignalSpec spec)
    {
        var side = spec.Choice(Side, "resistance", "support") == "support" ? TrendlineSide.Support : TrendlineSide.Resistance;
        int bars = spec.Integer(PivotBars);
        var lines = new TrendlineParameters(spec.Integer(LookbackMonths), new PivotParameters(bars, bars), spec.Number(BufferPct) / 100,
            spec.Number(TouchPct) / 100, spec.Integer(MinTouches));
        var series = spec.Text(SeriesId);
        var parts = series.Split('/');
        if (parts.Length > 2 || parts.Any(string.IsNullOrWhiteSpace)) throw spec.Problem($"parameter 'series' = '{series}' is neither an id nor a ratio A/B", SeriesId.Name);
        return new TrendlineSignalOptions(series, side, lines.Validate());
    }

    protected override SignalReading Read(TrendlineSignalOptions o, IMarketData data, DateOnly asOf)
    {
        var inputs = new List<SignalInput>();
        var ids = o.Series.Split('/');
        var parts = ids.Select(id => Inputs.Series(data, id, asOf, inputs)).ToList();
        if (parts.Any(p => p is null)) return Inputs.Missing(inputs, asOf);
        // A ratio at a date uses the two closes of that date only, so one ratio of the whole history serves every date.
        var series = parts.Count == 1 ? parts[0]! : data.Shared($"ratio:{o.Series}", _ => RatioSeries.Of(parts[0]!, parts[1]!));
        int last = series.IndexOnOrBefore(asOf);
        if (last < 0) return SignalReading.NotMeasurable($"{o.Series} has no common dates on or before {Say.Date(asOf)}", inputs);
        var report = TrendlineFinder.AsOf(series, asOf, o.Side, o.Lines);
        var lastBar = series.Dates[last];
        double close = series.Close[last];
        var from = asOf.AddMonths(-o.Lines.LookbackMonths);
        bool resistance = o.Side == TrendlineSide.Resistance;
        string trend = resistance ? "downtrend" : "uptrend";
        if (report.Dominant is not { } line)
            return new SignalReading(true, double.NaN, "no_line", null,
                $"{o.Series} has no {trend} line with {o.Lines.MinTouches} or more touches in the {o.Lines.LookbackMonths} months to {Say.Date(lastBar)}.",
                from, lastBar, inputs, new Dictionary<string, double>(), "%");

        double distance = (close / line.ValueAtAsOf - 1) * 100;
        string where = $"{Say.Pct(distance)} {(distance >= 0 ? "above" : "below")} it";
        string shape = $"a {Say.Number(line.DurationMonths)}-month {trend} line ({Say.SignedPct(line.SlopePctPerMonth)}/month, {line.Touches.Count} touches, from {Say.Date(line.FirstAnchor.Date)})";
        string sentence = line.Break is { } b
            ? $"{o.Series} broke {shape} on {Say.Date(b.Date)}, now {where} ({Say.Price(close)} on {Say.Date(lastBar)})."
            : $"{o.Series} is {where}: {shape} holds ({Say.Price(close)} on {Say.Date(lastBar)}).";
        var fields = new Dictionary<string, double>
        {
            ["duration_months"] = line.DurationMonths,
            ["slope_pct_per_month"] = line.SlopePctPerMonth,
            ["touches"] = line.Touches.Count,
            ["days_since_break"] = line.Break is { } br ? lastBar.DayNumber - br.Date.DayNumber : double.NaN,
            ["line_value"] = line.ValueAtAsOf,
            ["close"] = close,
        };
        return new SignalReading(true, distance, line.Break is null ? "holding" : "broken", line.Break?.Date ?? line.FirstAnchor.Date,
            sentence, from, lastBar, inputs, fields, "%");
    }
}
