namespace Bellwether.Core.Releases;

/// <summary>
/// Every stored vintage of one series: observation <c>Dates[i]</c> had value <c>Values[i]</c> from <c>Starts[i]</c>
/// (FRED's <c>realtime_start</c>) until the next vintage of the same observation. Ordered by date, then start.
/// </summary>
public sealed record SeriesVintages(string Id, DateOnly[] Dates, DateOnly[] Starts, double[] Values)
{
    /// <summary>Number of vintages.</summary>
    public int Count => Dates.Length;

    /// <summary>The first day of the record: observations present then were published before it began.</summary>
    public DateOnly RecordStart => Starts.Min();
}
