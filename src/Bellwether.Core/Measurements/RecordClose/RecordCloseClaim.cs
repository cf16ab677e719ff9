using Bellwether.Core.Board;
using Bellwether.Core.Calendars;
using Bellwether.Core.Claims;
using Bellwether.Core.Series;
using Bellwether.Core.Structure.RecordCloses;
using static Bellwether.Core.Claims.ReadingText;

namespace Bellwether.Core.Measurements.RecordClose;

/// <summary>
/// "X hit its strongest monthly close in December 2025": is the close of the month (or ISO week) holding
/// <c>period_date</c> above every earlier period close (<see cref="RecordCloseMeasurement"/>)? Per instrument, two
/// readings when the period is still running on the claim date: its provisional close as of the claim date (point in
/// time), and its final close, which needs data after the claim date and says so. Value: the close against the prior
/// record (0.01 = 1% above); state <c>record</c> or <c>not_record</c>.
/// </summary>
public sealed class RecordCloseClaim : IClaimKind
{
    private static readonly MeasurementParameter PeriodDate = new("period_date", "",
        "a date in the period the claim names, yyyy-MM-dd (default: the claim date)");

    private readonly RecordCloseMeasurement _measurement = new();

    public string Name => _measurement.Name;

    public IReadOnlyList<string> Aliases => _measurement.Aliases;

    public string Description =>
        "Record monthly (or weekly) close: provisional as of the claim date, and on the final close";

    public IReadOnlyList<MeasurementParameter> Parameters { get; } =
        [RecordCloseMeasurement.Instrument, RecordCloseMeasurement.Period, PeriodDate,
            RecordCloseMeasurement.RecordYears];

    public void Validate(ClaimDefinition claim) => _ = Options(claim);

    private static (string[] Ids, RecordCloseParameters Parameters, DateOnly PeriodDate) Options(ClaimDefinition c)
    {
        var ids = c.Words(RecordCloseMeasurement.Instrument with { Default = "" });
        if (ids.Length == 0) throw c.Problem("parameter 'instrument' is required");
        return (ids, RecordCloseMeasurement.Closes(c), c.Date(PeriodDate) ?? c.Date);
    }

    public IReadOnlyList<ClaimReading> Read(ClaimDefinition claim, ClaimData data)
    {
        var (ids, parameters, periodDate) = Options(claim);
        string periodWord = parameters.Period == ClosePeriod.Month ? "month" : "week";
        string against = parameters.RecordYears is { } y ? $"every {periodWord} close of the {y} years before"
            : $"every earlier {periodWord} close";
        var readings = new List<ClaimReading>();
        foreach (var id in ids)
        {
            var known = data.AsOfClaim.Series(id);
            var all = data.All.Series(id);
            string provisionalLabel = $"{id} {periodWord} close as of the claim date",
                finalLabel = $"{id} final {periodWord} close";
            string provisionalDefinition =
                $"The close of the {periodWord} holding {Day(periodDate)} so far (last close on or before " +
                $"{Day(data.ClaimDate)}) against {against}";
            string finalDefinition =
                $"The close of the {periodWord} holding {Day(periodDate)} on its last session, against {against}";
            if (known is null || all is null || all.Count == 0)
            {
                readings.Add(ClaimReading.NotMeasurable(finalLabel, finalDefinition, "fraction",
                    $"no series '{id}' in the data", data.Provenance([id])));
                continue;
            }
            var calendar = TradingCalendar.For(all.Instrument.Calendar, all.Dates[0]);
            var lastSession = parameters.Period == ClosePeriod.Month ? calendar.LastSessionOfMonth(periodDate)
                : calendar.LastSessionOfWeek(periodDate);
            if (lastSession is not { } end)
            {
                readings.Add(ClaimReading.NotMeasurable(finalLabel, finalDefinition, "fraction",
                    $"the {periodWord} holding {Day(periodDate)} has no session", data.Provenance([id])));
                continue;
            }
            if (end > data.ClaimDate && periodDate <= data.ClaimDate)
                readings.Add(Reading(data, data.AsOfClaim, id, data.ClaimDate, periodDate, parameters, provisionalLabel,
                    provisionalDefinition));
            readings.Add(Reading(data, data.All, id, end, periodDate, parameters,
                end > data.ClaimDate ? finalLabel : $"{id} {periodWord} close (ended by the claim date)",
                finalDefinition));
        }
        return readings;
    }

    private ClaimReading Reading(ClaimData data, IMarketData source, string id, DateOnly asOf, DateOnly periodDate,
        RecordCloseParameters parameters, string label, string definition)
    {
        var measured = _measurement.Measure(new RecordCloseOf(id, parameters), source, asOf);
        if (measured.Result is not { } result)
            return ClaimReading.NotMeasurable(label, definition, "fraction", measured.Why!, data.Provenance([id]));
        var (series, report) = (source.Series(id)!, result.Report);
        var start = parameters.Period == ClosePeriod.Month ? PeriodEnds.MonthStart(periodDate)
            : PeriodEnds.WeekStart(periodDate);
        var close = report.Closes.LastOrDefault(c => c.PeriodStart == start);
        if (close is null || (asOf > data.ClaimDate && close.Date < asOf))
        {
            string why = close is null
                ? $"{series.Instrument.Id} has no close in the period holding {Day(periodDate)} on or before " +
                $"{Day(asOf)}"
                : $"{series.Instrument.Id}'s data ends on {Day(close.Date)}, before the period's last session " +
                $"{Day(asOf)}: its final close is not in the data yet";
            return ClaimReading.NotMeasurable(label, definition, "fraction", why,
                data.Provenance([series], start, asOf, asOf));
        }
        if (close.PriorRecordDate is null)
            return ClaimReading.NotMeasurable(label, definition, "fraction", "no earlier period to compare with",
                data.Provenance([series], start, close.Date, asOf));
        return new ClaimReading(label, definition, true, close.Close / close.PriorRecord - 1, "fraction", close.IsRecord
            ? "record" : "not_record",
            "record: the period's close strictly above every earlier period close in the window",
            $"close {Number(close.Close)} on {Day(close.Date)}" +
            $"{(close.Provisional ? " (provisional: the period was still running)" : "")}; prior record " +
            $"{Number(close.PriorRecord)} on {Day(close.PriorRecordDate.Value)}",
            data.Provenance([series], report.Closes[0].Date, close.Date, asOf),
            Figures(("close", close.Close), ("prior_record", close.PriorRecord),
                ("provisional", close.Provisional ? 1 : 0)),
            Dates(("close_date", close.Date), ("prior_record_date", close.PriorRecordDate),
                ("period_last_session", close.LastSession)));
    }
}
