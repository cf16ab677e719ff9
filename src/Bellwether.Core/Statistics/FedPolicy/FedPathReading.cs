namespace Bellwether.Core.Statistics.FedPolicy;

/// <summary>The fed funds path as of a date.</summary>
/// <param name="AsOf">The date asked for; only observations dated on or before it were used.</param>
/// <param name="RateDate">The date of the latest observation.</param>
/// <param name="Rate">The latest effective rate (%).</param>
/// <param name="LastChange">The latest confirmed move, or null when none is known.</param>
/// <param name="DaysSinceLastChange">Calendar days from that move's effective date to <paramref name="AsOf"/>.</param>
/// <param name="Cuts6M">Cuts dated in the six months up to <paramref name="AsOf"/> (after <c>AsOf − 6
/// months</c>).</param>
/// <param name="Hikes6M">Hikes dated in the six months up to <paramref name="AsOf"/>.</param>
/// <param name="Cuts12M">Cuts dated in the twelve months up to <paramref name="AsOf"/>.</param>
/// <param name="Hikes12M">Hikes dated in the twelve months up to <paramref name="AsOf"/>.</param>
/// <param name="NetChange12M">Sum of the sizes of the moves in the twelve months (pp).</param>
/// <param name="Regime">Easing, tightening or on hold.</param>
/// <param name="Pending">A move that has started but is not confirmed yet, or null.</param>
/// <param name="Changes12M">The moves of the trailing twelve months, oldest first.</param>
public sealed record FedPathReading(
    DateOnly AsOf, DateOnly RateDate, double Rate, RateChange? LastChange, int? DaysSinceLastChange,
    int Cuts6M, int Hikes6M, int Cuts12M, int Hikes12M, double NetChange12M, FedRegime Regime,
    PendingRateChange? Pending, IReadOnlyList<RateChange> Changes12M);
