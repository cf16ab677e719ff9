using Bellwether.Core.Board;
using Bellwether.Core.Charts;
using Bellwether.Core.Series;
using Bellwether.Core.Signals;
using Bellwether.Core.Structure.Pivots;
using Bellwether.Core.Structure.Trendlines;

namespace Bellwether.Core.Measurements.Trendline;

/// <summary>
/// <c>trendline</c> (alias <c>trendline_break</c>): the trendlines of a series or of a ratio of closes (ETH/BTC) over
/// a lookback as of a date, with the dominant one and its break (<see cref="TrendlineFinder.AsOf"/>).
/// </summary>
public sealed class TrendlineMeasurement : Measurement<TrendlineOf, TrendlineReading>
{
    public static readonly MeasurementParameter SeriesId = new("series", "ETH/BTC",
        "instrument id, or a ratio of closes A/B on their common dates")
    { Aliases = ["instrument"] };

    public static readonly MeasurementParameter Side = new("side", "resistance",
        "resistance (descending line over highs, breaks upward) | support (ascending line under lows, breaks " +
        "downward)");

    public static readonly MeasurementParameter LookbackMonths = new("lookback_months", "6",
        "calendar months of pivots considered");

    public static readonly MeasurementParameter PivotBars = new("pivot_bars", "5", "bars each side of a pivot");

    public static readonly MeasurementParameter BufferPct = new("buffer_pct", "1",
        "a break is a close this many percent beyond the line");

    public static readonly MeasurementParameter TouchPct = new("touch_pct", "1",
        "a pivot within this many percent of the line touches it");

    public static readonly MeasurementParameter MinTouches = new("min_touches", "2",
        "touches (anchors included) a line needs");

    public override string Name => "trendline";
    public override IReadOnlyList<string> Aliases { get; } = ["trendline_break"];

    public override IReadOnlyList<MeasurementParameter> Parameters { get; } =
        [SeriesId, Side, LookbackMonths, PivotBars, BufferPct, TouchPct, MinTouches];

    public override TrendlineOf Parse(IParameterValues values) =>
        values.Build(() => new TrendlineOf(values.Text(SeriesId), SideOf(values),
            Lines(values, values.Integer(LookbackMonths), values.Integer(PivotBars))));

    /// <summary>The side the values name.</summary>
    public static TrendlineSide SideOf(IParameterValues values) =>
        values.Choice(Side, "resistance", "support") == "support" ? TrendlineSide.Support : TrendlineSide.Resistance;

    /// <summary>The line rules the values name, with this lookback and pivot size (a claim reads several).</summary>
    public static TrendlineParameters Lines(IParameterValues values, int months, int bars) =>
        new(months, new PivotParameters(bars, bars), values.Number(BufferPct) / 100, values.Number(TouchPct) / 100,
            values.Integer(MinTouches));

    /// <summary>The ratio <c>A/B</c> of two whole histories.</summary>
    private sealed record RatioKey(string Ratio) : SharedKey<DailySeries>;

    public override Measured<TrendlineReading> Measure(TrendlineOf p, IMarketData data, DateOnly asOf)
    {
        var inputs = new List<SignalInput>();
        var ids = p.Series.Split('/');
        var parts = ids.Select(id => Inputs.Series(data, id, asOf, inputs)).ToList();
        if (parts.Any(s => s is null)) return Measured.Missing<TrendlineReading>(inputs, asOf);
        // A ratio at a date uses the two closes of that date only, so one ratio of the whole history serves every date.
        var series = parts.Count == 1 ? parts[0]!
            : data.Shared(new RatioKey(p.Series), _ => RatioSeries.Of(parts[0]!, parts[1]!));
        int last = series.IndexOnOrBefore(asOf);
        if (last < 0)
            return Measured.NotMeasurable<TrendlineReading>(
                $"{p.Series} has no common dates on or before {Say.Date(asOf)}", inputs);
        var report = TrendlineFinder.AsOf(series, asOf, p.Side, p.Lines);
        return Measured.Of(new TrendlineReading(asOf, series, series.Dates[last], series.Close[last], report), inputs);
    }

    /// <summary>The series with its dominant resistance and support lines (<see cref="TrendlineChart"/>).</summary>
    public override Chart? Chart(TrendlineOf o, ChartContext context)
    {
        var parts = o.Series.Split('/');
        var series = parts.Length == 2 && context.View.Series(parts[0]) is { } n
                                       && context.View.Series(parts[1]) is { } d
            ? RatioSeries.Of(n, d) : context.View.Series(o.Series);
        return series is { Count: > 0 }
            ? TrendlineChart.Draw(series, TrendlineFinder.AsOf(series, context.Date, TrendlineSide.Resistance, o.Lines),
                TrendlineFinder.AsOf(series, context.Date, TrendlineSide.Support, o.Lines), context.Date)
            : context.Missing("trendlines", o.Series);
    }
}

/// <summary>The trendlines of a series as of a date.</summary>
/// <param name="AsOf">The date asked for.</param>
/// <param name="Series">The series or ratio the lines were drawn on.</param>
/// <param name="LastBar">Its last date on or before the as-of date.</param>
/// <param name="Close">Its close that day.</param>
/// <param name="Report">The lines, the dominant one and their breaks.</param>
public sealed record TrendlineReading(
    DateOnly AsOf, DailySeries Series, DateOnly LastBar, double Close, TrendlineReport Report);
