using Bellwether.Core.Measurements;
using Bellwether.Core.Series;

namespace Bellwether.Core.Statistics.Drawdown;

/// <summary>
/// A series' drawdown walk kept whole (<see cref="Drawdowns.History"/>): the reading as of any date in O(log n),
/// equal to <see cref="Drawdowns.AsOf"/> on that date.
/// </summary>
public sealed class DrawdownHistory
{
    private readonly DailySeries _series;
    private readonly DrawdownBasis _basis;
    private readonly int _start;
    private readonly DrawdownPoint[] _points;
    private readonly RowTally[] _tallies;
    private readonly int[] _troughs;
    private readonly (int Row, string Message)? _bad;

    internal DrawdownHistory(DailySeries series, DrawdownBasis basis, int start, DrawdownPoint[] points,
        RowTally[] tallies, int[] troughs, (int Row, string Message)? bad) =>
        (_series, _basis, _start, _points, _tallies, _troughs, _bad) = (series, basis, start, points, tallies, troughs,
            bad);

    /// <summary>The reading as of <paramref name="asOf"/>; null when the period has no close by then.</summary>
    /// <exception cref="NotMeasurableException">A row on or before <paramref name="asOf"/> is not a price (as
    /// <see cref="Drawdowns.AsOf"/>).</exception>
    public DrawdownReading? AsOf(DateOnly asOf)
    {
        int end = _series.IndexOnOrBefore(asOf) + 1;
        if (_bad is { } bad && bad.Row < end) throw new NotMeasurableException(bad.Message);
        if (end <= _start) return null;
        var tally = _tallies[end - 1 - _start];
        return tally.Points == 0 ? null
            : Drawdowns.Reading(_series, _basis, asOf, _points, tally.Points, _troughs[tally.Points - 1], tally.Missing,
                tally.HighsFromClose);
    }
}
