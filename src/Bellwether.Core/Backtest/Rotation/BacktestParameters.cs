namespace Bellwether.Core.Backtest.Rotation;

/// <summary>The span of a backtest and where it splits into in-sample and out-of-sample.</summary>
/// <param name="Rotation">The rotation's rule and costs.</param>
/// <param name="From">First day; null: the first day every input has a value (readiness the day before).</param>
/// <param name="To">Last day; null: the last day every input has a value.</param>
/// <param name="Split">First day of the out-of-sample part; null: after <paramref name="InSampleFraction"/> of the
/// days.
/// </param>
/// <param name="InSampleFraction">Share of the days in-sample when no split date is given (0.6).</param>
/// <remarks>Checked when built. The dates are checked against each other, so they are set only by the constructor (a
/// <c>with</c> cannot put them out of order).</remarks>
public sealed record BacktestParameters(
    RotationParameters Rotation, DateOnly? From = null, DateOnly? To = null, DateOnly? Split = null,
    double InSampleFraction = 0.6)
{
    /// <summary>θ = 60, Bitcoin otherwise, 10 + 10 bp, the whole common span, 60% in-sample.</summary>
    public static BacktestParameters Default { get; } = new(new RotationParameters());

    public RotationParameters Rotation { get; init => field = Require.NotNull(value, nameof(Rotation)); }
        = Require.NotNull(Rotation, nameof(Rotation));

    /// <exception cref="ArgumentOutOfRangeException">Not in (0, 1).</exception>
    public double InSampleFraction { get; init => field = CheckFraction(value); } = CheckFraction(InSampleFraction);

    public DateOnly? From { get; } = From;

    /// <exception cref="ArgumentOutOfRangeException">Not after <see cref="From"/>.</exception>
    public DateOnly? To { get; } = From is { } f && To is { } t && t <= f
        ? throw new ArgumentOutOfRangeException(nameof(To), "must be after From") : To;

    /// <exception cref="ArgumentOutOfRangeException">Not strictly inside the span.</exception>
    public DateOnly? Split { get; } = Split is { } s && ((From is { } a && s <= a) || (To is { } b && s >= b))
        ? throw new ArgumentOutOfRangeException(nameof(Split), "must fall strictly inside the span") : Split;

    private static double CheckFraction(double fraction) => fraction is > 0 and < 1 ? fraction
        : throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "must be in (0, 1)");
}
