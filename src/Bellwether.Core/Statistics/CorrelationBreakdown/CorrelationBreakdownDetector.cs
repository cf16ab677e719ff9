namespace Bellwether.Core.Statistics.CorrelationBreakdown;

/// <summary>
/// Finds breakdowns of a rolling correlation: dates t where the correlation sits more than <c>fall</c> below the
/// highest value it took in the <c>days</c> calendar days before t (<c>t − days ≤ s &lt; t</c>). Each run of
/// consecutive such observations is one episode. Uses only values dated on or before t (point in time).
/// </summary>
/// <remarks>NaN correlations (warm-up, constant windows) neither trigger nor serve as peaks.</remarks>
public static class CorrelationBreakdownDetector
{
    /// <summary>The default fall: 0.3 of correlation.</summary>
    public const double DefaultFall = 0.3;

    /// <summary>The default look-back: 30 calendar days.</summary>
    public const int DefaultDays = 30;

    /// <summary>The breakdown episodes of <paramref name="correlation"/>, oldest first.</summary>
    /// <exception cref="ArgumentOutOfRangeException">fall is not positive or days is below 1.</exception>
    public static IReadOnlyList<CorrelationBreakdownEvent> Detect(ReadOnlySpan<DateOnly> dates,
        ReadOnlySpan<double> correlation, double fall = DefaultFall, int days = DefaultDays)
    {
        if (!(fall > 0)) throw new ArgumentOutOfRangeException(nameof(fall), fall, "the fall must be positive");
        if (days < 1) throw new ArgumentOutOfRangeException(nameof(days), days, "the look-back is at least one day");
        if (dates.Length != correlation.Length) throw new ArgumentException(
            $"{dates.Length} dates, {correlation.Length} values");

        var events = new List<CorrelationBreakdownEvent>();
        // indices of finite values, their correlations decreasing: a sliding maximum
        var maxima = new LinkedList<int>();
        CorrelationBreakdownEvent? open = null;
        for (int t = 0; t < dates.Length; t++)
        {
            int cutoff = dates[t].DayNumber - days;
            while (maxima.First is { } first && dates[first.Value].DayNumber < cutoff) maxima.RemoveFirst();
            double c = correlation[t];
            bool broken = false;
            if (!double.IsNaN(c) && maxima.First is { } peak && correlation[peak.Value] - c > fall)
            {
                broken = true;
                if (open is null)
                    open = new CorrelationBreakdownEvent(dates[t], c, dates[peak.Value], correlation[peak.Value],
                        correlation[peak.Value] - c, dates[t]);
                else
                    open = open with { LastDate = dates[t] };
            }
            if (!broken && open is not null)
            {
                events.Add(open);
                open = null;
            }
            if (double.IsNaN(c)) continue;
            while (maxima.Last is { } last && correlation[last.Value] <= c) maxima.RemoveLast();
            maxima.AddLast(t);
        }
        if (open is not null) events.Add(open);
        return events;
    }
}
