using Bellwether.Core.Board;

namespace Bellwether.Core.Study.Readiness;

/// <summary>One signal of a thesis, evaluated on every calendar day of a range, each day point in time.</summary>
/// <param name="SignalId">The signal's id in the thesis.</param>
/// <param name="Variant">The parameter change it was evaluated with (<c>buffer_pct=2</c>), or "" for the thesis's own
/// parameters.</param>
/// <param name="Weight">Its weight in readiness.</param>
/// <param name="States">Its state on each day.</param>
/// <param name="Scores">Its score on each day as the board counts it: 1 supports, 0.5 neutral, 0 against; NaN when
/// it does not count (not measurable, a stale input, weight 0).</param>
/// <param name="Stale">Whether an input was stale on each day.</param>
public sealed record SignalScores(string SignalId, string Variant, double Weight, SignalState[] States,
    double[] Scores, bool[] Stale);
