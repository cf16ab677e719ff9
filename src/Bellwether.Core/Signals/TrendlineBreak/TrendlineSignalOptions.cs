using Bellwether.Core.Structure.Trendlines;

namespace Bellwether.Core.Signals.TrendlineBreak;

/// <summary>The parsed parameters of a <see cref="TrendlineSignal"/>.</summary>
/// <param name="Series">An instrument id, or a ratio of closes <c>A/B</c>.</param>
/// <param name="Side">A descending resistance line (breaks upward) or an ascending support line (breaks downward).</param>
/// <param name="Lines">The core's trendline rules.</param>
public sealed record TrendlineSignalOptions(string Series, TrendlineSide Side, TrendlineParameters Lines);
