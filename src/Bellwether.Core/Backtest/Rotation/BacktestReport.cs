using Bellwether.Core.Backtest.Metrics;
using Bellwether.Core.Backtest.Portfolio;

namespace Bellwether.Core.Backtest.Rotation;

/// <summary>One strategy's run and its metrics over the whole span and each part.</summary>
/// <param name="Id"><c>rotation</c>, <c>btc</c>, <c>eth</c>, <c>basket</c> or <c>btc_eth_50_50</c>.</param>
/// <param name="Label">Its name in charts and tables ("Bitcoin", "50/50 Bitcoin–Ether").</param>
/// <param name="Description">What it holds, in words.</param>
public sealed record StrategyResult(string Id, string Label, string Description, PortfolioRun Run,
    PerformanceMetrics Full, PerformanceMetrics InSample, PerformanceMetrics OutOfSample);

/// <summary>The rotation against its benchmarks over one span.</summary>
/// <param name="From">First day.</param>
/// <param name="Split">First out-of-sample day (the in-sample part ends at its close, the out-of-sample part measures
/// from there).</param>
/// <param name="To">Last day.</param>
/// <param name="Parameters">Rule and costs.</param>
/// <param name="Strategies">The rotation first, then the benchmarks.</param>
/// <param name="Warnings">Unpriced days and anything else a reader must know.</param>
public sealed record BacktestReport(DateOnly From, DateOnly Split, DateOnly To, BacktestParameters Parameters,
    IReadOnlyList<StrategyResult> Strategies, IReadOnlyList<string> Warnings);
