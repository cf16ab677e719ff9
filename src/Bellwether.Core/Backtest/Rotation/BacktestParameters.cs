namespace Bellwether.Core.Backtest.Rotation;

/// <summary>The span of a backtest and where it splits into in-sample and out-of-sample.</summary>
/// <param name="Rotation">The rotation's rule and costs.</param>
/// <param name="From">First day; null: the first day every input has a value (readiness the day before).</param>
/// <param name="To">Last day; null: the last day every input has a value.</param>
/// <param name="Split">First day of the out-of-sample part; null: after <paramref name="InSampleFraction"/> of the days.</param>
/// <param name="InSampleFraction">Share of the days in-sample when no split date is given (0.6).</param>
public sealed record BacktestParameters(RotationParameters Rotation, DateOnly? From = null, DateOnly? To = null, DateOnly? Split = null, double InSampleFraction = 0.6)
{
    /// <summary>θ = 60, Bitcoin otherwise, 10 + 10 bp, the whole common span, 60% in-sample.</summary>
    public static BacktestParameters Default { get; } = new(new RotationParameters());

    /// <exception cref="ArgumentOutOfRangeException">Invalid rotation, a fraction outside (0, 1), or dates out of order.</exception>
    public BacktestParameters Validate()
    {
        Rotation.Validate();
        if (!(InSampleFraction > 0 && InSampleFraction < 1)) throw new ArgumentOutOfRangeException(nameof(InSampleFraction), InSampleFraction, "must be in (0, 1)");
        if (From is { } f && To is { } t && t <= f) throw new ArgumentOutOfRangeException(nameof(To), "must be after From");
        if (Split is { } s && ((From is { } a && s <= a) || (To is { } b && s >= b))) throw new ArgumentOutOfRangeException(nameof(Split), "must fall strictly inside the span");
        return this;
    }
}
