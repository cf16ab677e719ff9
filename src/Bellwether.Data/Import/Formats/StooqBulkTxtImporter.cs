using Bellwether.Data.Csv;

namespace Bellwether.Data.Import.Formats;

/// <summary>
/// The per-ticker text files of Stooq's bulk database (<c>stooq.com/db/h/</c>, e.g. <c>data/daily/us/nyse
/// etfs/spy.us.txt</c>):
/// <c>&lt;TICKER&gt;,&lt;PER&gt;,&lt;DATE&gt;,&lt;TIME&gt;,&lt;OPEN&gt;,&lt;HIGH&gt;,&lt;LOW&gt;,&lt;CLOSE&gt;,</c>
/// <c>&lt;VOL&gt;,&lt;OPENINT&gt;</c>
/// with <c>yyyyMMdd</c> dates. The instrument comes from the <c>&lt;TICKER&gt;</c> column (<c>^RUT</c> → index
/// <c>RUT</c>, <c>SPY.US</c> → ETF <c>SPY</c>; see <see cref="Tickers.Instrument"/>); a file holding several tickers
/// gives one series each.
/// </summary>
/// <remarks>
/// Only daily rows (<c>&lt;PER&gt;</c> = <c>D</c>) are read: any other period stops the import. <c>&lt;TIME&gt;</c> and
/// <c>&lt;OPENINT&gt;</c> are not stored.
/// </remarks>
public sealed class StooqBulkTxtImporter : IImporter
{
    private const string Header = "<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>";

    public string Name => "stooq-bulk";
    public string Description =>
        "Stooq bulk text: <TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT> (yyyyMMdd, daily " +
        "only)";

    public bool CanRead(FileProbe probe) => probe.FirstLine.Replace(" ", "")
        .StartsWith("<TICKER>,<PER>,<DATE>", StringComparison.OrdinalIgnoreCase);

    public void Read(FileProbe probe, RowContext context)
    {
        if (!probe.FirstLine.Replace(" ", "").Equals(Header, StringComparison.OrdinalIgnoreCase))
            throw context.Fatal("header", $"expected {Header}; found {probe.FirstLine}");
        var tickers = new Dictionary<string, ExportedBars>(StringComparer.OrdinalIgnoreCase);
        HeaderedCsv.ForEachRow(probe, context, 10, (in CsvRow row) =>
        {
            if (!row.Is(1, "D")) throw context.Fatal("<PER>",
                $"period '{row.Text(1)}' is not daily (D); Bellwether stores daily bars only", row.Line);
            var ticker = row.Text(0);
            if (ticker.Length == 0) { context.Bad(row.Line, "<TICKER>", "empty"); return; }
            if (!CsvText.TryParseCompactDate(row[2], out var date))
            {
                context.Bad(row.Line, "<DATE>", $"'{row.Text(2)}' is not a date (expected yyyyMMdd)");
                return;
            }
            if (!row.TryNumber(4, "<OPEN>", out double o) || !row.TryNumber(5, "<HIGH>", out double h)
                || !row.TryNumber(6, "<LOW>", out double l)
                || !row.TryNumber(7, "<CLOSE>", out double c) || !row.TryNumber(8, "<VOL>", out double v))
                return;
            if (!tickers.TryGetValue(ticker, out var bars)) tickers[ticker] = bars = new ExportedBars(context, "stooq",
                hasVolume: true, zeroVolumeIsNone: true);
            bars.Add(row.Line, date, o, h, l, c, v);
        });
        foreach (var (ticker, bars) in tickers.OrderBy(t => t.Key,
            StringComparer.Ordinal)) context.File.Series.Add(bars.Build(ticker));
    }
}
