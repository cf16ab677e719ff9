namespace Bellwether.Core.Structure.RecordCloses;

/// <summary>Which closes and against what history a record is judged; checked when built (and by <c>with</c>).
/// </summary>
/// <param name="Period">Month-end (default) or week-end closes.</param>
/// <param name="RecordYears">A record beats every earlier period close that began within this many years before the
/// period; null (default): ever.</param>
public sealed record RecordCloseParameters(ClosePeriod Period = ClosePeriod.Month, int? RecordYears = null)
{
    /// <exception cref="ArgumentOutOfRangeException">The period is not a known one.</exception>
    public ClosePeriod Period { get; init => field = CheckPeriod(value); } = CheckPeriod(Period);

    /// <exception cref="ArgumentOutOfRangeException">Below 1.</exception>
    public int? RecordYears { get; init => field = CheckYears(value); } = CheckYears(RecordYears);

    private static ClosePeriod CheckPeriod(ClosePeriod period) => Enum.IsDefined(period) ? period
        : throw new ArgumentOutOfRangeException(nameof(period), period, "not a close period");

    private static int? CheckYears(int? years) => years is null or >= 1 ? years
        : throw new ArgumentOutOfRangeException(nameof(years), years, "record_years must be at least 1");
}
