using System.Runtime.CompilerServices;

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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TSink>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<DateOnly> dates,
        RollingWindow window, ref TSink sink)
        where TSink : IRollingSink, allows ref struct
    {
        if (x.Length != y.Length) throw new ArgumentException($"x has {x.Length} values, y {y.Length}");
        if (window.IsCalendar && dates.Length != x.Length)
            throw new ArgumentException($"a calendar window needs one date per value ({dates.Length} dates, {x.Length} values)");
        if (window.MinCount < 1) throw new ArgumentException("the window is uninitialised (use RollingWindow.OfObservations or OfCalendarDays)");

        var state = new WindowState();
        int start = 0;
        int full = window.Observations; // 0 for a calendar window
        for (int i = 0; i < x.Length; i++)
        {
            if (full > 0 && state.Moments.Count == full && i >= full)
            {
                // A full window of valid pairs slides by one: the tight path, until an invalid pair arrives.
                i = state.SlideFull(x, y, i, full, window.MinCount, ref sink);
                if (i >= x.Length) break;
                start = i - full;
            }
            double xi = x[i], yi = y[i];
            bool valid = !double.IsNaN(xi) && !double.IsNaN(yi);
            if (valid && double.IsNaN(state.ShiftX)) (state.ShiftX, state.ShiftY) = (xi, yi);
            int newStart = full > 0 ? Math.Max(0, i - full + 1) : CalendarStart(dates, start, i, window.CalendarDays);
            for (int j = start; j < newStart; j++)
                if (!double.IsNaN(x[j]) && !double.IsNaN(y[j])) state.Moments.Remove(x[j] - state.ShiftX, y[j] - state.ShiftY);
            if (valid) state.Moments.Add(xi - state.ShiftX, yi - state.ShiftY);
            start = newStart;
            state.AfterUpdate(x, y, start, i);
            if (valid) state.Track(xi, yi);
            state.Emit(i, window.MinCount, ref sink);
        }
    }

    private static int CalendarStart(ReadOnlySpan<DateOnly> dates, int start, int i, int days)
    {
        int cutoff = dates[i].DayNumber - days; // keep dates strictly after t − days
        while (start < i && dates[start].DayNumber <= cutoff) start++;
        return start;
    }

    /// <summary>The running state: co-moments of the shifted pairs, the shift, drift guards and run lengths.</summary>
    private struct WindowState()
    {
        public CoMoments Moments;
        public double ShiftX = double.NaN, ShiftY = double.NaN;
        private double _peakX, _peakY;
        private int _sinceResync, _resyncEvery = ResyncFloor;
        private int _runX, _runY;
        private double _lastX = double.NaN, _lastY = double.NaN;

        /// <summary>
        /// Slides a full window of <paramref name="full"/> valid pairs from index <paramref name="i"/> on, one
        /// replacement per step, and returns the first index it did not handle (an invalid pair, or the end).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a long loop entered once: skip tier-0 and on-stack replacement
        public int SlideFull<TSink>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int i, int full, int minCount, ref TSink sink)
            where TSink : IRollingSink, allows ref struct
        {
            // The state lives in locals (registers) for the stretch and is written back on exit or before a resync.
            double inverse = 1.0 / full;
            var m = Moments;
            double shiftX = ShiftX, shiftY = ShiftY, peakX = _peakX, peakY = _peakY, lastX = _lastX, lastY = _lastY;
            int runX = _runX, runY = _runY, sinceResync = _sinceResync, resyncEvery = _resyncEvery;
            for (; i < x.Length; i++)
            {
                double xi = x[i], yi = y[i];
                if (double.IsNaN(xi + yi)) break; // NaN on either side (or ∞ − ∞): the general path handles it
                m.Replace(x[i - full] - shiftX, y[i - full] - shiftY, xi - shiftX, yi - shiftY, inverse);
                if (m.SumSqX > peakX) peakX = m.SumSqX;
                if (m.SumSqY > peakY) peakY = m.SumSqY;
                if (++sinceResync >= resyncEvery || m.SumSqX < CollapseRatio * peakX || m.SumSqY < CollapseRatio * peakY)
                {
                    Resync(x[(i - full + 1)..(i + 1)], y[(i - full + 1)..(i + 1)]);
                    _resyncEvery = resyncEvery = Math.Max(ResyncFloor, 4 * full);
                    (m, shiftX, shiftY, peakX, peakY, sinceResync) = (Moments, ShiftX, ShiftY, _peakX, _peakY, 0);
                }
                runX = xi == lastX ? runX + 1 : 1;
                runY = yi == lastY ? runY + 1 : 1;
                lastX = xi;
                lastY = yi;
                if (m.Count < minCount) sink.Skip(i);
                else if (runX >= full || runY >= full) sink.Write(i, WithConstants(m, shiftX, shiftY, runX >= full, runY >= full));
                else
                {
                    var view = m;
                    view.MeanX += shiftX;
                    view.MeanY += shiftY;
                    sink.Write(i, in view);
                }
            }
            Moments = m;
            (_peakX, _peakY, _lastX, _lastY, _runX, _runY, _sinceResync) = (peakX, peakY, lastX, lastY, runX, runY, sinceResync);
            return i;
        }

        /// <summary>Guards against drift: recomputes the window [start, i] exactly when due or when a sum of squares collapsed.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void AfterUpdate(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int start, int i)
        {
            if (Moments.SumSqX > _peakX) _peakX = Moments.SumSqX;
            if (Moments.SumSqY > _peakY) _peakY = Moments.SumSqY;
            if (++_sinceResync < _resyncEvery && Moments.SumSqX >= CollapseRatio * _peakX && Moments.SumSqY >= CollapseRatio * _peakY) return;
            Resync(x[start..(i + 1)], y[start..(i + 1)]);
            _resyncEvery = Math.Max(ResyncFloor, 4 * (i + 1 - start));
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void Resync(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
        {
            var exact = CoMoments.Of(x, y);
            if (exact.Count > 0) (ShiftX, ShiftY) = (exact.MeanX, exact.MeanY);
            Moments = CoMoments.Of(x, y, ShiftX, ShiftY);
            _peakX = Moments.SumSqX;
            _peakY = Moments.SumSqY;
            _sinceResync = 0;
        }

        /// <summary>Counts how many of the latest valid values repeat the last one (a constant window has a run ≥ its count).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Track(double xi, double yi)
        {
            _runX = xi == _lastX ? _runX + 1 : 1;
            _runY = yi == _lastY ? _runY + 1 : 1;
            _lastX = xi;
            _lastY = yi;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Emit<TSink>(int i, int minCount, ref TSink sink) where TSink : IRollingSink, allows ref struct
        {
            if (Moments.Count < minCount)
            {
                sink.Skip(i);
                return;
            }
            sink.Write(i, WithConstants(Moments, ShiftX, ShiftY, _runX >= Moments.Count, _runY >= Moments.Count));
        }

        /// <summary>The moments as reported: true means, and exact zeros for a constant side.</summary>
        private static CoMoments WithConstants(CoMoments m, double shiftX, double shiftY, bool constantX, bool constantY)
        {
            m.MeanX += shiftX;
            m.MeanY += shiftY;
            if (constantX) m.SumSqX = 0;
            if (constantY) m.SumSqY = 0;
            if (constantX || constantY) m.SumXY = 0;
            return m;
        }
    }
}
