using Bellwether.Core.Series;

namespace Bellwether.Core.Structure.RecordCloses;

/// <summary>
/// The period closes of a whole series computed once (<see cref="PeriodCloses.AsOf"/> on its last row), then read as
/// of any date in O(log n) plus a copy of the period list: <see cref="AsOf"/> equals <see cref="PeriodCloses.AsOf"/> on
/// that date. Every period before the date's latest one is final by then and judged against earlier periods only, so it
/// is the same in both; the latest period is rebuilt from the last finite bar on or before the date (its close so far,
/// the same prior record, provisional while its calendar has sessions after the date).
/// </summary>
public sealed class PeriodCloseHistory
{
    private readonly DailySeries _series;
    private readonly RecordCloseParameters _parameters;
    private readonly PeriodClose[] _whole;
    /// <summary>For each row: the last row on or before it with a finite close, or -1.</summary>
    private readonly int[] _lastFinite;
    /// <summary>For each row with a finite close: the index of its period in <see cref="_whole"/>.</summary>
    private readonly int[] _period;

    public PeriodCloseHistory(DailySeries series, RecordCloseParameters parameters)
    {
        _series = series;
        _parameters = parameters;
        _whole = series.Count == 0 ? [] : [.. PeriodCloses.AsOf(series, series.Dates[^1], parameters).Closes];
        _lastFinite = new int[series.Count];
        _period = new int[series.Count];
        int finite = -1, k = 0;
        for (int i = 0; i < series.Count; i++)
        {
            if (!double.IsNaN(series.Close[i]))
            {
                // A period's entry is dated its last finite bar, so a bar belongs to the first period dated on or after
                // it.
                while (_whole[k].Date < series.Dates[i]) k++;
                finite = i;
                _period[i] = k;
            }
            _lastFinite[i] = finite;
        }
    }

    /// <summary>The period closes as of <paramref name="asOf"/>: the same as <see cref="PeriodCloses.AsOf"/> on the
    /// series.</summary>
    public RecordCloseReport AsOf(DateOnly asOf)
    {
        int last = _series.IndexOnOrBefore(asOf);
        int f = last < 0 ? -1 : _lastFinite[last];
        if (f < 0) return new RecordCloseReport(_parameters.Period, asOf, []);
        int k = _period[f];
        var final = _whole[k];
        double close = _series.Close[f];
        var latest = final with
        {
            Date = _series.Dates[f],
            Close = close,
            Provisional = final.LastSession is { } s && s > asOf,
            IsRecord = final.PriorRecordDate is not null && close > final.PriorRecord,
        };
        var closes = new PeriodClose[k + 1];
        Array.Copy(_whole, closes, k);
        closes[k] = latest;
        return new RecordCloseReport(_parameters.Period, asOf, closes);
    }
}
