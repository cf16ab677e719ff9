using Bellwether.Core.Board;
using Bellwether.Core.Statistics.Drawdown;

namespace Bellwether.Core.Signals.Drawdown;

/// <summary>
/// <c>drawdown</c>: how far below its running peak an instrument closed, read by <see cref="Drawdowns.AsOf"/> (through <see cref="Drawdowns.History"/>). Value:
/// the drawdown in percent (−30.7 = 30.7% below the peak). Label: <c>at_peak</c> or <c>below_peak</c>, since the peak.
/// </summary>
public sealed class DrawdownSignal : SignalKind<DrawdownSignalOptions>
{
    private static readonly SignalParameter Instrument = new("instrument", "BTC", "series id");
    private static readonly SignalParameter By = new("by", "close", "the peak is the highest close or the highest intraday high: close | high");
    private static readonly SignalParameter Since = new("since", "", "start the running peak on this date, yyyy-MM-dd (empty: the first row)");

    public override string Name => "drawdown";
    public override string Description => "Drawdown from the running peak (%), with the peak, its date and the deepest fall";
    public override IReadOnlyList<SignalParameter> Parameters { get; } = [Instrument, By, Since];
    public override IReadOnlyList<string> Labels { get; } = ["at_peak", "below_peak"];
    public override IReadOnlyList<string> Fields { get; } = ["peak", "close", "days_since_peak", "max_drawdown"];

    protected override DrawdownSignalOptions Parse(SignalSpec spec) =>
        new(spec.Text(Instrument), spec.Choice(By, "close", "high") == "high" ? DrawdownBasis.High : DrawdownBasis.Close, spec.Date(Since));

    protected override SignalReading Read(DrawdownSignalOptions o, IMarketData data, DateOnly asOf)
    {
        var inputs = new List<SignalInput>();
        if (Inputs.Series(data, o.Instrument, asOf, inputs) is not { } series) return Inputs.Missing(inputs, asOf);
        // The walk is causal, so one walk over the whole history serves every date (a look-up per date).
        var history = data.Shared($"drawdown:{o.Instrument}:{o.Basis}:{o.Since}", _ => Drawdowns.History(series, o.Basis, o.Since));
        if (history.AsOf(asOf) is not { } r)
            return SignalReading.NotMeasurable($"{series.Instrument.Id} has no close from {Say.Date(o.Since ?? series.Dates[0])} to {Say.Date(asOf)}", inputs);
        var p = r.Latest;
        string peak = o.Basis == DrawdownBasis.High ? "peak high" : "peak close";
        string sentence = p.Drawdown == 0
            ? $"{r.Id} closed at a new peak, {Say.Price(p.Close)}, on {Say.Date(p.Date)}."
            : $"{r.Id} closed {Say.Price(p.Close)} on {Say.Date(p.Date)}, {Say.Pct(p.Drawdown * 100)} below its {peak} of {Say.Price(p.Peak)} ({Say.Date(p.PeakDate)}, {r.DaysSincePeak} days earlier).";
        var fields = new Dictionary<string, double>
        {
            ["peak"] = p.Peak,
            ["close"] = p.Close,
            ["days_since_peak"] = r.DaysSincePeak,
            ["max_drawdown"] = r.MaxDrawdown * 100,
        };
        return new SignalReading(true, p.Drawdown * 100, p.Drawdown == 0 ? "at_peak" : "below_peak", p.PeakDate, sentence, r.From, p.Date, inputs, fields, "%");
    }
}
