using Bellwether.Core.Board;
using Bellwether.Core.Signals;
using Bellwether.Core.Signals.CorrelationTrend;

namespace Bellwether.Core.Streaming;

/// <summary>
/// <c>correlation_trend</c> of daily rows incrementally: the joined closes of the last
/// <see cref="CorrelationTrendSignal.HistoryDays"/> days (<see cref="JoinedCloses"/>). The batch reads that window
/// afresh each day (its rolling correlation, breakdown episodes and labels start at the window's first row), so the
/// state does the same on the rows it keeps: O(1) amortised per bar, O(W) per day for W ≈ 250 joined days; memory O(W).
/// </summary>
internal sealed class CorrelationTrendState(CorrelationTrendSignalOptions options) : ISignalState
{
    private readonly JoinedCloses _closes = new(options.A, options.B, options.Kind);

    public SignalReading Advance(StreamMarketData data, DateOnly day)
    {
        var inputs = new List<SignalInput>(2);
        if (!_closes.Advance(data, day, inputs))
            return SignalReading.NotMeasurable(
                $"no data for {string.Join(", ", inputs.Where(i => i.LastDate is null).Select(i => i.Id))} on or before " +
                $"{Say.Date(day)}", inputs);
        var from = day.AddDays(-CorrelationTrendSignal.HistoryDays);
        return CorrelationTrendSignal.Reading(options, _closes.Window(from, day), inputs, day);
    }

    public void Write(BinaryWriter w) => _closes.Write(w);

    public void Read(BinaryReader r) => _closes.Read(r);
}
