using Bellwether.Core.Statistics.Resampling;
using Bellwether.Core.Statistics.Returns;
using Bellwether.Core.Statistics.Rolling;

namespace Bellwether.Core.Measurements.CorrelationTrend;

/// <summary>One correlation trend reading's parameters, checked when built.</summary>
/// <param name="A">First series.</param>
/// <param name="B">Second series.</param>
/// <param name="Frequency">Resampling before the join.</param>
/// <param name="Kind">Returns or levels.</param>
/// <param name="Window">The rolling window.</param>
/// <param name="CompareDays">The change is measured against the rolling value this many calendar days earlier.</param>
/// <param name="Change">A change of at least this much (in r) is rising or falling; less is stable.</param>
/// <param name="BreakdownFall">A breakdown: the rolling value more than this below its peak of the last
/// <paramref name="BreakdownDays"/>.</param>
/// <param name="BreakdownDays">Calendar days in which the breakdown peak is looked for.</param>
public sealed record CorrelationTrendOf(
    string A, string B, Frequency Frequency, ReturnKind Kind, RollingWindow Window, int CompareDays, double Change,
    double BreakdownFall, int BreakdownDays)
{
    /// <exception cref="ArgumentException">An id is empty.</exception>
    public string A { get; } = Require.Id(A, nameof(A));

    public string B { get; } = Require.Id(B, nameof(B));
}
