using Bellwether.Core.Structure.Trendlines;

namespace Bellwether.Core.Measurements.Trendline;

/// <summary>One trendline reading's parameters, checked when built.</summary>
/// <param name="Series">An instrument id, or a ratio of closes <c>A/B</c>.</param>
/// <param name="Side">A descending resistance line (breaks upward) or an ascending support line (breaks downward).
/// </param>
/// <param name="Lines">The core's trendline rules.</param>
public sealed record TrendlineOf(string Series, TrendlineSide Side, TrendlineParameters Lines)
{
    /// <exception cref="ArgumentException">Neither an id nor a ratio A/B.</exception>
    public string Series { get; } = Series.Split('/') is { Length: <= 2 } parts && !parts.Any(string.IsNullOrWhiteSpace)
        ? Series : throw new ArgumentException($"'{Series}' is neither an id nor a ratio A/B", nameof(Series));
}
