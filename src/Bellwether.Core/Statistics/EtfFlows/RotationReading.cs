namespace Bellwether.Core.Statistics.EtfFlows;

/// <summary>How two families of funds moved against each other over a window.</summary>
public enum RotationKind
{
    /// <summary>The "into" family took money while the "out of" family lost it.</summary>
    Rotation,

    /// <summary>The other way round: the "out of" family took money while the "into" family lost it.</summary>
    Reverse,

    /// <summary>Both took money.</summary>
    BothInflow,

    /// <summary>Both lost money.</summary>
    BothOutflow,

    /// <summary>At least one had exactly zero net flow.</summary>
    Flat,
}

/// <summary>The net flows of both families over a span of shared flow days.</summary>
/// <param name="From">The first shared flow day of the span.</param>
/// <param name="To">The last.</param>
/// <param name="Days">Shared flow days in the span.</param>
/// <param name="IntoSum">Net flow of the "into" family (US$ millions).</param>
/// <param name="OutOfSum">Net flow of the "out of" family.</param>
/// <param name="Kind">How they moved against each other.</param>
/// <param name="Rotated">
/// For <see cref="RotationKind.Rotation"/>, the money that can have moved across: <c>min(IntoSum, −OutOfSum)</c>;
/// for <see cref="RotationKind.Reverse"/>, the same amount the other way, negative; otherwise 0.
/// </param>
public sealed record RotationSpan(DateOnly From, DateOnly To, int Days, double IntoSum, double OutOfSum,
    RotationKind Kind, double Rotated);

/// <summary>A rotation reading: "ETH funds took money while BTC funds lost it, and how much".</summary>
/// <param name="Into">The family money would rotate into (e.g. ETH_SPOT_ETF_FLOWS).</param>
/// <param name="OutOf">The family it would rotate out of (e.g. BTC_SPOT_ETF_FLOWS).</param>
/// <param name="Window">The whole window: the last N flow days both families share on or before the as-of date.</param>
/// <param name="RotationDays">Days of the window on which "into" took money while "out of" lost it.</param>
/// <param name="IntoOnRotationDays">Net flow of "into" on those days.</param>
/// <param name="OutOfOnRotationDays">Net flow of "out of" on those days.</param>
/// <param name="Weeks">The window cut into calendar weeks (Monday to Sunday), oldest first; the first may be
/// partial.</param>
public sealed record RotationReading(
    string Into, string OutOf, RotationSpan Window, int RotationDays, double IntoOnRotationDays,
    double OutOfOnRotationDays, IReadOnlyList<RotationSpan> Weeks);
