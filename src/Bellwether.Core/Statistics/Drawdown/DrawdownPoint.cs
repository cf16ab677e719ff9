namespace Bellwether.Core.Statistics.Drawdown;

/// <summary>One day of a drawdown series.</summary>
/// <param name="Date">The day.</param>
/// <param name="Close">The close that day.</param>
/// <param name="Peak">The running peak (highest close, or highest high, since the start of the period).</param>
/// <param name="PeakDate">The latest day on which the running peak was reached.</param>
/// <param name="Drawdown"><c>Close / Peak − 1</c>: 0 at a peak, negative below it (−0.3 = 30% below the peak).</param>
public readonly record struct DrawdownPoint(DateOnly Date, double Close, double Peak, DateOnly PeakDate,
    double Drawdown);
