using Bellwether.Core.Statistics.FedPolicy;

namespace Bellwether.Core.Measurements.FedPath;

/// <summary>One fed funds path reading's parameters, checked when built.</summary>
/// <param name="Series">The policy rate series in percent (FRED <c>DFF</c>).</param>
/// <param name="Path">How a policy move is told from noise.</param>
public sealed record FedPathOf(string Series, FedPathParameters Path)
{
    /// <exception cref="ArgumentException">The series is empty.</exception>
    public string Series { get; } = Require.Id(Series, nameof(Series));
}
