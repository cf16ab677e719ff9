namespace Bellwether.Core.Statistics.EtfFlows;

/// <summary>One flow day of a family of ETFs (US$ millions).</summary>
/// <param name="Date">The day.</param>
/// <param name="Total">The day's net flow: the sum of the funds that reported (launched funds with a value).</param>
/// <param name="TableTotal">The table's own total column that day (NaN when absent), kept for the cross-check.</param>
/// <param name="FundsReporting">Launched funds with a value that day.</param>
/// <param name="Partial">True when a launched fund has no value that day, so <paramref name="Total"/> is
/// incomplete.</param>
/// <param name="ShortSum">Sum of the last <c>ShortWindow</c> flow days' totals, NaN until that many exist.</param>
/// <param name="LongSum">Sum of the last <c>LongWindow</c> flow days' totals, NaN until that many exist.</param>
/// <param name="Cumulative">Sum of all totals since the table's first flow day.</param>
/// <param name="Streak">+k: the k-th inflow day in a row; −k: the k-th outflow day in a row; 0: no net flow.</param>
public sealed record FlowDay(
    DateOnly Date, double Total, double TableTotal, int FundsReporting, bool Partial,
    double ShortSum, double LongSum, double Cumulative, int Streak);
