using Bellwether.Core.Series;
using Bellwether.Core.Statistics.Resampling;
using Bellwether.Core.Statistics.Returns;

namespace Bellwether.Core.Statistics.Alignment;

/// <summary>
/// Daily returns of several series joined once over their whole history, then cut to any window:
/// <see cref="Window"/> equals <see cref="ReturnAlignment.Align(IReadOnlyList{DailySeries}, AlignmentOptions)"/> with
/// daily frequency on that window. Daily resampling is the identity and the join keeps a date when every series has a
/// finite close on it, so the window's joined dates are the whole join's dates within it and each return (between
/// consecutive joined dates) is the same value; a window costs two binary searches and a copy of its rows.
/// </summary>
public sealed class DailyAlignment
{
    private readonly string[] _ids;
    private readonly ReturnKind _kind;
    private readonly DateOnly[] _joined;
    /// <summary>The rows with no NaN: their raw row index (row r ends on joined date r + offset), date and
    /// values.</summary>
    private readonly int[] _keptRows;
    private readonly DateOnly[] _keptDates;
    private readonly double[][] _keptColumns;

    private DailyAlignment(string[] ids, ReturnKind kind, DateOnly[] joined, int[] keptRows, DateOnly[] keptDates,
        double[][] keptColumns) =>
        (_ids, _kind, _joined, _keptRows, _keptDates, _keptColumns) = (ids, kind, joined, keptRows, keptDates,
            keptColumns);

    /// <summary>Joins the closes of <paramref name="series"/> on their shared dates and takes <paramref name="kind"/>
    /// between them.</summary>
    public static DailyAlignment Of(IReadOnlyList<DailySeries> series, ReturnKind kind)
    {
        var whole = ReturnAlignment.Align(series, new AlignmentOptions(null, null, Frequency.Daily, kind));
        var joined = AlignedSeries.InnerJoin(series, s => s.Close).Dates;
        int offset = joined.Length - PeriodReturns.OutputLength(kind, joined.Length);
        // Each kept row's raw index: its end date's position in the join, less the offset.
        var rows = new int[whole.Count];
        for (int i = 0, j = 0; i < rows.Length; i++)
        {
            while (joined[j] < whole.Dates[i]) j++;
            rows[i] = j - offset;
        }
        return new DailyAlignment(whole.Ids, kind, joined, rows, whole.Dates, whole.Columns);
    }

    /// <summary>The aligned rows of <paramref name="options"/>' window, as
    /// <see cref="ReturnAlignment.Align(IReadOnlyList{DailySeries}, AlignmentOptions)"/> gives them.</summary>
    /// <exception cref="ArgumentException">From is after Until, or the options ask for another frequency or return
    /// kind.</exception>
    public AlignedReturns Window(AlignmentOptions options)
    {
        if (options.From > options.Until) throw new ArgumentException(
            $"from {options.From} is after until {options.Until}", nameof(options));
        if (options.Frequency != Frequency.Daily || options.Kind != _kind)
            throw new ArgumentException($"this alignment holds daily {_kind}, not {options.Frequency} {options.Kind}",
                nameof(options));
        int lo = options.From is { } f ? LowerBound(_joined, f) : 0;
        int hi = options.Until is { } u ? UpperBound(_joined, u) : _joined.Length;
        int joinedCount = Math.Max(0, hi - lo);
        int rows = PeriodReturns.OutputLength(_kind, joinedCount);
        // The window's raw rows are the whole's rows lo … lo + rows − 1.
        int first = LowerBound(_keptRows, lo), end = LowerBound(_keptRows, lo + rows);
        var columns = _keptColumns.Select(c => c[first..end]).ToArray();
        return new AlignedReturns(_ids, _keptDates[first..end], columns, joinedCount > 0 ? _joined[lo] : null, options,
            false, rows - (end - first));
    }

    /// <summary>The first index whose value is not below <paramref name="value"/>.</summary>
    private static int LowerBound<T>(T[] sorted, T value) where T : IComparable<T> => Bound(sorted, value, 0);

    /// <summary>The first index whose value is above <paramref name="value"/>.</summary>
    private static int UpperBound<T>(T[] sorted, T value) where T : IComparable<T> => Bound(sorted, value, 1);

    private static int Bound<T>(T[] sorted, T value, int above) where T : IComparable<T>
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].CompareTo(value) < above) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
