using Bellwether.Core.Flows;
using Bellwether.Data.Csv;

namespace Bellwether.Data.Import.Formats;

/// <summary>
/// ETF shares outstanding and NAV, one row per fund and day: <c>date,ticker,shares_out,nav,price,net_flow_musd</c>.
/// Each fund becomes a flow table <c>TICKER_ETF_FLOWS</c> (US$ millions): the published net flow, or where it is empty
/// Δshares_out × NAV from the previous session, stored as derived. A day whose flow can be neither read nor derived
/// (the first row, a gap, a missing NAV) is a counted skip.
/// </summary>
public sealed class FundSharesCsvImporter : IImporter
{
    private static readonly string[] Header = ["date", "ticker", "shares_out", "nav", "price", "net_flow_musd"];

    public string Name => "etf-shares";
    public string Description =>
        "ETF shares outstanding and NAV: date,ticker,shares_out,nav,price,net_flow_musd (empty flow: derived)";

    public bool CanRead(FileProbe probe) => probe.Columns.AsSpan().SequenceEqual(Header);

    public void Read(FileProbe probe, RowContext context)
    {
        var byTicker = new SortedDictionary<string, SortedDictionary<DateOnly, (int Line,
            FundShareDay Day)>>(StringComparer.Ordinal);
        HeaderedCsv.ForEachRow(probe, context, Header.Length, (in CsvRow row) =>
        {
            if (!row.TryDate(0, "date", out var date)) return;
            var ticker = row.Text(1).ToUpperInvariant();
            if (ticker.Length == 0) { context.Bad(row.Line, "ticker", "empty"); return; }
            if (!TryAmount(row, 2, out double shares) || !TryAmount(row, 3, out double nav)
                || !TryAmount(row, 4, out double price)
                || !row.TryNumber(5, "net_flow_musd", out double flow))
                return;
            if (double.IsNaN(shares)) { context.Bad(row.Line, "shares_out", "empty"); return; }
            if (double.IsNaN(flow) && double.IsNaN(nav))
            {
                context.Bad(row.Line, "nav", "empty, and no net_flow_musd to use instead");
                return;
            }
            var day = new FundShareDay(date, ticker, shares, nav, price, flow);
            if (!byTicker.TryGetValue(ticker, out var days)) byTicker[ticker] = days = [];
            if (days.TryGetValue(date, out var earlier))
            {
                if (earlier.Day == day) context.File.MergedDuplicates++;
                else context.Bad(row.Line, "date",
                    $"{ticker} on {date:yyyy-MM-dd} appears again with different values (first on line {earlier.Line}" +
                    $")");
                return;
            }
            days[date] = (row.Line, day);
        });
        foreach (var (_, days) in byTicker)
        {
            var rows = days.Values.Select(v => v.Day).ToList();
            var (table, withoutFlow) = FundShares.Flows(rows, "file");
            foreach (var d in withoutFlow)
                context.Empty(days[d.Date].Line, "net_flow_musd",
                    $"{d.Ticker} on {d.Date:yyyy-MM-dd}: no published flow, and no shares outstanding on the " +
                    $"previous session to derive one");
            context.File.FundShares.AddRange(rows);
            if (table.Count > 0) context.File.Flows.Add(table);
        }
    }

    /// <summary>A share count or price: empty is NaN, otherwise it must be a number at least 0 (shares) or above 0
    /// (prices).</summary>
    private static bool TryAmount(in CsvRow row, int i, out double value)
    {
        if (!row.TryNumber(i, Header[i], out value)) return false;
        if (double.IsNaN(value) || (i == 2 ? value >= 0 : value > 0)) return true;
        row.Context.Bad(row.Line, Header[i], $"{value} is not {(i == 2 ? "a share count" : "a positive price")}");
        return false;
    }
}
