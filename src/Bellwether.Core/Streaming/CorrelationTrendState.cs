using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Measurements.CorrelationTrend;

namespace Bellwether.Core.Streaming;

/// <summary>
/// <c>correlation_trend</c> of daily rows incrementally: the joined closes of the last
/// <see cref="CorrelationTrendMeasurement.HistoryDays"/> days (<see cref="JoinedCloses"/>). The batch reads that window
/// afresh each day (its rolling correlation, breakdown episodes and trends start at the window's first row), so the
/// state does the same on the rows it keeps: O(1) amortised per bar, O(W) per day for W ≈ 250 joined days; memory O(W).
/// </summary>
internal sealed class CorrelationTrendState(CorrelationTrendOf options) : IMeasurementState<CorrelationTrendReading>
{
    private readonly JoinedCloses _closes = new(options.A, options.B, options.Kind);

    public Measured<CorrelationTrendReading> Advance(StreamMarketData data, DateOnly day)
    {
        var inputs = new List<SignalInput>(2);
        if (!_closes.Advance(data, day, inputs)) return Measured.Missing<CorrelationTrendReading>(inputs, day);
        var from = day.AddDays(-CorrelationTrendMeasurement.HistoryDays);
        return CorrelationTrendMeasurement.Of(options, _closes.Window(from, day), inputs, day);
    }

    public void Declare(FeedInputs inputs) => _closes.Declare(inputs);

    public void Write(BinaryWriter w) => _closes.Write(w);

    public void Read(BinaryReader r) => _closes.Read(r);
}
