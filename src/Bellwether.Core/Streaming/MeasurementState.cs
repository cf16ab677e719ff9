using Bellwether.Core.Board;
using Bellwether.Core.Measurements;

namespace Bellwether.Core.Streaming;

/// <summary>
/// The incremental state of a measurement: its result as of the latest day, from the rows that arrived since the last
/// one. <see cref="MeasurementSignalState{TParameters, TResult}"/> turns it into the signal's reading as the batch
/// signal does, but without building the explanation (<see cref="StreamingBoard.Board"/> reads it).
/// </summary>
/// <typeparam name="TResult">The measurement's result.</typeparam>
internal interface IMeasurementState<TResult> where TResult : class
{
    /// <summary>Consumes the rows that arrived by the end of <paramref name="day"/> and measures as of it.</summary>
    Measured<TResult> Advance(StreamMarketData data, DateOnly day);

    /// <summary><see cref="ISignalState.Declare"/>.</summary>
    void Declare(FeedInputs inputs);

    void Write(BinaryWriter writer);

    void Read(BinaryReader reader);
}

/// <summary>A measurement's incremental state read through its signal kind.</summary>
internal sealed class MeasurementSignalState<TParameters, TResult>(
    MeasurementSignal<TParameters, TResult> signal, TParameters parameters, IMeasurementState<TResult> state)
    : ISignalState
    where TParameters : class
    where TResult : class
{
    public SignalReading Advance(StreamMarketData data, DateOnly day) =>
        signal.ReadingOf(parameters, state.Advance(data, day), data.At(day), explain: false);

    public void Declare(FeedInputs inputs) => state.Declare(inputs);

    public void Write(BinaryWriter writer) => state.Write(writer);

    public void Read(BinaryReader reader) => state.Read(reader);
}
