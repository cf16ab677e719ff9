using Bellwether.Core.Statistics.Resampling;
using Bellwether.Core.Statistics.Returns;

namespace Bellwether.Core.Measurements.Correlation;

/// <summary>One correlation reading's parameters, checked when built.</summary>
/// <param name="A">First series.</param>
/// <param name="B">Second series.</param>
/// <param name="Frequency">Resampling before the join.</param>
/// <param name="Kind">Returns or levels.</param>
/// <param name="WindowDays">The trailing window in calendar days, the as-of date included (when
/// <paramref name="Since"/> is null).</param>
/// <param name="Since">A fixed first date instead of the trailing window.</param>
public sealed record CorrelationParameters(
    string A, string B, Frequency Frequency, ReturnKind Kind, int WindowDays, DateOnly? Since)
{
    /// <exception cref="ArgumentException">A series id is empty.</exception>
    public string A { get; } = Require.Id(A, nameof(A));

    /// <exception cref="ArgumentException">A series id is empty.</exception>
    public string B { get; } = Require.Id(B, nameof(B));

    /// <exception cref="ArgumentOutOfRangeException">The window is shorter than 2 days.</exception>
    public int WindowDays { get; } = WindowDays >= 2 ? WindowDays
        : throw new ArgumentOutOfRangeException(nameof(WindowDays), WindowDays, "window_days must be at least 2");
}
