using Bellwether.Core.Board;

namespace Bellwether.Core.Measurements;

/// <summary>
/// A signal kind that reads a <see cref="Measurement{TParameters, TResult}"/>: the measurement's name, aliases and
/// parameters, and a reading for the thesis's rules made from its result. The thesis's <c>params:</c> are the
/// measurement's parameters, parsed once per signal.
/// </summary>
/// <typeparam name="TParameters">The measurement's parameters.</typeparam>
/// <typeparam name="TResult">The measurement's result.</typeparam>
public abstract class MeasurementSignal<TParameters, TResult>(Measurement<TParameters, TResult> measurement)
    : SignalKind<TParameters>
    where TParameters : class
    where TResult : class
{
    /// <summary>The measurement this signal reads.</summary>
    public Measurement<TParameters, TResult> Measurement { get; } = measurement;

    public override string Name => Measurement.Name;
    public override IReadOnlyList<string> Aliases => Measurement.Aliases;
    public override IReadOnlyList<MeasurementParameter> Parameters => Measurement.Parameters;

    protected override TParameters Parse(SignalSpec spec) => Measurement.Parse(spec);

    protected override SignalReading Read(TParameters options, IMarketData data, DateOnly asOf) =>
        ReadingOf(options, Measurement.Measure(options, data, asOf), data);

    /// <summary>The reading of a measurement taken elsewhere (a stream's incremental state), as <see cref="Read"/>
    /// makes it.</summary>
    public SignalReading ReadingOf(TParameters parameters, Measured<TResult> measured, IMarketData data) =>
        measured.Result is { } result
            ? Reading(parameters, result, measured.Inputs, data) : measured.NotMeasurableReading();

    /// <summary>
    /// The reading of a <paramref name="result"/>: its headline value in the unit the thesis's rules test, its label,
    /// explanation and fields. <paramref name="data"/> is the data measured, for a label's history (its "since").
    /// </summary>
    protected abstract SignalReading Reading(TParameters parameters, TResult result, IReadOnlyList<SignalInput> inputs,
        IMarketData data);
}
