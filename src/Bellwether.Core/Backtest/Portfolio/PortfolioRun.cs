namespace Bellwether.Core.Backtest.Portfolio;

/// <summary>A simulated portfolio, day by day (calendar days from <see cref="First"/>).</summary>
/// <param name="Assets">The asset ids, in the order of the weights.</param>
/// <param name="First">The first day: equity 1, the initial position taken at its close.</param>
/// <param name="Equity">Equity at each day's close, after that day's trading costs.</param>
/// <param name="Returns">Each day's return, close to close, net of costs (0 on the first day).</param>
/// <param name="HeldWeights">Row-major, one row of <c>Assets.Count</c> per day: the weights held into that day (before
/// the day's trade; all 0 on the first day); the rest is cash. See <see cref="Weights"/>.</param>
/// <param name="Traded">Per day, the one-way fraction of equity traded at its close (½ Σ |Δweight| over assets and
/// cash).</param>
/// <param name="UnpricedDays">Days on which an asset held had no close: its return that day is counted as 0 (said here,
/// not hidden).</param>
public sealed record PortfolioRun(IReadOnlyList<string> Assets, DateOnly First, double[] Equity, double[] Returns,
    double[] HeldWeights, double[] Traded, int UnpricedDays)
{
    /// <summary>Number of days.</summary>
    public int Days => Equity.Length;

    /// <summary>The day at index <paramref name="i"/>.</summary>
    public DateOnly Date(int i) => First.AddDays(i);

    /// <summary>The weights held into day <paramref name="i"/>, one per asset.</summary>
    public ReadOnlySpan<double> Weights(int i) => HeldWeights.AsSpan(i * Assets.Count, Assets.Count);
}
