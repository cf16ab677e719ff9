using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Measurements.AltSeason;
using Bellwether.Core.Measurements.Breakout;
using Bellwether.Core.Measurements.Correlation;
using Bellwether.Core.Measurements.CorrelationTrend;
using Bellwether.Core.Measurements.Divergence;
using Bellwether.Core.Measurements.Drawdown;
using Bellwether.Core.Measurements.EtfFlows;
using Bellwether.Core.Measurements.FedPath;
using Bellwether.Core.Measurements.FlowRotation;
using Bellwether.Core.Measurements.NetLiquidity;
using Bellwether.Core.Measurements.NoSource;
using Bellwether.Core.Measurements.RecordClose;
using Bellwether.Core.Measurements.Trendline;
using Bellwether.Core.Statistics.Resampling;

namespace Bellwether.Core.Streaming;

/// <summary>
/// The incremental state of one signal: it takes what arrived since its last day and is current again, without
/// rereading history. Its memory is bounded by the signal's window, not by the history's length
/// (docs/streaming.md lists each state's cost and memory).
/// </summary>
public interface ISignalState
{
    /// <summary>
    /// Consumes the rows of its inputs that arrived by the end of <paramref name="day"/> and not yet consumed, and
    /// returns the reading as of <paramref name="day"/>: equal to the kind's batch reading that day in value, label,
    /// since, window, inputs and fields (the explanation is left empty: <see cref="StreamingBoard.Board"/> reads it).
    /// </summary>
    SignalReading Advance(StreamMarketData data, DateOnly day);

    /// <summary>
    /// The first day this state must be closed on, and every day after it, for its reading on
    /// <paramref name="firstRead"/> to equal the batch's; the rows dated earlier may all arrive on that day at once.
    /// A state that follows rows, not days, needs no day before <paramref name="firstRead"/>.
    /// </summary>
    DateOnly WarmUpFrom(DateOnly firstRead) => firstRead;

    /// <summary>Adds the data this state reads, named by its parameters, to <paramref name="inputs"/>.</summary>
    void Declare(FeedInputs inputs);

    /// <summary>Writes the state (every field, fixed order) for a checkpoint or snapshot.</summary>
    void Write(BinaryWriter writer);

    /// <summary>Restores a state written by <see cref="Write"/> from the same kind and parameters.</summary>
    void Read(BinaryReader reader);
}

/// <summary>
/// The one place that maps a signal kind to its incremental state. A kind absent here is read in batch on the
/// stream's data each day (<see cref="StreamingBoard.BatchKinds"/> lists them).
/// </summary>
public static class IncrementalSignals
{
    /// <summary>A fresh state for <paramref name="spec"/> of <paramref name="kind"/>, or null when it has
    /// none.</summary>
    public static ISignalState? For(ISignalKind kind, SignalSpec spec) => kind switch
    {
        AltSeasonSignal k => new AltSeasonState(k.Options(spec)),
        BreakoutSignal k => Of(k, spec, p => new BreakoutTrackState(p)),
        CorrelationSignal k when k.Options(spec).Frequency == Frequency.Daily =>
            Of(k, spec, p => new CorrelationState(p)),
        CorrelationTrendSignal k when k.Options(spec).Frequency == Frequency.Daily =>
            Of(k, spec, p => new CorrelationTrendState(p)),
        DivergenceSignal k => Of(k, spec, p => new DivergenceState(p)),
        DrawdownSignal k => Of(k, spec, p => new DrawdownState(p)),
        FedPathSignal k => Of(k, spec, p => new FedPathState(p)),
        FlowRotationSignal k => new FlowRotationState(k.Options(spec)),
        NetLiquiditySignal k => Of(k, spec, p => new NetLiquidityState(p)),
        RecordCloseSignal k => Of(k, spec, p => new RecordCloseState(p)),
        TrendlineSignal k => Of(k, spec, p => new TrendlineState(p)),
        EtfFlowsSignal k => new FlowSumState(k.Options(spec)),
        NoSourceSignal k =>
            new ConstantState(k.Read(spec, new StreamMarketData([]).At(DateOnly.MinValue), DateOnly.MinValue)),
        _ => null,
    };

    private static MeasurementSignalState<TParameters, TResult> Of<TParameters, TResult>(
        MeasurementSignal<TParameters, TResult> signal, SignalSpec spec,
        Func<TParameters, IMeasurementState<TResult>> start)
        where TParameters : class
        where TResult : class
    {
        var parameters = signal.Options(spec);
        return new(signal, parameters, start(parameters));
    }
}
