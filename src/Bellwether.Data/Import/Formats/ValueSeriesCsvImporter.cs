using Bellwether.Core.Calendars;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;

namespace Bellwether.Data.Import.Formats;

/// <summary>
/// A date and one value per row: the data folder's <c>macro/&lt;SERIES&gt;.csv</c> (<c>date,SERIES</c>) and
/// <c>crypto/btc_dominance.csv</c>, and FRED's own CSV download (<c>observation_date,SERIES</c> or <c>DATE,SERIES</c>).
/// FRED's <c>.</c> (an empty cell in newer downloads) for "no value" becomes a counted skip.
/// </summary>
public sealed class ValueSeriesCsvImporter(string name, params string[] dateColumns) : IImporter
{
    /// <summary>The data folder's <c>date,VALUE</c> files.</summary>
    public static ValueSeriesCsvImporter DataFolder { get; } = new("bellwether-series", "date");
    /// <summary>FRED's <c>fredgraph.csv</c> download.</summary>
    public static ValueSeriesCsvImporter Fred { get; } = new("fred", "observation_date", "DATE");

    // Units of the FRED series the thesis uses (from FRED's series notes); anything else is "unknown" and says so.
    // WTREGEN and WRESBAL are in millions like WALCL, as FRED publishes them (837,306 on 2025-12-31 is a US$ 837 bn
    // Treasury account), although the data folder's README says billions.
    private static readonly Dictionary<string, string> KnownUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DFF"] = "percent", ["FEDFUNDS"] = "percent", ["DGS10"] = "percent", ["DGS2"] = "percent",
        ["WALCL"] = "USD millions", ["WTREGEN"] = "USD millions", ["RRPONTSYD"] = "USD billions",
        ["WRESBAL"] = "USD millions", ["M2SL"] = "USD billions", ["DTWEXBGS"] = "index", ["VIXCLS"] = "index",
        ["T10Y2Y"] = "percent", ["SP500"] = "index",
    };

    public string Name => name;
    public string Description => $"one value per date: {string.Join(" or ", dateColumns)},SERIES"
        + (name == "fred" ? " (FRED download, '.' = missing)" : "");

    public bool CanRead(FileProbe probe)
    {
        var c = probe.Columns;
        return c.Length == 2 && dateColumns.Contains(c[0]) && c[1].Length > 0;
    }

    public void Read(FileProbe probe, RowContext context) => context.File.Series.Add(ReadSeries(probe, context));

    /// <summary>The series of the file (or of a download read as one), on the calendar its dates follow.</summary>
    public DailySeries ReadSeries(FileProbe probe, RowContext context)
    {
        if (probe.Columns.Length != 2) throw context.Fatal("header",
            $"expected two columns, a date and the series; found '{probe.FirstLine}'");
        var column = probe.Columns[1];
        var collector = new BarCollector(context, pricesMustBePositive: false);
        HeaderedCsv.ForEachRow(probe, context, 2, (in CsvRow row) =>
        {
            if (!row.TryDate(0, "date", out var date)) return;
            if (row.Is(1, ".") || (name == "fred" && row[1].IsEmpty))
            {
                context.Empty(row.Line, column, "no value ('.' or empty)");
                return;
            }
            if (!row.TryNumber(1, column, out double v)) return;
            var source = name == "fred" ? "fred" : "file";
            collector.Add(row.Line,
                new DailyBar(date, double.NaN, double.NaN, double.NaN, v, double.NaN, double.NaN, source));
        });
        var id = IdOf(probe.Stem, column);
        var unit = UnitOf(id, column);
        if (unit == "unknown") context.File.Notes.Add($"{id}: unit unknown; signals that need a unit will refuse it");
        var draft = collector.Build(new Instrument(id, AssetClass.MacroSeries, unit, 1, CalendarKind.UsBusiness));
        var calendar = InferCalendar(draft.Dates.AsSpan());
        return new DailySeries(draft.Instrument with { Calendar = calendar }, Enumerable.Range(0, draft.Count)
            .Select(i => draft[i]).ToList());
    }

    /// <summary>The series id: the column name for FRED-style headers, else the file stem (<c>btc_dominance</c> →
    /// <c>BTC_DOMINANCE</c>).</summary>
    private static string IdOf(string stem, string column) =>
        Instrument.IdFromStem(string.Equals(stem, column, StringComparison.OrdinalIgnoreCase) || IsSeriesCode(column)
            ? column : stem);

    private static bool IsSeriesCode(string column) => column.Length > 0
        && column.All(ch => char.IsAsciiLetterUpper(ch) || char.IsAsciiDigit(ch));

    private static string UnitOf(string id, string column)
    {
        if (KnownUnits.TryGetValue(id, out var unit)) return unit;
        if (column.EndsWith("_pct", StringComparison.OrdinalIgnoreCase)) return "percent";
        if (column.EndsWith("_usd", StringComparison.OrdinalIgnoreCase)) return "USD";
        return "unknown";
    }

    /// <summary>
    /// The calendar the dates follow: monthly when all fall on the 1st, weekly when all share a weekday,
    /// every day when weekends are common, else US business days.
    /// </summary>
    public static CalendarKind InferCalendar(ReadOnlySpan<DateOnly> dates)
    {
        if (dates.Length < 3) return CalendarKind.UsBusiness;
        bool allFirst = true, sameWeekday = true;
        int weekend = 0;
        foreach (var d in dates)
        {
            allFirst &= d.Day == 1;
            sameWeekday &= d.DayOfWeek == dates[0].DayOfWeek;
            if (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) weekend++;
        }
        if (allFirst && dates[1].DayNumber - dates[0].DayNumber >= 28) return CalendarKind.Monthly;
        if (sameWeekday) return CalendarKind.Weekly;
        return weekend * 10 > dates.Length ? CalendarKind.EveryDay : CalendarKind.UsBusiness;
    }
}
