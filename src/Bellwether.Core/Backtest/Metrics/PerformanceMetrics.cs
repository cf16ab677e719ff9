namespace Bellwether.Core.Backtest.Metrics;

/// <summary>How a strategy did over a span of days. Returns are daily, calendar days (crypto trades every
/// day).</summary>
/// <param name="From">First day (the start of the equity ratio; its own return is not counted).</param>
/// <param name="To">Last day.</param>
/// <param name="TotalReturn">Equity(To) / Equity(From) − 1.</param>
/// <param name="Cagr">(1 + total)^(365.25 / days) − 1.</param>
/// <param name="Volatility">Sample standard deviation of daily returns × √365.</param>
/// <param name="Sharpe">Mean / standard deviation of daily returns × √365, risk-free rate 0 (crypto has none to
/// earn).</param>
/// <param name="Sortino">Mean daily return / √(mean of min(r, 0)²) × √365.</param>
/// <param name="MaxDrawdown">The deepest fall of equity from its running peak within the span (≤ 0).</param>
/// <param name="Turnover">One-way fraction of equity traded per year of 365.25 days (1 = the whole portfolio replaced
/// once a year).</param>
/// <param name="TimeInMarket">Share of days holding any asset (not all cash).</param>
/// <param name="TimeInBasket">Share of days holding the altcoin basket; NaN when the strategy cannot hold it.</param>
/// <param name="Trades">Closes at which something was traded.</param>
/// <param name="Days">Daily returns in the span.</param>
public sealed record PerformanceMetrics(
    DateOnly From, DateOnly To, double TotalReturn, double Cagr, double Volatility, double Sharpe, double Sortino,
    double MaxDrawdown, double Turnover, double TimeInMarket, double TimeInBasket, int Trades, int Days);
