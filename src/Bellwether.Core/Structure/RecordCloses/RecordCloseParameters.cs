namespace Bellwether.Core.Structure.RecordCloses;

/// <summary>Which closes and against what history a record is judged.</summary>
/// <param name="Period">Month-end (default) or week-end closes.</param>
/// <param name="RecordYears">A record beats every earlier period close that began within this many years before the period; null (default): ever.</param>
public sealed record RecordCloseParameters(ClosePeriod Period = ClosePeriod.Month, int? RecordYears = null)
{
    /// <exception cref="ArgumentOutOfRangeException"><see cref="RecordYears"/> is below 1.</exception>
    public RecordCloseParameters Validate()
    {
        if (RecordYears is { } y) ArgumentOutOfRangeException.ThrowIfLessThan(y, 1, nameof(RecordYears));
        return this;
    }
}
