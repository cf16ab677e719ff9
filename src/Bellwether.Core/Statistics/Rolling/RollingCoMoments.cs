namespace Bellwether.Core.Statistics.Rolling;

/// <summary>
/// One pass over paired series keeping the co-moments of a trailing window up to date in O(1) per step: the pair
/// entering and the pair leaving are applied as a single replacement (or as an addition and removals when the
/// window's count changes).
/// </summary>
/// <remarks>
/// <para>NaN: a pair in which either value is NaN is not counted; the window holds the valid pairs among its
/// observations and a value needs at least <see cref="RollingWindow.MinCount"/> of them.</para>
/// <para>Precision: updates work on deviations from the running means, never on raw sums of squares, and on values
/// shifted by a recent window mean (exact subtraction for values near it), so prices far from zero keep the
/// precision of their deviations. The window is recomputed exactly (corrected two-pass) every
/// <c>max(256, 4 × window)</c> steps, and at once when a sum of squares has fallen below 1e-4 of its peak since the
/// last recomputation (a calm window after a volatile one, where the rounding of the large past updates would
/// dominate); both keep the cost O(1) amortised. A window whose x (or y) values are all equal is detected exactly
/// (a run-length count, as pandas does) and reported with a zero sum of squares, so its correlation is NaN rather
/// than rounding noise.</para>
/// </remarks>
public static class RollingCoMoments
{
    private const int ResyncFloor = 256;
    private const double CollapseRatio = 1e-4;

    /// <summary>Runs the window over <paramref name="x"/> and <paramref name="y"/>, reporting every index to <paramref name="sink"/>.</summary>
    /// <param name="dates">The date of each index; needed for a calendar window, ignored otherwise.</param>
    /// <exception cref="ArgumentException">Lengths differ, or a calendar window lacks dates.</exception>
    public static void Run<TSink>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<DateOnly> dates,
        RollingWindow window, ref TSink sink)
        where TSink : IRollingSink, allows ref struct
    {
        if (x.Length != y.Length) throw new ArgumentException($"x has {x.Length} values, y {y.Length}");
        if (window.IsCalendar && dates.Length != x.Length)
            throw new ArgumentException($"a calendar window needs one date per value ({dates.Length} dates, {x.Length} values)");
        if (window.MinCount < 1) throw new ArgumentException("the window is uninitialised (use RollingWindow.OfObservations or OfCalendarDays)");

        var m = new CoMoments(); // of the shifted pairs (x − shiftX, y − shiftY)
        double shiftX = double.NaN, shiftY = double.NaN;
        double peakX = 0, peakY = 0;
        int start = 0, sinceResync = 0, resyncEvery = ResyncFloor;
        int runX = 0, runY = 0;
        double lastX = double.NaN, lastY = double.NaN;
        double inverseFull = window.IsCalendar ? 0 : 1.0 / window.Observations;
        for (int i = 0; i < x.Length; i++)
        {
            double xi = x[i], yi = y[i];
            bool valid = !double.IsNaN(xi) && !double.IsNaN(yi);
            if (valid && double.IsNaN(shiftX))
            {
                shiftX = xi;
                shiftY = yi;
            }
            int newStart = window.IsCalendar ? CalendarStart(dates, start, i, window.CalendarDays) : Math.Max(0, i - window.Observations + 1);

            if (valid && newStart == start + 1 && m.Count > 1 && !double.IsNaN(x[start]) && !double.IsNaN(y[start]))
            {
                m.Replace(x[start] - shiftX, y[start] - shiftY, xi - shiftX, yi - shiftY,
                    m.Count == window.Observations ? inverseFull : 1.0 / m.Count);
            }
            else
            {
                for (int j = start; j < newStart; j++)
                    if (!double.IsNaN(x[j]) && !double.IsNaN(y[j])) m.Remove(x[j] - shiftX, y[j] - shiftY);
                if (valid) m.Add(xi - shiftX, yi - shiftY);
            }
            start = newStart;

            if (m.SumSqX > peakX) peakX = m.SumSqX;
            if (m.SumSqY > peakY) peakY = m.SumSqY;
            if (++sinceResync >= resyncEvery || m.SumSqX < CollapseRatio * peakX || m.SumSqY < CollapseRatio * peakY)
            {
                var exact = CoMoments.Of(x[start..(i + 1)], y[start..(i + 1)]);
                if (exact.Count > 0)
                {
                    shiftX = exact.MeanX;
                    shiftY = exact.MeanY;
                }
                m = CoMoments.Of(x[start..(i + 1)], y[start..(i + 1)], shiftX, shiftY);
                peakX = m.SumSqX;
                peakY = m.SumSqY;
                sinceResync = 0;
                resyncEvery = Math.Max(ResyncFloor, 4 * (i + 1 - start));
            }

            if (valid)
            {
                runX = xi == lastX ? runX + 1 : 1;
                runY = yi == lastY ? runY + 1 : 1;
                lastX = xi;
                lastY = yi;
            }

            if (m.Count < window.MinCount)
            {
                sink.Skip(i);
                continue;
            }
            var view = m;
            view.MeanX += shiftX;
            view.MeanY += shiftY;
            if (runX >= m.Count) view.SumSqX = 0;
            if (runY >= m.Count) view.SumSqY = 0;
            if (runX >= m.Count || runY >= m.Count) view.SumXY = 0;
            sink.Write(i, in view);
        }
    }

    private static int CalendarStart(ReadOnlySpan<DateOnly> dates, int start, int i, int days)
    {
        int cutoff = dates[i].DayNumber - days; // keep dates strictly after t − days
        while (start < i && dates[start].DayNumber <= cutoff) start++;
        return start;
    }
}
