using Bellwether.Core.Backtest.Metrics;

namespace Bellwether.Core.Backtest.Grid;

/// <summary>One grid point: its parameters and the rotation's metrics in each part.</summary>
/// <param name="Threshold">θ.</param>
/// <param name="Variants">Per axis (its parameter name), the value used.</param>
public sealed record GridPoint(double Threshold, IReadOnlyDictionary<string, string> Variants,
    PerformanceMetrics InSample, PerformanceMetrics OutOfSample);

/// <summary>The grid, and how much of the in-sample winner's edge survives out of sample.</summary>
/// <param name="From">First day.</param>
/// <param name="Split">First out-of-sample day.</param>
/// <param name="To">Last day.</param>
/// <param name="Points">Every point, θ varying fastest.</param>
/// <param name="BestInSample">Index of the point with the best in-sample Sharpe (the one an optimiser would
/// pick).</param>
/// <param name="BestInSampleOutOfSampleRank">Its rank by out-of-sample Sharpe, 1 = best of all points.</param>
/// <param name="MedianOutOfSampleSharpe">Median out-of-sample Sharpe over all points.</param>
/// <param name="SharpeRankCorrelation">Spearman correlation of in- and out-of-sample Sharpe across points: near 0 or
/// below, the in-sample ranking tells nothing.</param>
public sealed record GridResult(DateOnly From, DateOnly Split, DateOnly To, IReadOnlyList<GridPoint> Points,
    int BestInSample, int BestInSampleOutOfSampleRank, double MedianOutOfSampleSharpe, double SharpeRankCorrelation);
