using Bellwether.Core.Board;
using Bellwether.Core.Charts;
using Bellwether.Core.Signals;
using Bellwether.Core.Statistics.Drawdown;

namespace Bellwether.Core.Measurements.Drawdown;

/// <summary>
/// <c>drawdown</c>: how far below its running peak an instrument closed, read by <see cref="Drawdowns.AsOf"/>
/// (through <see cref="Drawdowns.History"/>). The result's drawdowns are fractions (−0.307 = 30.7% below the peak).
/// </summary>
public sealed class DrawdownMeasurement : Measurement<DrawdownParameters, DrawdownReading>
{
    public static readonly MeasurementParameter Instrument = new("instrument", "BTC", "series id");

    public static readonly MeasurementParameter By = new("by", "close",
        "the peak is the highest close or the highest intraday high: close | high")
    { Aliases = ["basis"] };

    public static readonly MeasurementParameter Since = new("since", "",
        "start the running peak on this date, yyyy-MM-dd (empty: the first row)");

    public override string Name => "drawdown";
    public override IReadOnlyList<MeasurementParameter> Parameters { get; } = [Instrument, By, Since];

    public override DrawdownParameters Parse(IParameterValues values) =>
        new(values.Text(Instrument), Basis(values.Choice(By, "close", "high")), values.Date(Since));

    /// <summary>The basis a word names: <c>close</c> or <c>high</c>.</summary>
    public static DrawdownBasis Basis(string word) => word == "high" ? DrawdownBasis.High : DrawdownBasis.Close;

    public override Measured<DrawdownReading> Measure(DrawdownParameters parameters, IMarketData data, DateOnly asOf)
    {
        var (id, basis, since) = (parameters.Instrument, parameters.Basis, parameters.Since);
        var inputs = new List<SignalInput>();
        if (Inputs.Series(data, id, asOf, inputs) is not { } series)
            return Measured.Missing<DrawdownReading>(inputs, asOf);
        // The walk is causal, so one walk over the whole history serves every date (a look-up per date).
        var history = data.Shared(new HistoryKey(id, basis, since), _ => Drawdowns.History(series, basis, since));
        return history.AsOf(asOf) is { } r ? Measured.Of(r, inputs)
            : Measured.NotMeasurable<DrawdownReading>(
                $"{series.Instrument.Id} has no close from {Say.Date(since ?? series.Dates[0])} to {Say.Date(asOf)}",
                inputs);
    }

    /// <summary>The drawdown by close and by high over the last years (<see cref="DrawdownChart"/>).</summary>
    public override Chart? Chart(DrawdownParameters o, ChartContext context) =>
        context.View.Series(o.Instrument) is { Count: > 0 } s
            ? DrawdownChart.Draw(o.Instrument, Drawdowns.Compute(s, DrawdownBasis.Close),
                Drawdowns.Compute(s, DrawdownBasis.High), context.Date)
            : context.Missing("drawdown", o.Instrument);

    /// <summary>The reading in a sentence: the close, how far below which peak, and since when.</summary>
    public static string Explain(DrawdownReading r)
    {
        var p = r.Latest;
        string peak = r.Basis == DrawdownBasis.High ? "peak high" : "peak close";
        return p.Drawdown == 0
            ? $"{r.Id} closed at a new peak, {Say.Price(p.Close)}, on {Say.Date(p.Date)}."
            : $"{r.Id} closed {Say.Price(p.Close)} on {Say.Date(p.Date)}, {Say.Pct(p.Drawdown * 100)} below its " +
              $"{peak} of {Say.Price(p.Peak)} ({Say.Date(p.PeakDate)}, {r.DaysSincePeak} days earlier).";
    }

    /// <summary>The walk over one series' whole history.</summary>
    private sealed record HistoryKey(string Id, DrawdownBasis Basis, DateOnly? Since) : SharedKey<DrawdownHistory>;
}
