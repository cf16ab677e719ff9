using Bellwether.Core.Board;
using Bellwether.Core.Structure.RecordCloses;

namespace Bellwether.Core.Signals.RecordClose;

/// <summary>
/// <c>record_close</c>: whether the latest monthly (or weekly) close is the highest ever (or within a window), read by
/// <see cref="PeriodCloses.AsOf"/> (through <see cref="PeriodCloseHistory"/>). Value: the latest period close against the best earlier one, in percent. Label:
/// <c>record</c> (a finished period above every earlier close), <c>provisional_record</c> (the period is still running:
/// its close so far is above every earlier one), <c>below_record</c>; since the first period of the current run of
/// records (or non-records).
/// </summary>
public sealed class RecordCloseSignal : SignalKind<RecordCloseSignalOptions>
{
    private static readonly SignalParameter Instrument = new("instrument", "RUT", "series id");
    private static readonly SignalParameter Period = new("period", "month", "month | week (ISO weeks)");
    private static readonly SignalParameter RecordYears = new("record_years", "", "a record beats the closes of this many years before it (empty: all history)");

    public override string Name => "record_close";
    public override string Description => "Whether the latest month-end (or week-end) close is a record: distance from the best earlier close (%)";
    public override IReadOnlyList<SignalParameter> Parameters { get; } = [Instrument, Period, RecordYears];
    public override IReadOnlyList<string> Labels { get; } = ["record", "provisional_record", "below_record"];
    public override IReadOnlyList<string> Fields { get; } = ["close", "prior_record", "provisional", "last_final_record", "periods_since_record"];

    protected override RecordCloseSignalOptions Parse(SignalSpec spec)
    {
        var period = spec.Choice(Period, "month", "week") == "week" ? ClosePeriod.Week : ClosePeriod.Month;
        int? years = spec.Text(RecordYears).Length == 0 ? null : spec.Integer(RecordYears);
        return new RecordCloseSignalOptions(spec.Text(Instrument), new RecordCloseParameters(period, years).Validate());
    }

    protected override SignalReading Read(RecordCloseSignalOptions o, IMarketData data, DateOnly asOf)
    {
        var inputs = new List<SignalInput>();
        if (Inputs.Series(data, o.Instrument, asOf, inputs) is not { } series) return Inputs.Missing(inputs, asOf);
        // Every period before the latest is final by the as-of date, so one build of the whole history serves every
        // date: the history rebuilds only the latest period from the bars on or before the date.
        var closes = data.Shared($"period-closes:{o.Instrument}:{Keys.Of(o.Closes)}", _ => new PeriodCloseHistory(series, o.Closes)).AsOf(asOf).Closes;
        string unit = o.Closes.Period == ClosePeriod.Month ? "month" : "week";
        if (closes.Count < 2)
            return SignalReading.NotMeasurable($"{series.Instrument.Id} has {closes.Count} {unit}ly close(s) as of {Say.Date(asOf)}; a record needs an earlier one", inputs);
        var latest = closes[^1];
        int run = closes.Count - 1;
        while (run > 1 && closes[run - 1].IsRecord == latest.IsRecord) run--;
        int lastRecord = closes.Count - 1;
        while (lastRecord >= 0 && !closes[lastRecord].IsRecord) lastRecord--;
        var lastFinal = closes.LastOrDefault(c => !c.Provisional);
        double distance = (latest.Close / latest.PriorRecord - 1) * 100;
        string label = !latest.IsRecord ? "below_record" : latest.Provisional ? "provisional_record" : "record";

        string period = o.Closes.Period == ClosePeriod.Month ? Say.Month(latest.PeriodStart) : $"week of {Say.Date(latest.PeriodStart)}";
        string closeText = $"{series.Instrument.Id}'s {period} close{(latest.Provisional ? " so far" : "")}, {Say.Price(latest.Close)} ({Say.Date(latest.Date)}{(latest.Provisional ? ", provisional" : "")})";
        string window = o.Closes.RecordYears is { } y ? $"in {y} years" : "ever";
        string best = $"{Say.Price(latest.PriorRecord)} ({Say.Date(latest.PriorRecordDate!.Value)})";
        string sentence = latest.IsRecord
            ? $"{closeText}, is the highest {unit}ly close {window}, {Say.Pct(distance)} above the best earlier one, {best}."
            : $"{closeText}, is {Say.Pct(distance)} below the highest {unit}ly close {window}, {best}.";
        var fields = new Dictionary<string, double>
        {
            ["close"] = latest.Close,
            ["prior_record"] = latest.PriorRecord,
            ["provisional"] = Say.Flag(latest.Provisional),
            ["last_final_record"] = Say.Flag(lastFinal?.IsRecord == true),
            ["periods_since_record"] = lastRecord < 0 ? double.NaN : closes.Count - 1 - lastRecord,
        };
        return new SignalReading(true, distance, label, closes[run].PeriodStart, sentence, closes[0].Date, latest.Date, inputs, fields, "%");
    }
}
