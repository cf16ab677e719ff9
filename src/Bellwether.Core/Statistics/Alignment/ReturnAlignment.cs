using Bellwether.Core.Series;
using Bellwether.Core.Statistics.Resampling;
using Bellwether.Core.Statistics.Returns;

namespace Bellwether.Core.Statistics.Alignment;

/// <summary>
/// The one path from stored daily series to comparable returns: clip to the date range, resample each series on its
/// own, join on the period keys all of them share (never forward-filling), then take returns between consecutive
/// joined observations, so that every column's return spans the same dates (a crypto Friday-to-Monday return sits
/// next to the equity's Friday-to-Monday return, weekend included).
/// </summary>
public static class ReturnAlignment
{
    /// <summary>Aligns the closes of <paramref name="series"/> under <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">From is after Until.</exception>
    public static AlignedReturns Align(IReadOnlyList<DailySeries> series, AlignmentOptions options)
    {
        if (options.From > options.Until) throw new ArgumentException(
            $"from {options.From} is after until {options.Until}", nameof(options));
        var clipped = series.Select(s => s.Between(options.From, options.Until)).ToArray();
        var sampled = clipped.Select(s => Resampler.Resample(s, options.Frequency)).ToArray();
        var joined = AlignedSeries.InnerJoin(sampled);
        var ids = series.Select(s => s.Instrument.Id).ToArray();

        int rows = PeriodReturns.OutputLength(options.Kind, joined.Count);
        var raw = joined.Columns.Select(c => PeriodReturns.Compute(c, options.Kind)).ToArray();
        int offset = joined.Count - rows; // 1 for returns: row i ends on joined date i + 1
        var keep = new List<int>(rows);
        for (int i = 0; i < rows; i++)
            if (raw.All(c => !double.IsNaN(c[i]))) keep.Add(i);
        var dates = keep.Select(i => joined.Dates[i + offset]).ToArray();
        var columns = raw.Select(c => keep.Select(i => c[i]).ToArray()).ToArray();

        bool partial = false;
        if (options.Frequency != Frequency.Daily && joined.Count > 0)
        {
            // The data reaches Until when any series has a row on or after it (an equity holiday on Until does not
            // make the period partial); otherwise it stops at the earliest last row.
            var lastRows = clipped.Where(s => s.Count > 0).Select(s => s.Dates[^1]).ToArray();
            var dataEnd = options.Until is { } until && lastRows.Max() >= until ? until : lastRows.Min();
            partial = joined.Dates[^1] > dataEnd;
        }
        return new AlignedReturns(ids, dates, columns, joined.Count > 0 ? joined.Dates[0] : null, options, partial, rows
            - keep.Count);
    }

    /// <summary>Aligns two series; see <see cref="Align(IReadOnlyList{DailySeries}, AlignmentOptions)"/>.</summary>
    public static AlignedReturns Align(DailySeries a, DailySeries b, AlignmentOptions options) =>
        Align([a, b], options);
}
