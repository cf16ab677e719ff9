using Bellwether.Core.Backtest.Metrics;
using Bellwether.Core.Backtest.Rotation;
using Bellwether.Core.Study.Paths;
using Bellwether.Core.Study.Readiness;

namespace Bellwether.Core.Backtest.Grid;

/// <summary>
/// The rotation over a grid of θ and signal parameters, each point walk-forward, measured in- and out-of-sample.
/// Readiness is combined once per combination of signal variants from stored per-day scores (never a board run per
/// point and day); the points run in parallel.
/// </summary>
public static class ParameterGrid
{
    /// <summary>Runs every point of <paramref name="grid"/> over the span of <paramref name="parameters"/>.</summary>
    /// <param name="components">Per-day scores of the thesis's signals and of every axis value (see
    /// <see cref="ReadinessComponents"/>).</param>
    /// <exception cref="ArgumentException">An axis value that <paramref name="components"/> did not
    /// evaluate.</exception>
    public static GridResult Run(ReadinessComponents components, StudyAssets assets, GridParameters grid,
        BacktestParameters parameters)
    {
        var combinations = Combinations(grid.Axes);
        var readiness = combinations.Select(c => components.Readiness(grid.Axes.Zip(c)
            .SelectMany(x =>
                x.First.SignalIds.Select(id => (id, Variant: new SignalVariant(id, x.First.Parameter, x.Second).Name)))
            .ToDictionary(x => x.id, x => x.Variant))).ToArray();
        var (from, split, to) = Backtester.Span(readiness[0], assets, parameters);
        int s = split.DayNumber - from.DayNumber, last = to.DayNumber - from.DayNumber;
        var held = RotationBacktest.Held(assets, parameters.Rotation);

        var points = new GridPoint[combinations.Count * grid.Thresholds.Count];
        Parallel.For(0, points.Length, k =>
        {
            int c = k / grid.Thresholds.Count;
            var rule = parameters.Rotation with { Threshold = grid.Thresholds[k % grid.Thresholds.Count] };
            var run = RotationBacktest.Run(readiness[c], held, assets.Btc, from, to, rule);
            points[k] = new GridPoint(rule.Threshold, grid.Axes.Zip(combinations[c])
                .ToDictionary(x => x.First.Parameter, x => x.Second),
                Performance.Of(run, 0, s, RotationBacktest.BasketColumn),
                Performance.Of(run, s, last, RotationBacktest.BasketColumn));
        });

        var inSample = points.Select(p => p.InSample.Sharpe).ToArray();
        var outOfSample = points.Select(p => p.OutOfSample.Sharpe).ToArray();
        int best = Enumerable.Range(0, points.Length).Where(i => !double.IsNaN(inSample[i])).DefaultIfEmpty(0)
            .MaxBy(i => inSample[i]);
        int rank = 1 + outOfSample.Count(x => x > outOfSample[best]);
        var sortedOut = outOfSample.Where(x => !double.IsNaN(x)).Order().ToArray();
        double median = sortedOut.Length == 0 ? double.NaN
            : (sortedOut[(sortedOut.Length - 1) / 2] + sortedOut[sortedOut.Length / 2]) / 2;
        return new GridResult(from, split, to, points, best, rank, median, Spearman(inSample, outOfSample));
    }

    /// <summary>Every combination of axis values (one value per axis, in axis order), the last axis varying fastest;
    /// one empty combination without axes.</summary>
    private static List<string[]> Combinations(IReadOnlyList<GridAxis> axes)
    {
        var result = new List<string[]> { Array.Empty<string>() };
        foreach (var axis in axes) result = result.SelectMany(c => axis.Values.Select(v => (string[])[.. c, v]))
            .ToList();
        return result;
    }

    /// <summary>Spearman's rank correlation over pairs where both are defined (ties get their mean rank); NaN below 3
    /// pairs or without spread.</summary>
    private static double Spearman(double[] x, double[] y)
    {
        var keep = Enumerable.Range(0, x.Length).Where(i => !double.IsNaN(x[i]) && !double.IsNaN(y[i])).ToArray();
        if (keep.Length < 3) return double.NaN;
        double[] rx = Ranks(keep.Select(i => x[i]).ToArray()), ry = Ranks(keep.Select(i => y[i]).ToArray());
        double mx = rx.Average(), my = ry.Average(), sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < rx.Length; i++)
        {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;
    }

    private static double[] Ranks(double[] v)
    {
        var order = Enumerable.Range(0, v.Length).OrderBy(i => v[i]).ToArray();
        var ranks = new double[v.Length];
        for (int a = 0, b; a < order.Length; a = b)
        {
            for (b = a + 1; b < order.Length && v[order[b]] == v[order[a]]; b++) { }
            for (int k = a; k < b; k++) ranks[order[k]] = (a + b + 1) / 2.0;
        }
        return ranks;
    }
}
