using Bellwether.Core.Instruments;

namespace Bellwether.Core.Flows;

/// <summary>
/// Daily net flows of a family of ETFs (US$ millions), one column per fund. A NaN cell means "no data"
/// (a holiday row of dashes, or a blank cell), never a zero flow.
/// </summary>
/// <param name="Instrument">The table, e.g. <c>BTC_SPOT_ETF_FLOWS</c>.</param>
/// <param name="Funds">Fund tickers in column order.</param>
/// <param name="Dates">Strictly increasing dates.</param>
/// <param name="Values"><c>Values[f][i]</c> is fund <c>f</c>'s flow on <c>Dates[i]</c>.</param>
/// <param name="Total">The table's own total column (NaN where absent).</param>
/// <param name="Source">Where the table came from.</param>
public sealed record FlowTable(
    Instrument Instrument, string[] Funds, DateOnly[] Dates, double[][] Values, double[] Total, string Source)
{
    /// <summary>
    /// Per date, true where the day's flows were derived (from shares outstanding × NAV) rather than published; null
    /// when none were.
    /// </summary>
    public bool[]? Derived { get; init; }

    /// <summary>Number of dated rows.</summary>
    public int Count => Dates.Length;

    /// <summary>The column of fund <paramref name="fund"/>, or null when the table has no such fund.</summary>
    public double[]? Fund(string fund)
    {
        int f = Array.IndexOf(Funds, fund);
        return f < 0 ? null : Values[f];
    }
}
