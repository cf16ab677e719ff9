namespace Bellwether.Core.Statistics.Drawdown;

/// <summary>"X is N% below its peak" as of a date, with the deepest drawdown of the period.</summary>
/// <param name="Id">The instrument.</param>
/// <param name="Basis">Whether the peak is the highest close or the highest high.</param>
/// <param name="AsOf">The date asked for; only rows dated on or before it were used.</param>
/// <param name="From">The first day of the period (the running peak starts there).</param>
/// <param name="Latest">The last day with a close on or before <paramref name="AsOf"/>.</param>
/// <param name="DaysSincePeak">Calendar days from the peak to the latest close (0 at a peak).</param>
/// <param name="MaxDrawdown">The lowest drawdown of the period (a fraction, ≤ 0).</param>
/// <param name="MaxDrawdownDate">The first day the lowest drawdown was reached (the trough).</param>
/// <param name="MaxDrawdownPeakDate">The peak that trough was measured from.</param>
/// <param name="Days">Rows with a close in the period.</param>
/// <param name="MissingCloses">Rows in the period without a close (left out, never filled).</param>
/// <param name="HighsFromClose">For <see cref="DrawdownBasis.High"/>: rows whose close stood in for a missing or lower
/// high.</param>
public sealed record DrawdownReading(
    string Id, DrawdownBasis Basis, DateOnly AsOf, DateOnly From, DrawdownPoint Latest, int DaysSincePeak,
    double MaxDrawdown, DateOnly MaxDrawdownDate, DateOnly MaxDrawdownPeakDate, int Days, int MissingCloses,
    int HighsFromClose);
