namespace Bellwether.Core.Screening;

/// <summary>
/// An instrument's own incremental measurements on the screen's calendar: its bars counted once each, the last one,
/// and the drawdown from its running peak (deepest so far too). O(1) per step.
/// </summary>
public sealed record InstrumentTrack
{
    /// <summary>The last step fed; −1 before the first.</summary>
    public int LastStep { get; init; } = -1;
    public int Bars { get; init; }
    public DateOnly? LastDate { get; init; }
    public double LastClose { get; init; } = double.NaN;
    public double Peak { get; init; } = double.NaN;
    /// <summary>Last close over the running peak, minus one (0 at a peak); NaN before the first bar.</summary>
    public double Drawdown { get; init; } = double.NaN;
    public double DeepestDrawdown { get; init; } = double.NaN;

    /// <summary>The track after step <paramref name="step"/> (dated <paramref name="date"/>); NaN: no bar.</summary>
    /// <exception cref="ArgumentException">Not the next step, or a close that is not positive and finite.</exception>
    public InstrumentTrack Step(int step, DateOnly date, double close)
    {
        if (step != LastStep + 1) throw new ArgumentException($"step {step} fed after step {LastStep}", nameof(step));
        if (double.IsNaN(close)) return this with { LastStep = step };
        if (!(close > 0) || double.IsInfinity(close))
            throw new ArgumentException($"close {close} on {date:yyyy-MM-dd}", nameof(close));
        double peak = Bars == 0 ? close : Math.Max(Peak, close);
        double drawdown = close / peak - 1;
        return new InstrumentTrack
        {
            LastStep = step, Bars = Bars + 1, LastDate = date, LastClose = close, Peak = peak, Drawdown = drawdown,
            DeepestDrawdown = Bars == 0 ? drawdown : Math.Min(DeepestDrawdown, drawdown),
        };
    }
}
