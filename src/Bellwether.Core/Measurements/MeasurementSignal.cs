using Bellwether.Core.Board;
using Bellwether.Core.Charts;

namespace Bellwether.Core.Measurements;

/// <summary>
/// A signal kind that reads a <see cref="Measurement{TParameters, TResult}"/>: the measurement's name, aliases and
/// parameters, and a reading for the thesis's rules made from its result. The thesis's <c>params:</c> are the
/// measurement's parameters, parsed once per signal.
/// </summary>
/// <typeparam name="TParameters">The measurement's parameters.</typeparam>
/// <typeparam name="TResult">The measurement's result.</typeparam>
public abstract class MeasurementSignal<TParameters, TResult>(Measurement<TParameters, TResult> measurement)
    : SignalKind<TParameters>, IMeasurementSignal
    where TParameters : class
    where TResult : class
{
    /// <summary>The measurement this signal reads.</summary>
    public Measurement<TParameters, TResult> Measurement { get; } = measurement;

    IMeasurement IMeasurementSignal.Measurement => Measurement;

    object IMeasurementSignal.ParametersOf(SignalSpec spec) => Options(spec);

    public Chart? Chart(SignalSpec spec, ChartContext context) => Measurement.Chart(Options(spec), context);

    public override string Name => Measurement.Name;
    public override IReadOnlyList<string> Aliases => Measurement.Aliases;
    public override IReadOnlyList<MeasurementParameter> Parameters => Measurement.Parameters;

    protected override TParameters Parse(SignalSpec spec) => Measurement.Parse(spec);

    protected override SignalReading Read(TParameters options, IMarketData data, DateOnly asOf) =>
        ReadingOf(options, Measurement.Measure(options, data, asOf), data, explain: true);

    /// <summary>The reading of a measurement taken elsewhere (a stream's incremental state), as <see cref="Read"/>
    /// makes it.</summary>
    /// <param name="explain">False leaves a measurable reading's explanation empty, unbuilt (a stream's closed days
    /// keep value, label, since, window, inputs and fields only); a reading that is not measurable still says
    /// why.</param>
    public SignalReading ReadingOf(TParameters parameters, Measured<TResult> measured, IMarketData data,
        bool explain) =>
        measured.Result is { } result
            ? Reading(parameters, result, measured.Inputs, data, explain) : measured.NotMeasurableReading();

    /// <summary>
    /// The reading of a <paramref name="result"/>: its headline value in the unit the thesis's rules test, its label,
    /// explanation (only when <paramref name="explain"/>; else empty) and fields. <paramref name="data"/> is the data
    /// measured, for a label's history (its "since").
    /// </summary>
    protected abstract SignalReading Reading(TParameters parameters, TResult result, IReadOnlyList<SignalInput> inputs,
        IMarketData data, bool explain);
}

/// <summary>A signal kind that reads a measurement, seen without its types (the report's charts).</summary>
public interface IMeasurementSignal : ISignalKind
{
    /// <summary>The measurement the kind reads.</summary>
    IMeasurement Measurement { get; }

    /// <summary>The parsed parameters of <paramref name="spec"/> (the measurement's parameter record).</summary>
    /// <exception cref="ThesisException">A parameter is not valid.</exception>
    object ParametersOf(SignalSpec spec);

    /// <summary>The measurement's chart with the parameters of <paramref name="spec"/>, or null (see
    /// <see cref="Measurement{TParameters, TResult}.Chart"/>).</summary>
    Chart? Chart(SignalSpec spec, ChartContext context);
}
