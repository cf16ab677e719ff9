using Bellwether.Core.Backtest.Portfolio;
using Bellwether.Core.Study.Paths;

namespace Bellwether.Core.Backtest.Rotation;

/// <summary>
/// The thesis as a trade: hold an asset (the altcoin basket by default) while readiness is at or above θ, otherwise
/// Bitcoin (or cash).
/// Walk-forward by construction: the position taken at the close of day t + 1 depends only on readiness as of day t
/// (itself computed from data dated on or before t), so a signal is never traded on the close that produced it.
/// </summary>
public static class RotationBacktest
{
    /// <summary>The rotation from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="readiness">Readiness by calendar day (NaN: not measurable, which never buys the basket).</param>
    /// <param name="basket">The level of the asset held while ready (<see cref="RotationParameters.Hold"/>).</param>
    /// <param name="bitcoin">Bitcoin's closes.</param>
    public static PortfolioRun Run(CalendarPath readiness, CalendarPath basket, CalendarPath bitcoin, DateOnly from,
        DateOnly to, RotationParameters parameters)
    {
        double[] inBasket = [1, 0], outOfBasket = parameters.Fallback == RotationFallback.Bitcoin ? [0, 1] : [0, 0];
        double[] Target(DateOnly signalDay) => readiness.At(signalDay) >= parameters.Threshold ? inBasket : outOfBasket;
        // The close of day i trades on readiness as of day i − 1; the first close on readiness as of the day before it.
        return PortfolioSimulator.Run([basket, bitcoin], from, to, Target(from.AddDays(-1)),
            (i, _) => Target(from.AddDays(i - 1)), parameters.CostBp);
    }

    /// <summary>The path of the asset <paramref name="parameters"/> hold while ready.</summary>
    /// <exception cref="InvalidOperationException">The data has no such asset (no ETH series).</exception>
    public static CalendarPath Held(StudyAssets assets, RotationParameters parameters) =>
        assets.Find(parameters.Hold)
        ?? throw new InvalidOperationException($"the data has no {parameters.Hold} to hold");

    /// <summary>The index of the asset held while ready among a rotation run's assets.</summary>
    public const int BasketColumn = 0;
}
