using Bellwether.Core.Board;
using Bellwether.Core.Signals;
using Bellwether.Core.Structure.RecordCloses;

namespace Bellwether.Core.Measurements.RecordClose;

/// <summary>
/// <c>record_close</c>: the month-end (or week-end) closes of an instrument with each one's prior record, as of a
/// date (<see cref="PeriodCloses.AsOf"/>, through <see cref="PeriodCloseHistory"/>); the latest period is provisional
/// while it still has sessions after the date.
/// </summary>
public sealed class RecordCloseMeasurement : Measurement<RecordCloseOf, RecordCloseReading>
{
    public static readonly MeasurementParameter Instrument = new("instrument", "RUT", "series id")
    {
        Aliases = ["instruments"],
    };

    public static readonly MeasurementParameter Period = new("period", "month", "month | week (ISO weeks)");

    public static readonly MeasurementParameter RecordYears = new("record_years", "",
        "a record beats the closes of this many years before it (empty: all history)");

    public override string Name => "record_close";
    public override IReadOnlyList<MeasurementParameter> Parameters { get; } = [Instrument, Period, RecordYears];

    public override RecordCloseOf Parse(IParameterValues values) =>
        values.Build(() => new RecordCloseOf(values.Text(Instrument), Closes(values)));

    /// <summary>The period and record window the values name.</summary>
    /// <exception cref="Board.ThesisException">A value is not valid.</exception>
    public static RecordCloseParameters Closes(IParameterValues values)
    {
        var period = values.Choice(Period, "month", "week") == "week" ? ClosePeriod.Week : ClosePeriod.Month;
        int? years = values.Text(RecordYears).Length == 0 ? null : values.Integer(RecordYears);
        return values.Build(() => new RecordCloseParameters(period, years));
    }

    /// <summary>The period closes of one series' whole history.</summary>
    private sealed record HistoryKey(string Instrument, RecordCloseParameters Closes) : SharedKey<PeriodCloseHistory>;

    public override Measured<RecordCloseReading> Measure(RecordCloseOf parameters, IMarketData data, DateOnly asOf)
    {
        var inputs = new List<SignalInput>();
        if (Inputs.Series(data, parameters.Instrument, asOf, inputs) is not { } series)
            return Measured.Missing<RecordCloseReading>(inputs, asOf);
        // Every period before the latest is final by the as-of date, so one build of the whole history serves every
        // date: the history rebuilds only the latest period from the bars on or before the date.
        var history = data.Shared(new HistoryKey(parameters.Instrument, parameters.Closes),
            _ => new PeriodCloseHistory(series, parameters.Closes));
        return Measured.Of(new RecordCloseReading(series.Instrument.Id, history.AsOf(asOf)), inputs);
    }
}

/// <summary>The period closes of a series as of a date.</summary>
/// <param name="Id">The series' id as stored.</param>
/// <param name="Report">Its period closes, the latest provisional while the period runs.</param>
public sealed record RecordCloseReading(string Id, RecordCloseReport Report);
