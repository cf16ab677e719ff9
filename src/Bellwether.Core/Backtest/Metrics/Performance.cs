using Bellwether.Core.Backtest.Portfolio;

namespace Bellwether.Core.Backtest.Metrics;

/// <summary>Computes <see cref="PerformanceMetrics"/> from a <see cref="PortfolioRun"/>.</summary>
public static class Performance
{
    /// <summary>Trading days in a year for annualising daily volatility and ratios: crypto trades every calendar
    /// day.</summary>
    public const double DaysPerYear = 365;

    /// <summary>Calendar days in a year, for CAGR and turnover per year.</summary>
    public const double DaysPerCalendarYear = 365.25;

    /// <summary>
    /// Metrics over days <paramref name="start"/> to <paramref name="end"/> (indices of the run, inclusive): the
    /// returns of days start + 1 … end, and equity from the close of <paramref name="start"/>. With fewer than two
    /// returns the ratios are NaN.
    /// </summary>
    /// <param name="basket">Index of the basket among the run's assets, or -1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The span is outside the run or empty.</exception>
    public static PerformanceMetrics Of(PortfolioRun run, int start, int end, int basket)
    {
        if (start < 0 || end >= run.Days || end <= start) throw new ArgumentOutOfRangeException(nameof(end),
            $"span {start}..{end} of {run.Days} days");
        int n = end - start;
        double sum = 0, down = 0, traded = 0, peak = run.Equity[start], maxDrawdown = 0;
        int invested = 0, inBasket = 0, trades = 0;
        for (int i = start + 1; i <= end; i++)
        {
            double r = run.Returns[i];
            sum += r;
            if (r < 0) down += r * r;
            peak = Math.Max(peak, run.Equity[i]);
            maxDrawdown = Math.Min(maxDrawdown, run.Equity[i] / peak - 1);
            var weights = run.Weights(i);
            double held = 0;
            foreach (double w in weights) held += Math.Abs(w);
            if (held > 1e-12) invested++;
            if (basket >= 0 && weights[basket] > 1e-12) inBasket++;
            traded += run.Traded[i];
            if (run.Traded[i] > 1e-12) trades++;
        }
        double mean = sum / n, squares = 0;
        for (int i = start + 1; i <= end; i++) squares += (run.Returns[i] - mean) * (run.Returns[i] - mean);
        double sd = n > 1 ? Math.Sqrt(squares / (n - 1)) : double.NaN;
        double downside = Math.Sqrt(down / n);
        double total = run.Equity[end] / run.Equity[start] - 1;
        double years = n / DaysPerCalendarYear;
        return new PerformanceMetrics(run.Date(start), run.Date(end), total, Math.Pow(1 + total, 1 / years) - 1,
            sd * Math.Sqrt(DaysPerYear), n > 1 ? mean / sd * Math.Sqrt(DaysPerYear) : double.NaN,
            n > 1 ? mean / downside * Math.Sqrt(DaysPerYear) : double.NaN, maxDrawdown, traded / years,
            (double)invested / n, basket >= 0 ? (double)inBasket / n : double.NaN, trades, n);
    }
}
