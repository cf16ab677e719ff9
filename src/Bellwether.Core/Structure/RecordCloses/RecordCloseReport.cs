namespace Bellwether.Core.Structure.RecordCloses;

/// <summary>Period closes as of a date, oldest first.</summary>
/// <param name="Period">Months or weeks.</param>
/// <param name="AsOf">The requested date.</param>
/// <param name="Closes">One entry per period with at least one finite close on or before the date.</param>
public sealed record RecordCloseReport(ClosePeriod Period, DateOnly AsOf, IReadOnlyList<PeriodClose> Closes)
{
    /// <summary>The highest period close so far (provisional included), or null when there is none.</summary>
    public PeriodClose? Highest => Closes.Count == 0 ? null : Closes.MaxBy(c => c.Close);
}
