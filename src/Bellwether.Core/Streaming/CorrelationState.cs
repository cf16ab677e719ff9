using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Measurements.Correlation;
using Bellwether.Core.Signals;
using Bellwether.Core.Statistics;
using Bellwether.Core.Statistics.Correlation;

namespace Bellwether.Core.Streaming;

/// <summary>
/// <c>correlation</c> of daily rows incrementally: the joined closes of the window (<see cref="JoinedCloses"/>, the
/// oldest leaving as the window moves). Each day takes the window's returns and Pearson's r by the batch's two-pass
/// co-moments, so r, its interval and p-value are the batch's to the last bit: O(1) amortised per bar, O(W) per day
/// for W joined days in the window (about 250 for a year of an equity against a coin); memory O(W).
/// (<see cref="RollingCorrelation"/> makes the day O(1), as the synthetic benchmark uses it, but its running co-moments
/// differ from the two-pass in the last bits.)
/// </summary>
internal sealed class CorrelationState(CorrelationParameters parameters) : IMeasurementState<CorrelationReading>
{
    private readonly JoinedCloses _closes = new(parameters.A, parameters.B, parameters.Kind);

    public Measured<CorrelationReading> Advance(StreamMarketData data, DateOnly day)
    {
        var inputs = new List<SignalInput>(2);
        if (!_closes.Advance(data, day, inputs)) return Measured.Missing<CorrelationReading>(inputs, day);
        var from = parameters.Since ?? day.AddDays(1 - parameters.WindowDays);
        if (from > day)
            return Measured.NotMeasurable<CorrelationReading>(
                $"the window starts {Say.Date(from)}, after {Say.Date(day)}", inputs);
        var rows = _closes.Window(from, day);
        int n = rows.Count;
        double r = Correlations.Pearson(rows.Columns[0], rows.Columns[1]);
        var (low, high) = Correlations.FisherInterval(r, n);
        if (double.IsNaN(r) || double.IsNaN(low))
            return Measured.NotMeasurable<CorrelationReading>(
                $"{CorrelationMeasurement.Describe(parameters)} from {Say.Date(from)} to {Say.Date(day)}: " +
                $"{n} pair(s), too few (4 needed) or a constant side", inputs);
        return Measured.Of(new CorrelationReading(from, rows, r, low, high, Distributions.CorrelationTwoSided(r, n)),
            inputs);
    }

    public void Declare(FeedInputs inputs) => _closes.Declare(inputs);

    public void Write(BinaryWriter w) => _closes.Write(w);

    public void Read(BinaryReader r) => _closes.Read(r);
}
