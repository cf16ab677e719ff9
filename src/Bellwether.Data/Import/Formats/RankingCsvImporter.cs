using Bellwether.Core.Universe;

namespace Bellwether.Data.Import.Formats;

/// <summary>
/// Point-in-time market-cap rankings: <c>crypto/cmc_monthly_top200_snapshots.csv</c>
/// (<c>date,rank,name,symbol,market_cap_usd,…</c>) and <c>crypto/universe_membership_monthly_*.csv</c>
/// (<c>month_start,position,yahoo_ticker,symbol</c>). Each list is stored under its file stem.
/// </summary>
public sealed class RankingCsvImporter : IImporter
{
    public string Name => "ranking";
    public string Description => "dated market-cap rankings: date,rank,name,symbol,market_cap_usd,... or month_start,position,yahoo_ticker,symbol";

    public bool CanRead(FileProbe probe)
    {
        var c = probe.Columns;
        return c.Length >= 4 && ((c[0] == "date" && c[1] == "rank" && c.Contains("symbol"))
                                 || (c[0] == "month_start" && c[1] == "position" && c.Contains("symbol")));
    }

    public void Read(FileProbe probe, RowContext context)
    {
        var c = probe.Columns;
        int symbol = Array.IndexOf(c, "symbol"), name = Array.IndexOf(c, "name"), marketCap = Array.IndexOf(c, "market_cap_usd");
        var list = probe.Stem.ToLowerInvariant();
        var seen = new Dictionary<(DateOnly, int), int>();
        var rankings = context.File.Rankings;
        HeaderedCsv.ForEachRow(probe, context, c.Length, (in CsvRow row) =>
        {
            if (!row.TryDate(0, c[0], out var date) || !row.TryNumber(1, c[1], out double rank) || !row.TryNumber(marketCap, "market_cap_usd", out double mc))
                return;
            if (double.IsNaN(rank) || rank < 1 || rank != Math.Floor(rank)) { context.Bad(row.Line, c[1], $"'{row.Text(1)}' is not a rank"); return; }
            var sym = row.Text(symbol).ToUpperInvariant();
            if (sym.Length == 0) { context.Bad(row.Line, "symbol", "empty"); return; }
            var entry = new RankedCoin(date, (int)rank, sym, name >= 0 && !row[name].IsEmpty ? row.Text(name) : null, mc, list);
            if (seen.TryGetValue((date, entry.Rank), out int index))
            {
                if (rankings[index] == entry) context.File.MergedDuplicates++;
                else context.Bad(row.Line, c[1], $"rank {entry.Rank} on {date:yyyy-MM-dd} appears again with a different coin");
                return;
            }
            seen[(date, entry.Rank)] = rankings.Count;
            rankings.Add(entry);
        });
    }
}
