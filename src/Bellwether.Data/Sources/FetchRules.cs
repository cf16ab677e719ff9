using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Data.Import;

namespace Bellwether.Data.Sources;

/// <summary>Rules every source applies: which days are finished, how a fetched instrument meets the stored one.</summary>
public static class FetchRules
{
    /// <summary>
    /// True when the US equity session of <paramref name="date"/> is over at <paramref name="now"/>: from 17:00 New York
    /// time that day (an hour after the close, so the closing auction has printed). US daylight-saving rules since 2007.
    /// </summary>
    public static bool UsSessionFinished(DateOnly date, DateTimeOffset now)
    {
        var closeLocal = date.ToDateTime(new TimeOnly(17, 0));
        var offset = IsUsDaylightTime(closeLocal) ? TimeSpan.FromHours(-4) : TimeSpan.FromHours(-5);
        return now >= new DateTimeOffset(closeLocal, offset);
    }

    // Daylight time runs from the second Sunday of March to the first Sunday of November (local 2:00).
    private static bool IsUsDaylightTime(DateTime local)
    {
        var start = NthSunday(local.Year, 3, 2).AddHours(2);
        var end = NthSunday(local.Year, 11, 1).AddHours(2);
        return local >= start && local < end;
    }

    private static DateTime NthSunday(int year, int month, int n)
    {
        var first = new DateTime(year, month, 1);
        int offset = ((int)DayOfWeek.Sunday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 7 * (n - 1));
    }

    /// <summary>
    /// The instrument to store: the stored one when there is one (its calendar was inferred from the whole history, which an
    /// incremental fetch does not have), with the fetched quote unit added when it is new (<c>USD</c> + <c>USDT</c> → <c>USD|USDT</c>).
    /// </summary>
    public static Instrument Merge(Instrument? stored, Instrument fetched)
    {
        if (stored is null) return fetched;
        var units = new SortedSet<string>(stored.QuoteUnit.Split('|'), StringComparer.Ordinal);
        return units.Add(fetched.QuoteUnit) && stored.Class == AssetClass.Crypto ? stored with { QuoteUnit = string.Join('|', units) } : stored;
    }

    /// <summary>Builds the series from the collector under the merged instrument and adds it to the file.</summary>
    public static void AddSeries(ParsedFile file, BarCollector collector, FetchTarget target, Instrument fetched, int dropped, string droppedWhy)
    {
        var series = collector.Build(Merge(target.Stored, fetched));
        file.Series.Add(series);
        if (dropped > 0) file.Notes.Add($"{target.Instrument.Id}: {dropped} row(s) not stored: {droppedWhy}");
    }

    /// <summary>Date windows of at most <paramref name="maxDays"/> days covering <paramref name="from"/>..<paramref name="to"/> (one window when 0).</summary>
    public static IEnumerable<(DateOnly From, DateOnly To)> Windows(DateOnly from, DateOnly to, int maxDays)
    {
        if (maxDays <= 0) { yield return (from, to); yield break; }
        for (var start = from; start <= to; start = start.AddDays(maxDays))
        {
            var end = start.AddDays(maxDays - 1);
            yield return (start, end < to ? end : to);
        }
    }

    /// <summary>A new file for a fetched instrument; its path names the source and symbol, never a key.</summary>
    public static ParsedFile NewFile(string source, FetchTarget target, string format) =>
        new($"fetch:{source}/{target.Instrument.Symbol}", format);

    /// <summary>Midnight UTC of a date as Unix seconds.</summary>
    public static long UnixSeconds(DateOnly d) => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();

    /// <summary>The DailyBar for a value-only row.</summary>
    public static DailyBar Value(DateOnly date, double value, string source) =>
        new(date, double.NaN, double.NaN, double.NaN, value, double.NaN, double.NaN, source);
}
