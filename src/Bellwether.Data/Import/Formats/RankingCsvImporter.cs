using Bellwether.Core.Universe;

namespace Bellwether.Data.Import.Formats;

/// <summary>
/// Point-in-time market-cap rankings: <c>crypto/cmc_monthly_top200_snapshots.csv</c>
/// (<c>date,rank,name,symbol,market_cap_usd,…</c>), <c>crypto/universe_membership_monthly_*.csv</c>
/// (<c>month_start,position,yahoo_ticker,symbol</c>) and daily top-N snapshot lists collected from CoinGecko's markets
/// endpoint (<c>date,snapshot_commit_utc,rank,name,symbol,price_usd</c>: order only; the capture time is kept, the
/// intraday prices are not). Each list is stored under its file stem.
/// </summary>
public sealed class RankingCsvImporter : IImporter
{
    public string Name => "ranking";
    public string Description =>
        "dated market-cap rankings: date,rank,name,symbol,market_cap_usd,...; " +
        "month_start,position,yahoo_ticker,symbol; "
                                 + "or snapshot lists date,snapshot_commit_utc,rank,name,symbol,price_usd";

    public bool CanRead(FileProbe probe)
    {
        var c = probe.Columns;
        return c.Length >= 4 && ((c[0] == "date" && c[1] == "rank" && c.Contains("symbol"))
                                 || (c[0] == "month_start" && c[1] == "position" && c.Contains("symbol"))
                                 || (c[0] == "date" && c[1] == SnapshotColumn && c[2] == "rank"
                                     && c.Contains("symbol")));
    }

    private const string SnapshotColumn = "snapshot_commit_utc";

    public void Read(FileProbe probe, RowContext context)
    {
        var c = probe.Columns;
        int symbol = Array.IndexOf(c, "symbol"), name = Array.IndexOf(c, "name"),
            marketCap = Array.IndexOf(c, "market_cap_usd");
        int snapshot = Array.IndexOf(c, SnapshotColumn), rankColumn = snapshot == 1 ? 2 : 1,
            price = Array.IndexOf(c, "price_usd");
        if (snapshot >= 0
            && price >= 0) context.File.Notes.Add("price_usd not stored: a snapshot's intraday price is not a close");
        var list = probe.Stem.ToLowerInvariant();
        var seen = new Dictionary<(DateOnly, int), int>();
        var rankings = context.File.Rankings;
        HeaderedCsv.ForEachRow(probe, context, c.Length, (in CsvRow row) =>
        {
            if (!row.TryDate(0, c[0], out var date) || !row.TryNumber(rankColumn, c[rankColumn], out double rank)
                || !row.TryNumber(marketCap, "market_cap_usd", out double mc)
                || !TrySnapshotTime(row, snapshot, out var taken))
                return;
            if (double.IsNaN(rank) || rank < 1 || rank != Math.Floor(rank))
            {
                context.Bad(row.Line, c[rankColumn], $"'{row.Text(rankColumn)}' is not a rank");
                return;
            }
            var sym = row.Text(symbol).ToUpperInvariant();
            if (sym.Length == 0) { context.Bad(row.Line, "symbol", "empty"); return; }
            var entry = new RankedCoin(date, (int)rank, sym, name >= 0 && !row[name].IsEmpty ? row.Text(name) : null,
                mc, list, taken);
            if (seen.TryGetValue((date, entry.Rank), out int index))
            {
                if (rankings[index] == entry) context.File.MergedDuplicates++;
                else context.Bad(row.Line, c[rankColumn],
                    $"rank {entry.Rank} on {date:yyyy-MM-dd} appears again with a different coin");
                return;
            }
            seen[(date, entry.Rank)] = rankings.Count;
            rankings.Add(entry);
        });
    }

    /// <summary>
    /// The capture time of a snapshot row: ISO 8601, UTC when no offset is given; empty means unknown. Reports and
    /// returns false when the field holds something else.
    /// </summary>
    private static bool TrySnapshotTime(in CsvRow row, int column, out DateTime? taken)
    {
        taken = null;
        if (column < 0 || row[column].IsEmpty) return true;
        var text = row.Text(column);
        if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal
                | System.Globalization.DateTimeStyles.AdjustToUniversal, out var t))
        {
            taken = t.UtcDateTime;
            return true;
        }
        row.Context.Bad(row.Line, SnapshotColumn,
            $"'{Csv.CsvText.Text(row[column])}' is not a UTC time (expected e.g. 2025-12-15T10:31:07Z)");
        return false;
    }
}
