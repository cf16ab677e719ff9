namespace Bellwether.Core.Statistics.EtfFlows;

/// <summary>A fund of the table: when it launched and what it has gathered since.</summary>
/// <param name="Fund">The ticker.</param>
/// <param name="Launched">Its first day with a non-zero flow; null when it has none yet (zeros before that day mean
/// "not launched", not "no flow").</param>
/// <param name="Cumulative">Net flow since launch (0 when not launched).</param>
/// <param name="DaysWithoutValue">Flow days since launch on which the fund has no value.</param>
public sealed record FundSummary(string Fund, DateOnly? Launched, double Cumulative, int DaysWithoutValue);

/// <summary>A row of the table that is not a flow day.</summary>
/// <param name="Date">The row's date.</param>
/// <param name="Reason">Why it was left out.</param>
public sealed record ExcludedRow(DateOnly Date, string Reason);

/// <summary>A day on which the fund columns do not add up to the table's total.</summary>
public sealed record TotalMismatch(DateOnly Date, double FundSum, double TableTotal);

/// <summary>The daily flow history of a family of ETFs, with everything that was left out or looked wrong.</summary>
/// <param name="Id">The flow table.</param>
/// <param name="Unit">The unit of every amount (the table's, normally <c>USD millions</c>).</param>
/// <param name="Parameters">The windows and tolerance used.</param>
/// <param name="Days">Flow days, oldest first.</param>
/// <param name="Funds">Every fund of the table, in column order.</param>
/// <param name="Excluded">Rows that are not flow days: no value at all, or a closed-market day with nothing but
/// zeros.</param>
/// <param name="ClosedDaysWithFlow">Rows on days the table's calendar says are closed that still carry a non-zero flow
/// (kept).</param>
/// <param name="Mismatches">Days whose fund sum differs from the table's total by more than the tolerance.</param>
public sealed record EtfFlowHistory(
    string Id, string Unit, FlowParameters Parameters, IReadOnlyList<FlowDay> Days, IReadOnlyList<FundSummary> Funds,
    IReadOnlyList<ExcludedRow> Excluded, IReadOnlyList<DateOnly> ClosedDaysWithFlow,
    IReadOnlyList<TotalMismatch> Mismatches)
{
    /// <summary>The days whose total is incomplete because a launched fund has no value.</summary>
    public IEnumerable<DateOnly> PartialDays => Days.Where(d => d.Partial).Select(d => d.Date);
}
