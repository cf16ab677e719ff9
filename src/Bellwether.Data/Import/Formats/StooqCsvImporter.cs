namespace Bellwether.Data.Import.Formats;

/// <summary>
/// Stooq's CSV download (<c>stooq.com/q/d/l/?s=spy.us&amp;i=d</c>): <c>Date,Open,High,Low,Close[,Volume]</c>, or the
/// Polish site's <c>Data,Otwarcie,Najwyzszy,Najnizszy,Zamkniecie[,Wolumen]</c>; no adjusted close, no volume for some
/// indices (the column, or the field on old rows, is left out; a volume of 0 is Stooq's "none": both are missing). The
/// ticker is the file name, as Stooq saves it or as the symbol:
/// <c>^rut_d.csv</c> or <c>^rut.csv</c> → index <c>RUT</c>; <c>spy_us_d.csv</c> or <c>spy.us.csv</c> → ETF
/// <c>SPY</c> (see <see cref="Tickers.Instrument"/>).
/// </summary>
/// <remarks>
/// Stooq answers an over-quota or unknown-symbol request with HTTP 200 and a line of text instead of data
/// (<c>Exceeded the daily hits limit</c>, <c>No data</c>); a file holding that is recognised and reported as such.
/// Also reads any plain <c>Date,Open,High,Low,Close[,Volume]</c> file. Empty cells are missing values, with the
/// rules of <see cref="ExportedBars"/>.
/// </remarks>
public sealed class StooqCsvImporter : IImporter
{
    private static readonly string[] Prices = ["Date", "Open", "High", "Low", "Close"];
    private static readonly string[] RefusalMessages = ["Exceeded the daily hits limit", "No data"];

    public string Name => "stooq-csv";
    public string Description =>
        "Stooq download: Date,Open,High,Low,Close[,Volume] (id from file name: ^rut_d.csv -> RUT, spy_us_d.csv -> SPY)";

    public bool CanRead(FileProbe probe)
    {
        if (probe.Extension == ".csv"
            && RefusalMessages.Any(m => probe.FirstLine.StartsWith(m, StringComparison.OrdinalIgnoreCase))) return true;
        var c = probe.Columns;
        return (c.Length == 5 || (c.Length == 6 && ExportedBars.Names(c[5], "Volume")))
               && Prices.Select((field, i) => ExportedBars.Names(c[i], field)).All(same => same);
    }

    public void Read(FileProbe probe, RowContext context)
    {
        if (RefusalMessages.Any(m => probe.FirstLine.StartsWith(m, StringComparison.OrdinalIgnoreCase)))
            throw context.Fatal("content",
                $"Stooq sent the message '{probe.FirstLine.Trim()}' instead of prices; download the file again", 1);
        var bars = new ExportedBars(context, "stooq", hasVolume: probe.Columns.Length > 5, zeroVolumeIsNone: true);
        bars.ReadCsv(probe, []);
        context.File.Series.Add(bars.Build(TickerOf(probe.Stem)));
    }

    /// <summary>
    /// The Stooq symbol a file stem stands for: Stooq saves <c>spy.us</c> as <c>spy_us_d.csv</c> (dots become
    /// underscores, <c>_d</c> marks daily data), so <c>spy_us_d</c> → <c>spy.us</c>, <c>^rut_d</c> → <c>^rut</c>.
    /// </summary>
    public static string TickerOf(string stem)
    {
        var s = stem.EndsWith("_d", StringComparison.OrdinalIgnoreCase) ? stem[..^2] : stem;
        int underscore = s.LastIndexOf('_');
        // A one- or two-letter last part is a market suffix (us, uk, de, v), not part of the symbol.
        if (underscore > 0 && s.Length - underscore - 1 is 1 or 2 && s[(underscore + 1)..].All(char.IsAsciiLetter))
            s = s[..underscore] + "." + s[(underscore + 1)..];
        return s;
    }
}
