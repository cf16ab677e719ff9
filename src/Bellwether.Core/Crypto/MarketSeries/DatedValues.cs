namespace Bellwether.Core.Crypto.MarketSeries;

/// <summary>A named series of dated values (strictly increasing dates), e.g. the ETH/BTC ratio or Bitcoin
/// dominance.</summary>
/// <param name="Name">What the values are, e.g. <c>ETH/BTC</c>.</param>
/// <param name="Unit">Their unit, e.g. <c>BTC per ETH</c> or <c>percent</c>.</param>
/// <param name="Dates">Strictly increasing dates.</param>
/// <param name="Values">One value per date.</param>
public sealed record DatedValues(string Name, string Unit, DateOnly[] Dates, double[] Values)
{
    /// <summary>Number of values.</summary>
    public int Count => Dates.Length;

    /// <summary>The value dated <paramref name="date"/>, NaN when there is none.</summary>
    public double On(DateOnly date) => Array.BinarySearch(Dates, date) is var i and >= 0 ? Values[i] : double.NaN;

    /// <summary>The latest value dated on or before <paramref name="date"/> with its date, or null (never a later
    /// one).</summary>
    public (DateOnly Date, double Value)? LatestOnOrBefore(DateOnly date)
    {
        int i = Array.BinarySearch(Dates, date);
        if (i < 0) i = ~i - 1;
        return i >= 0 ? (Dates[i], Values[i]) : null;
    }
}
