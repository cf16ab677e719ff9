using Bellwether.Core.Crypto.AltcoinSeason;

namespace Bellwether.Core.Measurements.AltSeason;

/// <summary>The parsed parameters of an <see cref="AltSeasonSignal"/>.</summary>
/// <param name="Index">The window N, the universe size K and the season thresholds.</param>
/// <param name="Variants">The published variants reported as fields: (N, K) and the index's parameters with them.</param>
public sealed record AltSeasonSignalOptions(AltcoinSeasonParameters Index, IReadOnlyList<(int Days, int Top, AltcoinSeasonParameters Parameters)> Variants);
