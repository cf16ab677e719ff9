namespace Bellwether.Data.Import.Formats;

/// <summary>
/// Yahoo Finance's CSV download, <c>Date,Open,High,Low,Close,Adj Close,Volume</c>, one ticker per file named
/// after it: <c>^RUT.csv</c> → index <c>RUT</c>, <c>IWM.csv</c> → ETF <c>IWM</c>, <c>BTC-USD.csv</c> → crypto
/// <c>BTC</c> quoted in USD on every UTC day (see <see cref="Tickers.Instrument"/>).
/// </summary>
/// <remarks>
/// <c>Close</c> is stored: Yahoo adjusts it for splits, not dividends. <c>Adj Close</c> (also dividend-adjusted)
/// is not stored, and the import report says so. <c>null</c> cells are missing values: a row of nulls is a counted
/// skip; a row with a close but a null open, high, low or volume is kept with those fields missing and counted in
/// a note; a null close with other prices given is bad input (see <see cref="ExportedBars"/>).
/// </remarks>
public sealed class YahooCsvImporter : IImporter
{
    private static readonly string[] Required = ["Date", "Open", "High", "Low", "Close", "Adj Close"];

    public string Name => "yahoo-csv";
    public string Description =>
        "Yahoo Finance download: Date,Open,High,Low,Close,Adj Close,Volume ('null' = missing; id from file name)";

    public bool CanRead(FileProbe probe)
    {
        var c = probe.Columns;
        return Required.All(name => c.Contains(name, StringComparer.OrdinalIgnoreCase));
    }

    public void Read(FileProbe probe, RowContext context)
    {
        bool hasVolume = probe.Columns.Contains("Volume", StringComparer.OrdinalIgnoreCase);
        var bars = new ExportedBars(context, "yahoo", hasVolume);
        bars.ReadCsv(probe, ["null"]);
        var series = bars.Build(probe.Stem);
        context.File.Series.Add(series);
        context.File.Notes.Add(
            $"{series.Instrument.Id}: Close (split-adjusted) is stored; Adj Close (also dividend-adjusted) is not");
    }
}
