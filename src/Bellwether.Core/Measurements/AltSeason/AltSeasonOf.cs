using Bellwether.Core.Crypto.AltcoinSeason;

namespace Bellwether.Core.Measurements.AltSeason;

/// <summary>One Altcoin Season Index reading's parameters, checked when built.</summary>
/// <param name="Index">The window N, the universe size K and the season thresholds.</param>
public sealed record AltSeasonOf(AltcoinSeasonParameters Index)
{
    /// <summary>The published variants (N, K) a signal reports beside its own.</summary>
    private static readonly (int Days, int Top)[] Published =
        [(30, 50), (90, 50), (365, 50), (30, 100), (90, 100), (365, 100)];

    /// <summary>The published variants: (N, K) and the index's parameters with them.</summary>
    public IReadOnlyList<(int Days, int Top, AltcoinSeasonParameters Parameters)> Variants { get; } =
        [.. Published.Select(v => (v.Days, v.Top, Index with { WindowDays = v.Days, TopCount = v.Top }))];
}
