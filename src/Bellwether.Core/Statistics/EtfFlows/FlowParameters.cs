namespace Bellwether.Core.Statistics.EtfFlows;

/// <summary>Windows and checks for ETF-flow statistics; checked when built (and by <c>with</c>).</summary>
/// <param name="ShortWindow">Flow days in the short rolling sum (5: a trading week).</param>
/// <param name="LongWindow">Flow days in the long rolling sum (20: about a trading month).</param>
/// <param name="TotalTolerance">
/// US$ millions by which the sum of the fund columns may differ from the table's own total before the day is
/// reported as a mismatch: Farside rounds each cell to 0.1, so a dozen funds can differ from a rounded total by a
/// few tenths.
/// </param>
public sealed record FlowParameters(int ShortWindow = 5, int LongWindow = 20, double TotalTolerance = 0.5)
{
    /// <summary>The defaults.</summary>
    public static FlowParameters Default { get; } = new();

    /// <exception cref="ArgumentOutOfRangeException">Below 1.</exception>
    public int ShortWindow { get; init => field = Require.AtLeast(value, 1, nameof(ShortWindow)); }
        = Require.AtLeast(ShortWindow, 1, nameof(ShortWindow));

    /// <exception cref="ArgumentOutOfRangeException">Below 1.</exception>
    public int LongWindow { get; init => field = Require.AtLeast(value, 1, nameof(LongWindow)); }
        = Require.AtLeast(LongWindow, 1, nameof(LongWindow));

    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public double TotalTolerance { get; init => field = Require.NotNegative(value, nameof(TotalTolerance)); }
        = Require.NotNegative(TotalTolerance, nameof(TotalTolerance));
}
