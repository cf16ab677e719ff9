using Bellwether.Core.Statistics.Drawdown;

namespace Bellwether.Core.Measurements.MoveAfterBreakout;

/// <summary>One move-after-breakout reading's parameters, checked when built.</summary>
/// <param name="Leader">The series that breaks out.</param>
/// <param name="Follower">The series whose move is measured.</param>
/// <param name="From">The first day the leader's breakout may fall on.</param>
/// <param name="To">The last day it may fall on (not before <paramref name="From"/>).</param>
/// <param name="Years">The lookback of the leader's prior multi-year high, in calendar years (at least 1).</param>
/// <param name="Months">The move's span after the breakout, in months (at least 1).</param>
/// <param name="PeakBasis">The move ends at the follower's highest close or high within the span; null: at its last
/// close of the span.</param>
public sealed record MoveAfterBreakoutOf(string Leader, string Follower, DateOnly From, DateOnly To, int Years,
    int Months, DrawdownBasis? PeakBasis)
{
    /// <exception cref="ArgumentException">An id is empty, the dates are out of order, a count is below 1 or the basis
    /// is unknown.</exception>
    public string Leader { get; } = Require.Id(Leader, nameof(Leader));

    public string Follower { get; } = Require.Id(Follower, nameof(Follower));

    public DateOnly To { get; } = From <= To ? To
        : throw new ArgumentException("'breakout_from' is after 'breakout_to'");

    public int Years { get; } = Require.AtLeast(Years, 1, nameof(Years));

    public int Months { get; } = Require.AtLeast(Months, 1, nameof(Months));

    public DrawdownBasis? PeakBasis { get; } = PeakBasis is not { } b || Enum.IsDefined(b) ? PeakBasis
        : throw new ArgumentOutOfRangeException(nameof(PeakBasis), PeakBasis, "not a drawdown basis");
}
