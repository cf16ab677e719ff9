using Bellwether.Core.Backtest.Portfolio;
using Bellwether.Core.Study.Paths;

namespace Bellwether.Core.Backtest.Rotation;

/// <summary>The passive strategies a rotation must beat, on the same days and with the same costs.</summary>
public static class Benchmarks
{
    /// <summary>Buy <paramref name="asset"/> at the first close and hold it.</summary>
    public static PortfolioRun BuyAndHold(CalendarPath asset, DateOnly from, DateOnly to) =>
        PortfolioSimulator.Run([asset], from, to, [1], (_, _) => null, 0);

    /// <summary>
    /// Equal parts of <paramref name="a"/> and <paramref name="b"/>, reset to 50/50 at the last close of each
    /// calendar month, paying <paramref name="costBp"/> per side on what the reset trades.
    /// </summary>
    public static PortfolioRun HalfHalfMonthly(CalendarPath a, CalendarPath b, DateOnly from, DateOnly to,
        double costBp)
    {
        double[] half = [0.5, 0.5];
        return PortfolioSimulator.Run([a, b], from, to, half,
            (i, _) => from.AddDays(i + 1).Month != from.AddDays(i).Month ? half : null, costBp);
    }
}
