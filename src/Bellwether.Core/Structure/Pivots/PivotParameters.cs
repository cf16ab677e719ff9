namespace Bellwether.Core.Structure.Pivots;

/// <summary>
/// How many bars a swing point must dominate on each side. The defaults (5 and 5, a trading week either side) are
/// the swing size chart readers use for daily trendlines; resistance zones use wider pivots (10 and 10).
/// </summary>
/// <param name="Left">Bars before the pivot that it must exceed strictly (at least 1).</param>
/// <remarks>Checked when built (and by <c>with</c>).</remarks>
/// <param name="Right">Bars after the pivot that it must equal or exceed; the pivot is known only this many bars later
/// (at least 1).</param>
public sealed record PivotParameters(int Left = 5, int Right = 5)
{
    /// <exception cref="ArgumentOutOfRangeException">Below 1.</exception>
    public int Left { get; init => field = Require.AtLeast(value, 1, nameof(Left)); } = Require.AtLeast(Left, 1,
        nameof(Left));

    /// <exception cref="ArgumentOutOfRangeException">Below 1.</exception>
    public int Right { get; init => field = Require.AtLeast(value, 1, nameof(Right)); }
        = Require.AtLeast(Right, 1, nameof(Right));
}
