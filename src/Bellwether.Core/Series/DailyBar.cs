namespace Bellwether.Core.Series;

/// <summary>
/// One day of an instrument. Fields a source does not provide are <see cref="double.NaN"/>
/// (a FRED series has only <see cref="Close"/>; early BTC history has no open, high or low).
/// </summary>
/// <param name="Source">Where the row came from, e.g. <c>yahoo_usd:benjaminpo</c> or <c>fred</c>.</param>
public readonly record struct DailyBar(
    DateOnly Date, double Open, double High, double Low, double Close, double Volume, double MarketCap, string Source)
{
    /// <summary>True when every numeric field equals the other's (NaN equals NaN) and the source is the same.</summary>
    public bool SameValues(in DailyBar other) =>
        Date == other.Date && Same(Open, other.Open) && Same(High, other.High) && Same(Low, other.Low)
        && Same(Close, other.Close) && Same(Volume, other.Volume) && Same(MarketCap, other.MarketCap)
        && Source == other.Source;

    private static bool Same(double a, double b) => a.Equals(b);
}
