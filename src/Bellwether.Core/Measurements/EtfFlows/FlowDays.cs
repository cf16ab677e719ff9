using Bellwether.Core.Board;
using Bellwether.Core.Flows;
using Bellwether.Core.Signals;
using Bellwether.Core.Statistics.EtfFlows;

namespace Bellwether.Core.Measurements.EtfFlows;

/// <summary>The flow days of a table as of a date, from one build of its whole history.</summary>
internal static class FlowDays
{
    /// <summary>
    /// <see cref="EtfFlowStatistics.Build"/> of the whole table, computed once per data set, with its days cut at
    /// <paramref name="asOf"/>. A flow day's total, sums, cumulative flow and streak read only rows up to that day (a
    /// fund not launched by then counts as not launched either way), so these days equal the build as of the date.
    /// Only <see cref="EtfFlowHistory.Days"/> is cut: the kinds read nothing else.
    /// </summary>
    public static EtfFlowHistory AsOf(IMarketData data, FlowTable table, DateOnly asOf, FlowParameters parameters)
    {
        var id = table.Instrument.Id;
        var whole = data.SharedHistory(new HistoryKey(id, parameters), [id],
            d => EtfFlowStatistics.Build(d.Flows(id)!, null, parameters));
        // Days after the table's last published day are not known yet, whatever the history was built from.
        if (table.Count == 0) return whole with { Days = [] };
        if (table.Dates[^1] < asOf) asOf = table.Dates[^1];
        int lo = 0, hi = whole.Days.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (whole.Days[mid].Date <= asOf) lo = mid + 1; else hi = mid;
        }
        return lo == whole.Days.Count ? whole : whole with { Days = whole.Days.Take(lo).ToList() };
    }

    /// <summary>The statistics of one table's whole history.</summary>
    private sealed record HistoryKey(string Table, FlowParameters Parameters) : SharedKey<EtfFlowHistory>;
}
