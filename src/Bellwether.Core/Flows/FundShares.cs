using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;

namespace Bellwether.Core.Flows;

/// <summary>One fund's shares outstanding and NAV on one day, as a fund family publishes them.</summary>
/// <param name="Date">The day.</param>
/// <param name="Ticker">The fund, upper case.</param>
/// <param name="SharesOutstanding">Shares outstanding (NaN: not given).</param>
/// <param name="Nav">Net asset value per share, US$ (NaN: not given).</param>
/// <param name="Price">Market price per share, US$ (NaN: not given).</param>
/// <param name="NetFlowMusd">The day's net flow as published, US$ millions (NaN: not given).</param>
public sealed record FundShareDay(DateOnly Date, string Ticker, double SharesOutstanding, double Nav, double Price,
    double NetFlowMusd);

/// <summary>
/// A fund's daily net flows from its shares outstanding and NAV: the published net flow where there is one, else
/// Δshares_out × NAV (creations minus redemptions at the day's NAV), marked derived. A flow is derived only from the
/// previous NYSE session's shares: after a gap or on the first row it stays missing, never spread or guessed.
/// </summary>
public static class FundShares
{
    /// <summary>The id of the flow table of <paramref name="ticker"/>, e.g. <c>IWM_ETF_FLOWS</c>.</summary>
    public static string FlowTableId(string ticker) => $"{ticker.ToUpperInvariant()}_ETF_FLOWS";

    /// <summary>The source of a flow derived from shares outstanding and NAV.</summary>
    public const string DerivedSource = "derived: Δshares_out × NAV";

    private static readonly TradingCalendar Sessions = new(CalendarKind.UsEquity);

    /// <summary>
    /// The flow table of one fund (<paramref name="days"/> of one ticker, dates strictly increasing): one fund column,
    /// its total equal to it, <see cref="FlowTable.Derived"/> set on derived days. Days whose flow can be neither read
    /// nor derived are left out and returned.
    /// </summary>
    /// <exception cref="ArgumentException">The days are not of one ticker in strictly increasing date
    /// order.</exception>
    public static (FlowTable Table, List<FundShareDay> WithoutFlow) Flows(IReadOnlyList<FundShareDay> days,
        string source)
    {
        var dates = new List<DateOnly>();
        var flows = new List<double>();
        var derived = new List<bool>();
        var without = new List<FundShareDay>();
        for (int i = 0; i < days.Count; i++)
        {
            var d = days[i];
            if (i > 0 && (d.Ticker != days[0].Ticker || d.Date <= days[i - 1].Date))
                throw new ArgumentException("days must be of one ticker in increasing date order", nameof(days));
            double flow = d.NetFlowMusd;
            bool isDerived = false;
            if (double.IsNaN(flow) && i > 0 && PreviousSession(d.Date) == days[i - 1].Date)
            {
                flow = (d.SharesOutstanding - days[i - 1].SharesOutstanding) * d.Nav / 1e6;
                isDerived = !double.IsNaN(flow);
            }
            if (double.IsNaN(flow)) { without.Add(d); continue; }
            dates.Add(d.Date);
            flows.Add(flow);
            derived.Add(isDerived);
        }
        var ticker = days.Count > 0 ? days[0].Ticker : "";
        var instrument = new Instrument(FlowTableId(ticker), AssetClass.EtfFlows, "USD millions", 1,
            CalendarKind.UsEquity);
        var values = flows.ToArray();
        return (new FlowTable(instrument, [ticker], [.. dates], [values], [.. values],
            source)
        { Derived = [.. derived] }, without);
    }

    private static DateOnly PreviousSession(DateOnly date)
    {
        var d = date.AddDays(-1);
        while (!Sessions.IsSession(d)) d = d.AddDays(-1);
        return d;
    }
}
