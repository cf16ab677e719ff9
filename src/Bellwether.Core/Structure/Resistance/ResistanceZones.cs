using Bellwether.Core.Series;
using Bellwether.Core.Structure.Pivots;

namespace Bellwether.Core.Structure.Resistance;

/// <summary>Zones of clustered pivot highs as of a date.</summary>
public static class ResistanceZones
{
    /// <summary>
    /// Pivot highs confirmed by the last bar on or before <paramref name="asOf"/> and dated within the lookback, sorted
    /// by price and grouped greedily from the lowest: a pivot joins the open cluster while it is at most the cluster's
    /// lowest × (1 + tolerance). Clusters with at least <c>MinTouches</c> pivots are returned, highest first; none when
    /// no bar is on or before the date.
    /// </summary>
    public static List<ResistanceZone> AsOf(DailySeries series, DateOnly asOf, ZoneParameters parameters)
    {
        int last = series.IndexOnOrBefore(asOf);
        if (last < 0) return [];
        var from = asOf.AddYears(-parameters.LookbackYears);
        var pivots = SwingPivots.Find(series, PivotKind.High, parameters.PivotSizes, last)
            .Where(p => p.Date >= from)
            .OrderBy(p => p.Value).ThenBy(p => p.Index)
            .ToList();
        var zones = new List<ResistanceZone>();
        int startOfCluster = 0;
        for (int k = 1; k <= pivots.Count; k++)
        {
            if (k < pivots.Count && pivots[k].Value <= pivots[startOfCluster].Value
                * (1 + parameters.Tolerance)) continue;
            var cluster = pivots.GetRange(startOfCluster, k - startOfCluster);
            if (cluster.Count >= parameters.MinTouches)
            {
                // The cluster is ordered by value, then row: the first pivot at the top value is the earliest.
                var top = cluster.First(p => p.Value == cluster[^1].Value);
                var lastTouch = cluster.MaxBy(p => p.Index)!;
                zones.Add(new ResistanceZone(top.Value, cluster[0].Value, top.Date, cluster.Count,
                    cluster.Min(p => p.Date), lastTouch.Date, lastTouch.Index));
            }
            startOfCluster = k;
        }
        zones.Sort((a, b) => b.Price.CompareTo(a.Price));
        return zones;
    }
}
