namespace Bellwether.Core.Structure.Resistance;

/// <summary>
/// The prior multi-year high: the highest close (or high) dated within <see cref="LookbackYears"/> calendar years
/// before a bar and at least <see cref="ExcludeRecentBars"/> rows before it. Five years spans a full small-cap cycle
/// (the 2021 peak is still "the" high in 2025); excluding the last 63 bars (a quarter of trading sessions) means a high
/// must have stood for three months before it counts as prior resistance, so a rally never breaks out above itself.
/// </summary>
/// <param name="LookbackYears">Calendar years of lookback (at least 1). No level exists until the data covers them
/// all.</param>
/// <param name="ExcludeRecentBars">Most recent rows left out of the lookback (at least 1).</param>
/// <param name="Basis">Closes (default) or highs.</param>
/// <remarks>Checked when built (and by <c>with</c>).</remarks>
public sealed record MultiYearHighParameters(int LookbackYears = 5, int ExcludeRecentBars = 63,
    PriceBasis Basis = PriceBasis.Close)
{
    /// <exception cref="ArgumentOutOfRangeException">Below 1.</exception>
    public int LookbackYears { get; init => field = Require.AtLeast(value, 1, nameof(LookbackYears)); }
        = Require.AtLeast(LookbackYears, 1, nameof(LookbackYears));

    /// <exception cref="ArgumentOutOfRangeException">Below 1.</exception>
    public int ExcludeRecentBars { get; init => field = Require.AtLeast(value, 1, nameof(ExcludeRecentBars)); }
        = Require.AtLeast(ExcludeRecentBars, 1, nameof(ExcludeRecentBars));
}
