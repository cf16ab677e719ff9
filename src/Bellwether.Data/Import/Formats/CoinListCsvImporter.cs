using Bellwether.Core.Universe;

namespace Bellwether.Data.Import.Formats;

/// <summary>
/// Lists that classify crypto symbols: the data folder's <c>crypto/universe.csv</c> and
/// <c>crypto/exclusions_stable_wrapped.csv</c> (<c>symbol,…,is_stablecoin,is_wrapped,category</c>).
/// A list is stored under its file stem, so a user's own list can override the shipped one.
/// </summary>
public sealed class CoinListCsvImporter : IImporter
{
    public string Name => "coin-list";
    public string Description => "coin classification: symbol,[name|names_seen],is_stablecoin,is_wrapped,category,...";

    public bool CanRead(FileProbe probe)
    {
        var c = probe.Columns;
        return c.Length >= 4 && c[0] == "symbol" && c.Contains("is_stablecoin") && c.Contains("is_wrapped");
    }

    public void Read(FileProbe probe, RowContext context)
    {
        var c = probe.Columns;
        int name = Array.IndexOf(c, "name"), stable = Array.IndexOf(c, "is_stablecoin"),
            wrapped = Array.IndexOf(c, "is_wrapped");
        int category = Array.IndexOf(c, "category");
        if (name < 0) name = Array.IndexOf(c, "names_seen");
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var list = context.File.Classifications;
        HeaderedCsv.ForEachRow(probe, context, c.Length, (in CsvRow row) =>
        {
            var symbol = row.Text(0).ToUpperInvariant();
            if (symbol.Length == 0) { context.Bad(row.Line, "symbol", "empty"); return; }
            if (!TryFlag(row, stable, "is_stablecoin", out bool isStable)
                || !TryFlag(row, wrapped, "is_wrapped", out bool isWrapped)) return;
            var entry = new CoinClassification(symbol, Optional(row, name), isStable, isWrapped,
                Optional(row, category));
            if (seen.TryGetValue(symbol, out int index))
            {
                if (list[index] == entry) context.File.MergedDuplicates++;
                else context.Bad(row.Line, "symbol", $"{symbol} appears again with a different classification");
                return;
            }
            seen[symbol] = list.Count;
            list.Add(entry);
        });
        context.File.ClassificationList = probe.Stem.ToLowerInvariant();
    }

    private static string? Optional(in CsvRow row, int i) => i < 0 || row[i].IsEmpty ? null : row.Text(i);

    private static bool TryFlag(in CsvRow row, int i, string field, out bool flag)
    {
        flag = row.Is(i, "1") || row.Is(i, "true");
        if (flag || row.Is(i, "0") || row.Is(i, "false") || row[i].IsEmpty) return true;
        row.Context.Bad(row.Line, field, $"'{row.Text(i)}' is not 0/1");
        return false;
    }
}
