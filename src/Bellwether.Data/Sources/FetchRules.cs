using Bellwether.Core.Flows;
using Bellwether.Core.Instruments;
using Bellwether.Core.Series;
using Bellwether.Data.Import;

namespace Bellwether.Data.Sources;

/// <summary>Rules every source applies: which days are finished, how a fetched instrument meets the stored
/// one.</summary>
public static class FetchRules
{
    /// <summary>Why a US session's row is not stored yet (see <see cref="UsSessionFinished"/>).</summary>
    public const string UsSessionNotOver = "the session is not over (before 17:00 New York)";

    /// <summary>
    /// True when the US equity session of <paramref name="date"/> is over at <paramref name="now"/>: from 17:00 New
    /// York time that day (an hour after the close, so the closing auction has printed). US daylight-saving rules since
    /// 2007.
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
    /// The instrument to store: the stored one when there is one (its calendar was inferred from the whole history,
    /// which an incremental fetch does not have), with the fetched quote unit added when it is new (<c>USD</c> +
    /// <c>USDT</c> → <c>USD|USDT</c>).
    /// </summary>
    public static Instrument Merge(Instrument? stored, Instrument fetched)
    {
        if (stored is null) return fetched;
        var units = new SortedSet<string>(stored.QuoteUnit.Split('|'), StringComparer.Ordinal);
        return units.Add(fetched.QuoteUnit) && stored.Class == AssetClass.Crypto
            ? stored with { QuoteUnit = string.Join('|', units) } : stored;
    }

    /// <summary>
    /// Adds the series read from a response under the target's id and stored instrument (see <see cref="Merge"/>),
    /// without the rows of days that are not <paramref name="finished"/>; a note counts those.
    /// </summary>
    public static void AddSeries(ParsedFile file, DailySeries parsed, FetchTarget target, Func<DateOnly, bool> finished,
        string unfinishedWhy)
    {
        var instrument = Merge(target.Stored, parsed.Instrument with { Id = target.Instrument.Id });
        var bars = Enumerable.Range(0, parsed.Count).Where(i => finished(parsed.Dates[i])).Select(i => parsed[i])
            .ToList();
        file.Series.Add(new DailySeries(instrument, bars));
        NoteDropped(file, target, parsed.Count - bars.Count, unfinishedWhy);
    }

    /// <summary>The same as <see cref="AddSeries"/> for a flow table.</summary>
    public static void AddFlows(ParsedFile file, FlowTable parsed, FetchTarget target, Func<DateOnly, bool> finished,
        string unfinishedWhy)
    {
        var kept = Where(parsed, finished);
        file.Flows.Add(kept with
        {
            Instrument = Merge(target.Stored,
            parsed.Instrument with { Id = target.Instrument.Id })
        });
        NoteDropped(file, target, parsed.Count - kept.Count, unfinishedWhy);
    }

    /// <summary>The rows of <paramref name="table"/> dated on days <paramref name="keep"/> accepts.</summary>
    public static FlowTable Where(FlowTable table, Func<DateOnly, bool> keep)
    {
        var rows = Enumerable.Range(0, table.Count).Where(i => keep(table.Dates[i])).ToArray();
        return table with
        {
            Dates = [.. rows.Select(i => table.Dates[i])],
            Values = [.. table.Values.Select(fund => rows.Select(i => fund[i]).ToArray())],
            Total = [.. rows.Select(i => table.Total[i])],
        };
    }

    /// <summary>Notes rows of the answer that were not stored, and why.</summary>
    public static void NoteDropped(ParsedFile file, FetchTarget target, int dropped, string why)
    {
        if (dropped > 0) file.Notes.Add($"{target.Instrument.Id}: {dropped} row(s) not stored: {why}");
    }

    /// <summary>Date windows of at most <paramref name="maxDays"/> days covering
    /// <paramref name="from"/>..<paramref name="to"/> (one window when 0).</summary>
    public static IEnumerable<(DateOnly From, DateOnly To)> Windows(DateOnly from, DateOnly to, int maxDays)
    {
        if (maxDays <= 0) { yield return (from, to); yield break; }
        for (var start = from; start <= to; start = start.AddDays(maxDays))
        {
            var end = start.AddDays(maxDays - 1);
            yield return (start, end < to ? end : to);
        }
    }

    /// <summary>Midnight UTC of a date as Unix seconds.</summary>
    public static long UnixSeconds(DateOnly d) => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
        .ToUnixTimeSeconds();
}
