using Bellwether.Core.Board;

namespace Bellwether.Core.Streaming;

/// <summary>A signal that reads no data (<c>no_source</c>): the same reading every day. O(1), no memory.</summary>
internal sealed class ConstantState(SignalReading reading) : ISignalState
{
    public SignalReading Advance(StreamMarketData data, DateOnly day) => reading;

    public void Declare(FeedInputs inputs) { }

    public void Write(BinaryWriter writer) { }

    public void Read(BinaryReader reader) { }
}
