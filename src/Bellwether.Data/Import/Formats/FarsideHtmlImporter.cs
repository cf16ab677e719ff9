using System.Text;

namespace Bellwether.Data.Import.Formats;

/// <summary>
/// A Farside Investors ETF-flow page saved as HTML (<c>farside.co.uk/bitcoin-etf-flow-all-data/</c> and the like):
/// a <c>&lt;table&gt;</c> with a header row of fund tickers ending in <c>Total</c>, then one row per day
/// (<c>11 Jan 2024</c>) in US$ millions. Read into the same <see cref="Core.Flows.FlowTable"/> as
/// <see cref="FlowsCsvImporter"/>, with the same cell rules (<see cref="FarsideCells"/>): <c>(95.1)</c> is −95.1,
/// <c>-</c> is no data, a row of dashes is a holiday (a counted skip, never zero flows), and the footer rows
/// <c>Total</c>, <c>Average</c>, <c>Maximum</c>, <c>Minimum</c> are counted skips.
/// </summary>
/// <remarks>
/// The table read is the <see cref="FarsidePage"/> flow table (rows above its first date are not data, and a note
/// counts them). The instrument id is the file stem in upper case with every run of
/// other characters than letters and digits turned into <c>_</c>: save the page as
/// <c>btc_spot_etf_flows_daily.html</c> to update the data folder's <c>BTC_SPOT_ETF_FLOWS</c>.
/// </remarks>
public sealed class FarsideHtmlImporter : IImporter
{
    public string Name => "farside-html";
    public string Description =>
        "Farside ETF-flow page saved as HTML: <table> of funds + Total, '11 Jan 2024' rows, (95.1) negative, '-' no " +
        "data";

    public bool CanRead(FileProbe probe) =>
        probe.Extension is ".html" or ".htm"
        && FarsidePage.Find(Encoding.UTF8.GetString(probe.Content.Span)) is not null;

    public void Read(FileProbe probe, RowContext context)
    {
        var page = FarsidePage.Find(Encoding.UTF8.GetString(probe.Content.Span))
            ?? throw context.Fatal("table",
                "no <table> with a header row ending in 'Total' above rows dated like '11 Jan 2024'");
        context.File.Flows.Add(page.Read(context, IdOf(probe.Stem), "farside-html"));
        if (page.FirstDated > 1)
            context.File.Notes.Add(
                $"{page.FirstDated} rows above the first date are headers (fund names from line " +
                $"{page.Rows[page.Header].Line}), not data");
        if (page.OtherTables > 0) context.File.Notes.Add(
            $"{page.OtherTables} other flow tables in the page were not read");
    }

    /// <summary>The instrument id of a saved page: <c>Bitcoin ETF Flow – All Data</c> →
    /// <c>BITCOIN_ETF_FLOW_ALL_DATA</c>.</summary>
    public static string IdOf(string stem)
    {
        var id = new StringBuilder(stem.Length);
        foreach (var ch in stem.ToUpperInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch)) id.Append(ch);
            else if (id.Length > 0 && id[^1] != '_') id.Append('_');
        }
        return Core.Instruments.Instrument.IdFromStem(id.ToString().TrimEnd('_'));
    }
}
