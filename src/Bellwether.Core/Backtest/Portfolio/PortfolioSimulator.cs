using Bellwether.Core.Study.Paths;

namespace Bellwether.Core.Backtest.Portfolio;

/// <summary>
/// Chooses the weights to hold from the close of day <c>i</c>, or returns null to keep the drifted ones. It sees
/// the weights after day <c>i</c>'s move and must not read data dated after day <c>i</c> (see
/// <see cref="PortfolioSimulator"/>).
/// </summary>
public delegate double[]? Rebalance(int day, ReadOnlySpan<double> drifted);

/// <summary>
/// A daily close-to-close portfolio on calendar days: weights drift with prices between trades; a trade at a close
/// costs (commission + slippage) basis points on the value traded on each side, so a switch from one asset to
/// another pays twice and a move into or out of cash once.
/// </summary>
public static class PortfolioSimulator
{
    /// <summary>Runs from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="assets">Price paths (closes).</param>
    /// <param name="initial">Weights taken at the close of <paramref name="from"/>, without cost (the same for every
    /// strategy).</param>
    /// <param name="rebalance">The trading rule, asked at each later close.</param>
    /// <param name="costBp">Commission plus slippage per side, in basis points of the value traded.</param>
    /// <exception cref="ArgumentException">A weight vector of the wrong length, or a negative cost.</exception>
    public static PortfolioRun Run(IReadOnlyList<CalendarPath> assets, DateOnly from, DateOnly to, double[] initial,
        Rebalance rebalance, double costBp)
    {
        int k = assets.Count, n = Math.Max(0, to.DayNumber - from.DayNumber + 1);
        if (initial.Length != k) throw new ArgumentException($"{initial.Length} weights for {k} assets",
            nameof(initial));
        if (!(costBp >= 0)) throw new ArgumentOutOfRangeException(nameof(costBp), costBp, "must be 0 or more");
        var equity = new double[n];
        var returns = new double[n];
        var held = new double[n * k];
        var traded = new double[n];
        var w = (double[])initial.Clone();
        var last = new double[k];   // each asset's last close so far: a move after a gap is measured from it
        var moves = new double[k];
        var prices = assets.Select(a => a.Values).ToArray();
        var offsets = assets.Select(a => from.DayNumber - a.First.DayNumber).ToArray();
        int unpriced = 0;
        if (n > 0)
        {
            equity[0] = 1;
            for (int j = 0; j < k; j++) last[j] = assets[j].At(offsets[j]);
        }
        for (int i = 1; i < n; i++)
        {
            double r = 0;
            bool missing = false;
            for (int j = 0; j < k; j++)
            {
                held[i * k + j] = w[j];
                int at = offsets[j] + i;
                double p = (uint)at < (uint)prices[j].Length ? prices[j][at] : double.NaN;
                double move = p / last[j] - 1;
                if (double.IsNaN(move))
                {
                    move = 0;
                    missing |= w[j] != 0;
                }
                if (!double.IsNaN(p)) last[j] = p;
                moves[j] = move;
                r += w[j] * move;
            }
            if (missing) unpriced++;
            for (int j = 0; j < k; j++) w[j] = 1 + r == 0 ? 0 : w[j] * (1 + moves[j]) / (1 + r);
            double value = equity[i - 1] * (1 + r);
            if (rebalance(i, w) is { } target)
            {
                if (target.Length != k) throw new ArgumentException($"{target.Length} weights for {k} assets");
                double assetsTraded = 0, cash = 1, targetCash = 1;
                for (int j = 0; j < k; j++)
                {
                    assetsTraded += Math.Abs(target[j] - w[j]);
                    cash -= w[j];
                    targetCash -= target[j];
                }
                traded[i] = (assetsTraded + Math.Abs(targetCash - cash)) / 2;
                // Assets bought and sold pay on each side; the cash leg is not a trade.
                value *= 1 - assetsTraded * costBp / 10_000;
                Array.Copy(target, w, k);
            }
            equity[i] = value;
            returns[i] = value / equity[i - 1] - 1;
        }
        return new PortfolioRun(assets.Select(a => a.Id).ToList(), from, equity, returns, held, traded, unpriced);
    }
}
