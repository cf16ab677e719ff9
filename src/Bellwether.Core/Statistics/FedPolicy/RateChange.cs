namespace Bellwether.Core.Statistics.FedPolicy;

/// <summary>A confirmed step of the effective fed funds rate.</summary>
/// <param name="Date">The first day at the new level (the effective date, usually the day after the FOMC
/// decision).</param>
/// <param name="Before">The old level: the median of the baseline observations before <paramref name="Date"/>
/// (%).</param>
/// <param name="After">The new level: the median of the confirming observations from <paramref name="Date"/> on
/// (%).</param>
/// <param name="ConfirmedOn">The day of the last confirming observation: the move is known from this day.</param>
public sealed record RateChange(DateOnly Date, double Before, double After, DateOnly ConfirmedOn)
{
    /// <summary>The size in percentage points, negative for a cut (−0.25 = a 25 bp cut as seen in the effective
    /// rate).</summary>
    public double Size => After - Before;

    /// <summary>True for a cut.</summary>
    public bool IsCut => After < Before;
}

/// <summary>A step that has started but is not yet confirmed on the as-of date.</summary>
/// <param name="Date">The first day away from the old level.</param>
/// <param name="Observations">Observations so far at the new level (fewer than needed to confirm).</param>
/// <param name="Before">The old level (%).</param>
/// <param name="Latest">The latest observation (%).</param>
public sealed record PendingRateChange(DateOnly Date, int Observations, double Before, double Latest);
