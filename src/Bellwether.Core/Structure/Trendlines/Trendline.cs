namespace Bellwether.Core.Structure.Trendlines;

/// <summary>A dated value on or near a trendline.</summary>
public sealed record TrendlinePoint(DateOnly Date, double Value);

/// <summary>The close that broke a trendline.</summary>
/// <param name="Date">The bar.</param>
/// <param name="Close">Its close.</param>
/// <param name="LineValue">The line's value that day.</param>
public sealed record TrendlineBreak(DateOnly Date, double Close, double LineValue);

/// <summary>A trendline through two pivot anchors, straight in log price against calendar days.</summary>
/// <param name="Side">Resistance (descending, over highs) or support (ascending, under lows).</param>
/// <param name="FirstAnchor">The extreme pivot the trend starts from.</param>
/// <param name="LastAnchor">The pivot that fixes the slope.</param>
/// <param name="Touches">Pivots of the line's kind within the touch tolerance, from the first anchor to the line's end
/// (anchors included).</param>
/// <param name="SlopePctPerMonth">The line's change per average month (30.436875 days), in percent.</param>
/// <param name="End">The break date, or the as-of bar when the line holds.</param>
/// <param name="DurationMonths">Average months from the first anchor to <paramref name="End"/>.</param>
/// <param name="ValueAtAsOf">The line extended to the as-of bar.</param>
/// <param name="Break">The first close that cleared the line by the buffer after the last anchor, or null while it
/// holds.</param>
public sealed record Trendline(TrendlineSide Side, TrendlinePoint FirstAnchor, TrendlinePoint LastAnchor,
    IReadOnlyList<TrendlinePoint> Touches,
    double SlopePctPerMonth, DateOnly End, double DurationMonths, double ValueAtAsOf, TrendlineBreak? Break)
{
    /// <summary>Days in an average Gregorian month.</summary>
    public const double DaysPerMonth = 365.2425 / 12;

    /// <summary>The line's value on <paramref name="date"/> (extended either way).</summary>
    public double ValueAt(DateOnly date)
    {
        double logSlopePerDay = Math.Log(LastAnchor.Value / FirstAnchor.Value)
            / (LastAnchor.Date.DayNumber - FirstAnchor.Date.DayNumber);
        return FirstAnchor.Value * Math.Exp(logSlopePerDay * (date.DayNumber - FirstAnchor.Date.DayNumber));
    }
}
