using Bellwether.Core.Series;

namespace Bellwether.Core.Statistics.Resampling;

/// <summary>
/// Resampling a daily series to weekly or monthly bars, before any join, so that each instrument's week ends on its
/// own last trading day and the series are then joined on the shared period key.
/// </summary>
/// <remarks>
/// <para>A period is keyed by the date it <em>ends</em>, whatever the instrument's last actual date in it: a week
/// (Saturday to Friday) by its Friday, a month by its last calendar day. This is the label pandas gives with
/// <c>resample("W-FRI")</c> and <c>resample("M")</c>, and it makes an equity week (Monday to Friday) and a crypto
/// week (Saturday to Friday) of the same calendar week share one key. The weekly close of a crypto asset is its
/// Friday close (UTC day); Saturday and Sunday belong to the following week.</para>
/// <para>Bar fields: open = first non-NaN open, high = highest high, low = lowest low, close = last non-NaN close,
/// volume = sum of the non-NaN volumes, market cap = last non-NaN market cap, source = the source of the row that
/// gave the close. A field with no value in the period is NaN; a period with no non-NaN close is left out (no row,
/// nothing filled). The last period may be incomplete (data ending mid-week): see <see cref="PeriodEnd"/> to
/// tell.</para>
/// </remarks>
public static class Resampler
{
    /// <summary>The date that keys the period holding <paramref name="date"/>: its Friday, its month end, or
    /// itself.</summary>
    public static DateOnly PeriodEnd(DateOnly date, Frequency frequency) => frequency switch
    {
        Frequency.Daily => date,
        Frequency.Weekly => date.AddDays(((int)DayOfWeek.Friday - (int)date.DayOfWeek + 7) % 7),
        Frequency.Monthly => new DateOnly(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month)),
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
    };

    /// <summary>The series resampled to <paramref name="frequency"/>; the same instance for
    /// <see cref="Frequency.Daily"/>.</summary>
    public static DailySeries Resample(DailySeries series, Frequency frequency)
    {
        if (frequency == Frequency.Daily) return series;
        var bars = new List<DailyBar>();
        int i = 0;
        while (i < series.Count)
        {
            var key = PeriodEnd(series.Dates[i], frequency);
            int end = i;
            while (end < series.Count && series.Dates[end] <= key) end++;
            if (Aggregate(series, i, end, key) is { } bar) bars.Add(bar);
            i = end;
        }
        return new DailySeries(series.Instrument, bars);
    }

    private static DailyBar? Aggregate(DailySeries s, int from, int to, DateOnly key)
    {
        int closeRow = LastNonNaN(s.Close.AsSpan(), from, to);
        if (closeRow < 0) return null;
        int openRow = FirstNonNaN(s.Open.AsSpan(), from, to);
        int capRow = LastNonNaN(s.MarketCap.AsSpan(), from, to);
        double high = double.NaN, low = double.NaN, volume = double.NaN;
        for (int r = from; r < to; r++)
        {
            if (!double.IsNaN(s.High[r]) && !(s.High[r] <= high)) high = s.High[r];
            if (!double.IsNaN(s.Low[r]) && !(s.Low[r] >= low)) low = s.Low[r];
            if (!double.IsNaN(s.Volume[r])) volume = double.IsNaN(volume) ? s.Volume[r] : volume + s.Volume[r];
        }
        return new DailyBar(key, openRow < 0 ? double.NaN : s.Open[openRow], high, low, s.Close[closeRow], volume,
            capRow < 0 ? double.NaN : s.MarketCap[capRow], s.SourceAt(closeRow));
    }

    private static int FirstNonNaN(ReadOnlySpan<double> values, int from, int to)
    {
        for (int r = from; r < to; r++) if (!double.IsNaN(values[r])) return r;
        return -1;
    }

    private static int LastNonNaN(ReadOnlySpan<double> values, int from, int to)
    {
        for (int r = to - 1; r >= from; r--) if (!double.IsNaN(values[r])) return r;
        return -1;
    }
}
