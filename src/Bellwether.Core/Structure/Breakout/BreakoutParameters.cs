namespace Bellwether.Core.Structure.Breakout;

/// <summary>
/// The rules of the breakout state machine, all as fractions (0.01 = 1%). The defaults follow common practice for a
/// broad index on daily closes: a breakout needs a close 1% through the level (small enough to catch an index move,
/// large enough to ignore a close that merely ties the old high); three closes above it, or a month-end close above it,
/// confirm it; a dip back to within 1% that closes above the level is a retest; a close 2% back below within a trading
/// month (21 bars) is a failed breakout. The 1% entry and 2% exit leave a 3% band so one noisy day cannot flip the
/// state. Checked when built (and by <c>with</c>).
/// </summary>
/// <param name="Buffer">A breakout is a close above level × (1 + Buffer).</param>
/// <param name="ApproachBand">Before a breakout, a close at or above level × (1 − ApproachBand) is
/// "approaching".</param>
/// <param name="TestBand">Before a breakout, a high at or above level × (1 − TestBand) is "testing" (close-only series:
/// the close).</param>
/// <param name="ConfirmCloses">Consecutive closes above the level, the breakout bar included, that confirm a
/// breakout.</param>
/// <param name="ConfirmOnMonthEnd">Whether a close above the level on the last session of a month also
/// confirms.</param>
/// <param name="RetestBand">After confirmation, a low at or below level × (1 + RetestBand) whose close is at or above
/// the level is the retest.</param>
/// <param name="FailBand">A close below level × (1 − FailBand) ends the breakout.</param>
/// <param name="FailBars">Within this many bars of the breakout that close is a <c>failed</c> breakout; later it is a
/// <c>reversed</c> one.</param>
/// <param name="MinHeldDays">Calendar days a level must have held (from its date to the breakout) to be long-term
/// resistance; clearing a younger top is a <c>new_high</c> (<c>all_time_high</c> when it was the highest ever), not a
/// breakout. A year: a top that stood through four quarterly reporting seasons is resistance the market
/// respected.</param>
public sealed record BreakoutParameters(
    double Buffer = 0.01,
    double ApproachBand = 0.03,
    double TestBand = 0.005,
    int ConfirmCloses = 3,
    bool ConfirmOnMonthEnd = true,
    double RetestBand = 0.01,
    double FailBand = 0.02,
    int FailBars = 21,
    int MinHeldDays = 365)
{
    /// <exception cref="ArgumentOutOfRangeException">Not in [0, 1).</exception>
    public double Buffer { get; init => field = Require.Fraction(value, nameof(Buffer)); }
        = Require.Fraction(Buffer, nameof(Buffer));

    /// <exception cref="ArgumentOutOfRangeException">Not in [0, 1).</exception>
    public double ApproachBand { get; init => field = Require.Fraction(value, nameof(ApproachBand)); }
        = Require.Fraction(ApproachBand, nameof(ApproachBand));

    /// <exception cref="ArgumentOutOfRangeException">Not in [0, 1).</exception>
    public double TestBand { get; init => field = Require.Fraction(value, nameof(TestBand)); }
        = Require.Fraction(TestBand, nameof(TestBand));

    /// <exception cref="ArgumentOutOfRangeException">Below 1.</exception>
    public int ConfirmCloses { get; init => field = Require.AtLeast(value, 1, nameof(ConfirmCloses)); }
        = Require.AtLeast(ConfirmCloses, 1, nameof(ConfirmCloses));

    /// <exception cref="ArgumentOutOfRangeException">Not in [0, 1).</exception>
    public double RetestBand { get; init => field = Require.Fraction(value, nameof(RetestBand)); }
        = Require.Fraction(RetestBand, nameof(RetestBand));

    /// <exception cref="ArgumentOutOfRangeException">Not in [0, 1).</exception>
    public double FailBand { get; init => field = Require.Fraction(value, nameof(FailBand)); }
        = Require.Fraction(FailBand, nameof(FailBand));

    /// <exception cref="ArgumentOutOfRangeException">Below 1.</exception>
    public int FailBars { get; init => field = Require.AtLeast(value, 1, nameof(FailBars)); }
        = Require.AtLeast(FailBars, 1, nameof(FailBars));

    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public int MinHeldDays { get; init => field = Require.AtLeast(value, 0, nameof(MinHeldDays)); }
        = Require.AtLeast(MinHeldDays, 0, nameof(MinHeldDays));
}
