using Bellwether.Core.Board;
using Bellwether.Core.Signals;
using Bellwether.Core.Structure.RecordCloses;

namespace Bellwether.Core.Measurements.RecordClose;

/// <summary>
/// The <see cref="RecordCloseMeasurement"/> as a signal: whether the latest monthly (or weekly) close is the highest
/// ever (or within a window). Value: the latest period close against the best earlier one, in percent. Label:
/// <c>record</c> (a finished period above every earlier close), <c>provisional_record</c> (the period is still running:
/// its close so far is above every earlier one), <c>below_record</c>; since the first period of the current run of
/// records (or non-records).
/// </summary>
public sealed class RecordCloseSignal()
    : MeasurementSignal<RecordCloseOf, RecordCloseReading>(new RecordCloseMeasurement())
{
    public override string Description =>
        "Whether the latest month-end (or week-end) close is a record: distance from the best earlier close (%)";
    public override IReadOnlyList<string> Labels { get; } = ["record", "provisional_record", "below_record"];
    public override IReadOnlyList<string> Fields { get; } = ["close", "prior_record", "provisional",
        "last_final_record", "periods_since_record"];

    protected override SignalReading Reading(RecordCloseOf o, RecordCloseReading r, IReadOnlyList<SignalInput> inputs,
        IMarketData data, bool explain)
    {
        var (id, closes) = (r.Id, r.Report.Closes);
        string unit = o.Closes.Period == ClosePeriod.Month ? "month" : "week";
        if (closes.Count < 2)
            return SignalReading.NotMeasurable(
                $"{id} has {closes.Count} {unit}ly close(s) as of {Say.Date(r.Report.AsOf)}; " +
                "a record needs an earlier one", inputs);
        var latest = closes[^1];
        int run = closes.Count - 1;
        while (run > 1 && closes[run - 1].IsRecord == latest.IsRecord) run--;
        int lastRecord = closes.Count - 1;
        while (lastRecord >= 0 && !closes[lastRecord].IsRecord) lastRecord--;
        var lastFinal = closes.LastOrDefault(c => !c.Provisional);
        double distance = (latest.Close / latest.PriorRecord - 1) * 100;
        string label = !latest.IsRecord ? "below_record" : latest.Provisional ? "provisional_record" : "record";
        var fields = new Dictionary<string, double>
        {
            ["close"] = latest.Close,
            ["prior_record"] = latest.PriorRecord,
            ["provisional"] = Say.Flag(latest.Provisional),
            ["last_final_record"] = Say.Flag(lastFinal?.IsRecord == true),
            ["periods_since_record"] = lastRecord < 0 ? double.NaN : closes.Count - 1 - lastRecord,
        };
        return new SignalReading(true, distance, label, closes[run].PeriodStart, explain ? Sentence() : "",
            closes[0].Date, latest.Date, inputs, fields, "%");

        string Sentence()
        {
            string period = o.Closes.Period == ClosePeriod.Month ? Say.Month(latest.PeriodStart)
                : $"week of {Say.Date(latest.PeriodStart)}";
            string closeText = $"{id}'s {period} close{(latest.Provisional ? " so far" : "")}, " +
                               $"{Say.Price(latest.Close)} ({Say.Date(latest.Date)}" +
                               $"{(latest.Provisional ? ", provisional" : "")})";
            string window = o.Closes.RecordYears is { } y ? $"in {y} years" : "ever";
            string best = $"{Say.Price(latest.PriorRecord)} ({Say.Date(latest.PriorRecordDate!.Value)})";
            return latest.IsRecord
                ? $"{closeText}, is the highest {unit}ly close {window}, {Say.Pct(distance)} above the best earlier " +
                  $"one, {best}."
                : $"{closeText}, is {Say.Pct(distance)} below the highest {unit}ly close {window}, {best}.";
        }
    }
}
