namespace Bellwether.Core.Structure.Resistance;

/// <summary>The prior multi-year high standing at one bar.</summary>
/// <param name="Price">The highest close (or high) in the lookback.</param>
/// <param name="Date">The bar that set it (the earliest, on a tie).</param>
/// <param name="Index">That bar's row.</param>
/// <param name="Unbroken">True when no close since then cleared it by the breakout buffer (only the excluded recent
/// bars can).</param>
public sealed record MultiYearHigh(double Price, DateOnly Date, int Index, bool Unbroken);
