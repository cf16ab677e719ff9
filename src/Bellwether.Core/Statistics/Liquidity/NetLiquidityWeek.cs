namespace Bellwether.Core.Statistics.Liquidity;

/// <summary>One Wednesday of net liquidity, all amounts in US$ billions.</summary>
/// <param name="Date">The Wednesday.</param>
/// <param name="TotalAssets">The Fed's total assets (WALCL) that Wednesday.</param>
/// <param name="TreasuryAccount">The Treasury General Account (WTREGEN) that Wednesday.</param>
/// <param name="ReverseRepo">Overnight reverse repo take-up (RRPONTSYD) that Wednesday.</param>
/// <param name="Value"><c>TotalAssets − TreasuryAccount − ReverseRepo</c>.</param>
/// <param name="Change4W">Change from the Wednesday four weeks earlier; NaN when that week was skipped or is before the
/// start.</param>
/// <param name="Change13W">Change from the Wednesday thirteen weeks earlier; NaN likewise.</param>
public sealed record NetLiquidityWeek(
    DateOnly Date, double TotalAssets, double TreasuryAccount, double ReverseRepo, double Value, double Change4W,
    double Change13W)
{
    /// <summary>Rising when the 4- and 13-week changes are both up, falling when both are down, unknown when one is
    /// missing, else mixed.</summary>
    public LiquidityTrend Trend =>
        Change4W > 0 && Change13W > 0 ? LiquidityTrend.Rising
        : Change4W < 0 && Change13W < 0 ? LiquidityTrend.Falling
        : double.IsNaN(Change4W) || double.IsNaN(Change13W) ? LiquidityTrend.Unknown
        : LiquidityTrend.Mixed;
}

/// <summary>A Wednesday left out because an input has no value dated that day (never filled from another
/// day).</summary>
/// <param name="Date">The Wednesday.</param>
/// <param name="Missing">The ids of the inputs without a value that day.</param>
public sealed record SkippedWeek(DateOnly Date, IReadOnlyList<string> Missing);

/// <summary>Net liquidity on the Wednesday grid.</summary>
/// <param name="Weeks">Complete Wednesdays, oldest first.</param>
/// <param name="Skipped">Wednesdays of the grid with a missing input, oldest first.</param>
public sealed record NetLiquiditySeries(IReadOnlyList<NetLiquidityWeek> Weeks, IReadOnlyList<SkippedWeek> Skipped)
{
    /// <summary>The latest complete week, or null.</summary>
    public NetLiquidityWeek? Latest => Weeks.Count > 0 ? Weeks[^1] : null;
}
