namespace Bellwether.Core.Statistics.Alignment;

/// <summary>
/// Return (or level) columns of several instruments over the same periods, ready for a statistic. Row <c>i</c> is the
/// return from the previous joined observation to <see cref="Dates"/>[i], identical in span for every column.
/// </summary>
/// <param name="Ids">Instrument ids, one per column.</param>
/// <param name="Dates">The date (or period key) each row ends on, strictly increasing.</param>
/// <param name="Columns"><c>Columns[k][i]</c>: instrument <c>k</c> on row <c>i</c>; never NaN.</param>
/// <param name="Start">The first joined observation used: the base of the first return (the first level for levels),
/// or null when nothing was joined.</param>
/// <param name="Options">The options that produced the rows.</param>
/// <param name="PartialLastPeriod">The last weekly or monthly period ends after the data does (for example a week
/// read on its Wednesday): its "close" is the latest close so far, not a period close.</param>
/// <param name="DroppedRows">Rows left out because a return was undefined (a non-positive price): reported, never
/// filled.</param>
public sealed record AlignedReturns(
    string[] Ids, DateOnly[] Dates, double[][] Columns, DateOnly? Start, AlignmentOptions Options,
    bool PartialLastPeriod, int DroppedRows)
{
    /// <summary>Number of rows.</summary>
    public int Count => Dates.Length;

    /// <summary>The rows are price levels, not returns: statistics on them are inflated by common trends.</summary>
    public bool NonStationary => Returns.PeriodReturns.IsNonStationary(Options.Kind);
}
