using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Flows;
using Bellwether.Core.Releases;
using Bellwether.Core.Series;
using Bellwether.Core.Universe;

namespace Bellwether.Data.Import;

/// <summary>Everything read from one file, before it reaches the store, with the account of what was left
/// out.</summary>
public sealed class ParsedFile(string path, string format)
{
    public string Path { get; } = path;
    /// <summary>The importer that read the file (see <see cref="Importers"/>).</summary>
    public string Format { get; } = format;
    /// <summary>Data rows read (header and blank lines excluded).</summary>
    public int RowsRead { get; set; }
    /// <summary>Rows identical to an earlier row of the same date, merged into it.</summary>
    public int MergedDuplicates { get; set; }
    public List<RowSkip> Skipped { get; } = [];
    /// <summary>Bad input found without <c>--skip-bad</c> (listed up to <see cref="RowContext.MaxProblemsListed"/>):
    /// the file fails.</summary>
    public List<RowSkip> Problems { get; } = [];
    /// <summary>Problems beyond those listed.</summary>
    public int UnlistedProblems { get; set; }
    /// <summary>Things the user should know that are not problems (a column not stored, an inferred unit).</summary>
    public List<string> Notes { get; } = [];
    public List<DailySeries> Series { get; } = [];
    public List<FlowTable> Flows { get; } = [];
    public List<CoinClassification> Classifications { get; } = [];
    /// <summary>Name of the classification list, e.g. <c>universe</c> or <c>exclusions</c>.</summary>
    public string? ClassificationList { get; set; }
    public List<RankedCoin> Rankings { get; } = [];
    /// <summary>Dated vintages of series values (FRED's <c>realtime_start</c>), stored beside the series' latest
    /// values.</summary>
    public List<SeriesVintages> Vintages { get; } = [];
    /// <summary>Funds' shares outstanding and NAV as the file gives them (their flows are in
    /// <see cref="Flows"/>).</summary>
    public List<FundShareDay> FundShares { get; } = [];
    /// <summary>Published index readings: a reference series, stored apart from computed values.</summary>
    public List<PublishedReading> PublishedReadings { get; } = [];

    /// <summary>
    /// Leaves out the series and flow tables without a row (a header-only file, or every row skipped), with a note:
    /// an import never creates an instrument without data.
    /// </summary>
    public void DropEmpty()
    {
        foreach (var id in Series.Where(s => s.Count == 0).Select(s => s.Instrument.Id)
                     .Concat(Flows.Where(f => f.Count == 0).Select(f => f.Instrument.Id)))
            Notes.Add($"{id}: no data rows{(RowsRead > 0 ? " left" : "")}; nothing stored");
        Series.RemoveAll(s => s.Count == 0);
        Flows.RemoveAll(f => f.Count == 0);
        if (Classifications.Count == 0 && ClassificationList is { } list)
        {
            Notes.Add($"{list}: no data rows{(RowsRead > 0 ? " left" : "")}; nothing stored");
            ClassificationList = null;
        }
    }

    /// <summary>Rows kept for the store.</summary>
    public int RowsKept =>
        Series.Sum(s => s.Count) + Flows.Sum(f => f.Count) + Classifications.Count + Rankings.Count + FundShares.Count
        + PublishedReadings.Count;
}
