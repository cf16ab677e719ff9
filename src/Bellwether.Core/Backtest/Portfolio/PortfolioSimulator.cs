using Bellwether.Core.Study.Paths;

namespace Bellwether.Core.Backtest.Portfolio;

/// <summary>
/// Chooses the weights to hold from the close of day <c>i</c>, or returns null to keep the drifted ones. It sees
/// the weights after day <c>i</c>'s move and must not read data dated after day <c>i</c> (see <see cref="PortfolioSimulator"/>).
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
    /// <param name="initial">Weights taken at the close of <paramref name="from"/>, without cost (the same for every strategy).</param>
    /// <param name="rebalance">The trading rule, asked at each later close.</param>
    /// <param name="costBp">Commission plus slippage per side, in basis points of the value traded.</param>
    /// <exception cref="ArgumentException">A weight vector of the wrong length, or a negative cost.</exception>
    public static PortfolioRun Run(IReadOnlyList<CalendarPath> assets, DateOnly from, DateOnly to, double[] initial, Rebalance rebalance, double costBp)
    {
        int k = assets.Count, n = Math.Max(0, to.DayNumber - from.DayNumber + 1);
        if (initial.Length != k) throw new ArgumentException($"{initial.Length} weights for {k} assets", nameof(initial));
        if (!(costBp >= 0)) throw new ArgumentOutOfRangeException(nameof(costBp), costBp, "must be 0 or more");
        var equity = new double[n];
        var returns = new double[n];
        var weights = new double[n][];
        var traded = new double[n];
        var w = (double[])initial.Clone();
        var price = new double[k];
        var moves = new double[k];
        int unpriced = 0;
        if (n > 0)
        {
            equity[0] = 1;
            weights[0] = new double[k];
            for (int j = 0; j < k; j++) price[j] = assets[j].At(from);
        }
        for (int i = 1; i < n; i++)
        {
            var day = from.AddDays(i);
            weights[i] = (double[])w.Clone();
            double r = 0;
            bool missing = false;
            for (int j = 0; j < k; j++)
            {
                double p = assets[j].At(day);
                moves[j] = p / price[j] - 1;
                if (double.IsNaN(moves[j]))
                {
                    moves[j] = 0;
                    missing |= w[j] != 0;
                }
                if (!double.IsNaN(p)) price[j] = p; // a gap: the next move is measured from the last close
                r += w[j] * moves[j];
            }
            if (missing) unpriced++;
            for (int j = 0; j < k; j++) w[j] = 1 + r == 0 ? 0 : w[j] * (1 + moves[j]) / (1 + r);
            double value = equity[i - 1] * (1 + r);
            if (rebalance(i, w) is { } target)
            {
                if (target.Length != k) throw new ArgumentException($"{target.Length} weights for {k} assets");
                double gross = 0, cash = 1, targetCash = 1;
                for (int j = 0; j < k; j++)
                {
                    gross += Math.Abs(target[j] - w[j]);
                    cash -= w[j];
                    targetCash -= target[j];
                }
                gross += Math.Abs(targetCash - cash);
                traded[i] = gross / 2;
                // Assets bought and sold pay on each side; the cash leg is not a trade.
                value *= 1 - (gross - Math.Abs(targetCash - cash)) * costBp / 10_000;
                Array.Copy(target, w, k);
            }
            equity[i] = value;
            returns[i] = value / equity[i - 1] - 1;
        }
        return new PortfolioRun(assets.Select(a => a.Id).ToList(), from, equity, returns, weights, traded, unpriced);
    }
}
