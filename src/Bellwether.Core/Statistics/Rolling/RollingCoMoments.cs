using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Bellwether.Core.Statistics.Rolling;

/// <summary>
/// One pass over paired series keeping the co-moments of a trailing window up to date in O(1) per step: the pair
/// entering and the pair leaving are applied as a single replacement (or as an addition and removals when the
/// window's count changes). Windows are handed to the sink in chunks of 256 held on the stack.
/// </summary>
/// <remarks>
/// <para>NaN: a pair in which either value is NaN is not counted; the window holds the valid pairs among its
/// observations and a value needs at least <see cref="RollingWindow.MinCount"/> of them.</para>
/// <para>Precision: updates work on deviations from the running means, never on raw sums of squares, and on values
/// shifted by a recent window mean (exact subtraction for values near it), so prices far from zero keep the
/// precision of their deviations. The window is recomputed exactly (corrected two-pass) every
/// <c>max(1024, 8 × window)</c> steps, and at once when a sum of squares has fallen below 1e-4 of its peak since the
/// last recomputation (a calm window after a volatile one, where the rounding of the large past updates would
/// dominate); both keep the cost O(1) amortised. A window whose x (or y) values are all equal is detected exactly
/// (a run-length count, as pandas does) and reported with a zero sum of squares, so its correlation is NaN rather
/// than rounding noise.</para>
/// <para>Speed: while a full window of valid, changing pairs slides, the update loop has no branch: NaN and repeated
/// values are found beforehand by a vectorised scan, and the collapse check uses the loop's running minimum and
/// maximum of the sums of squares afterwards. <see cref="RollingStatistics"/> also splits long inputs into
/// independent ranges
/// (<see cref="Run{TSink}(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{DateOnly}, RollingWindow, int,
/// int, ref TSink)"/>) run in parallel.</para>
/// </remarks>
public static class RollingCoMoments
{
    private const int Chunk = 256;
    private const int ResyncFloor = 1024;
    private const double CollapseRatio = 1e-4;

    /// <summary>Runs the window over <paramref name="x"/> and <paramref name="y"/>, reporting every index to
    /// <paramref name="sink"/>.</summary>
    /// <param name="dates">The date of each index, ascending; needed for a calendar window, ignored otherwise.</param>
    /// <exception cref="ArgumentException">Lengths differ, or a calendar window lacks dates.</exception>
    public static void Run<TSink>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<DateOnly> dates,
        RollingWindow window, ref TSink sink)
        where TSink : IRollingSink, allows ref struct =>
        Run(x, y, dates, window, 0, x.Length, ref sink);

    /// <summary>
    /// Runs the window over <paramref name="x"/> and <paramref name="y"/>, reporting only the windows ending at
    /// indices <paramref name="first"/> … <paramref name="end"/> − 1 to <paramref name="sink"/>. The window ending
    /// just before <paramref name="first"/> is computed exactly (corrected two-pass) rather than carried from index 0,
    /// so disjoint ranges can run independently (in parallel) at the cost of one extra recomputation each.
    /// </summary>
    /// <param name="dates">The date of each index, ascending; needed for a calendar window, ignored otherwise.</param>
    /// <exception cref="ArgumentException">Lengths differ, a calendar window lacks dates, or the range is outside the
    /// input.</exception>
    // a long loop entered once: skip tier-0 and on-stack replacement
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TSink>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<DateOnly> dates,
        RollingWindow window, int first, int end, ref TSink sink)
        where TSink : IRollingSink, allows ref struct
    {
        Validate(x, y, dates, window);
        if (first < 0 || end < first || end > x.Length)
            throw new ArgumentException($"the range {first}..{end} is not within the {x.Length} values");

        var buffer = new Buffer(stackalloc double[Fields * Chunk]);
        var state = new WindowState();
        int full = window.Observations; // full = 0 for a calendar window
        int start = first;
        if (first > 0)
        {
            start = full > 0 ? Math.Max(0, first - full) : CalendarStartBefore(dates, first, window.CalendarDays);
            state.Resume(x, y, start, first - 1);
        }
        int i = first;
        while (i < end)
        {
            if (buffer.Filled == Chunk)
            {
                sink.Write(buffer.Batch<TSink>(i));
                buffer.Filled = 0;
            }
            if (full > 0 && state.Moments.Count == full && i >= full)
            {
                // A full window of valid pairs slides by one: the tight path, for as long as it can.
                int next = state.SlideFull<TSink>(x, y, i, Math.Min(end, i + Chunk - buffer.Filled), full,
                    window.MinCount, ref buffer, out bool collapsed);
                if (collapsed)
                {
                    // Step `next` made a sum of squares collapse (and left the moments stale): recompute its window
                    // exactly.
                    state.GuardDrift(x, y, next - full + 1, next, force: true);
                    state.Track(x[next], y[next]);
                    state.Record(ref buffer, window.MinCount);
                    next++;
                }
                if (next > i)
                {
                    i = next;
                    start = i - full;
                    continue;
                }
                // No progress: this step needs the general path (an invalid or repeated value, or a recomputation due).
            }
            double xi = x[i], yi = y[i];
            bool valid = !double.IsNaN(xi) && !double.IsNaN(yi);
            if (valid && double.IsNaN(state.ShiftX)) (state.ShiftX, state.ShiftY) = (xi, yi);
            int newStart = full > 0 ? Math.Max(0, i - full + 1) : CalendarStart(dates, start, i, window.CalendarDays);
            for (int j = start; j < newStart; j++)
                if (!double.IsNaN(x[j]) && !double.IsNaN(y[j])) state.Moments.Remove(x[j] - state.ShiftX, y[j]
                    - state.ShiftY);
            if (valid) state.Moments.Add(xi - state.ShiftX, yi - state.ShiftY);
            start = newStart;
            state.GuardDrift(x, y, start, i, force: false);
            if (valid) state.Track(xi, yi);
            state.Record(ref buffer, window.MinCount);
            i++;
        }
        if (buffer.Filled > 0) sink.Write(buffer.Batch<TSink>(i));
    }

    /// <summary>Checks what every run needs (also called once up front by callers that split the input).</summary>
    internal static void Validate(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<DateOnly> dates,
        RollingWindow window)
    {
        if (x.Length != y.Length) throw new ArgumentException($"x has {x.Length} values, y {y.Length}");
        if (window.IsCalendar && dates.Length != x.Length)
            throw new ArgumentException(
                $"a calendar window needs one date per value ({dates.Length} dates, {x.Length} values)");
        if (window.MinCount < 1) throw new ArgumentException(
            "the window is uninitialised (use RollingWindow.OfObservations or OfCalendarDays)");
    }

    /// <summary>Start of the calendar window ending at <paramref name="first"/> − 1, found backwards: O(window), not
    /// O(first).</summary>
    private static int CalendarStartBefore(ReadOnlySpan<DateOnly> dates, int first, int days)
    {
        int cutoff = dates[first - 1].DayNumber - days, start = first - 1;
        while (start > 0 && dates[start - 1].DayNumber > cutoff) start--;
        return start;
    }

    private static int CalendarStart(ReadOnlySpan<DateOnly> dates, int start, int i, int days)
    {
        int cutoff = dates[i].DayNumber - days; // keep dates strictly after t − days
        while (start < i && dates[start].DayNumber <= cutoff) start++;
        return start;
    }

    private const int Fields = 6; // count, mean x, mean y, Σx², Σy², Σxy: one block of Chunk values each

    /// <summary>The stack chunk of windows not yet handed to the sink, one block per field (a single span: one register
    /// in the hot loop).</summary>
    private ref struct Buffer(Span<double> values)
    {
        public readonly Span<double> Values = values;
        public int Filled;

        /// <summary>Stores window <paramref name="k"/> of the chunk.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Set(ref double slot, nint k, double count, double meanX, double meanY, double sumSqX,
            double sumSqY, double sumXY)
        {
            ref double window = ref Unsafe.Add(ref slot, k); // then constant offsets: one address register
            window = count;
            Unsafe.Add(ref window, Chunk) = meanX;
            Unsafe.Add(ref window, 2 * Chunk) = meanY;
            Unsafe.Add(ref window, 3 * Chunk) = sumSqX;
            Unsafe.Add(ref window, 4 * Chunk) = sumSqY;
            Unsafe.Add(ref window, 5 * Chunk) = sumXY;
        }

        /// <summary>Stores only the sums of window <paramref name="k"/>, for a sink that does not read counts and
        /// means.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void SetSums(ref double slot, nint k, double sumSqX, double sumSqY, double sumXY)
        {
            ref double window = ref Unsafe.Add(ref slot, k);
            Unsafe.Add(ref window, 3 * Chunk) = sumSqX;
            Unsafe.Add(ref window, 4 * Chunk) = sumSqY;
            Unsafe.Add(ref window, 5 * Chunk) = sumXY;
        }

        /// <summary>The filled windows, which end at indices up to <paramref name="next"/> − 1 (counts and means empty
        /// when the sink does not use them).</summary>
        public readonly WindowBatch Batch<TSink>(int next) where TSink : IRollingSink, allows ref struct =>
            new(next - Filled, TSink.UsesMeans ? Values.Slice(0, Filled) : default, TSink.UsesMeans
                ? Values.Slice(Chunk, Filled) : default, TSink.UsesMeans ? Values.Slice(2 * Chunk, Filled) : default,
                Values.Slice(3 * Chunk, Filled), Values.Slice(4 * Chunk, Filled), Values.Slice(5 * Chunk, Filled));
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
        /// Slides a full window of <paramref name="full"/> valid pairs over indices <paramref name="i"/> to
        /// <paramref name="stop"/> − 1, one replacement per step, recording each window; returns the first index not
        /// handled: an invalid or repeated pair, a recomputation due, or <paramref name="stop"/>; or, with
        /// <paramref name="collapsed"/>, the index whose replacement made a sum of squares collapse (not recorded; the
        /// moments are then stale and must be recomputed). The checks run over whole spans before and after the update
        /// loop, so the loop itself has no branch and no call: the state stays in registers.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public unsafe int SlideFull<TSink>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int i, int stop, int full,
            int minCount, ref Buffer buffer, out bool collapsed)
            where TSink : IRollingSink, allows ref struct
        {
            // The step that would be due to resync takes the general path.
            int end = CleanRun(x, y, i, Math.Min(stop, i + _resyncEvery - 1 - _sinceResync));
            double inverse = 1.0 / full, count = full >= minCount ? full : 0;
            var m = Moments;
            double shiftX = ShiftX, shiftY = ShiftY;
            int first = buffer.Filled;
            // first + (end − i) ≤ Chunk is guaranteed by the caller's stop
            ref double slot = ref MemoryMarshal.GetReference(buffer.Values);
            // Plain span reads of the inputs, no byrefs or pointers into them kept across the loop: the slide runs
            // while other threads allocate, and a reference outside an array (its start less the window, as this loop
            // once kept) is not moved with the array by a compacting GC: readings then differed from run to run.
            nint k = first;
            // Range of the sums of squares over the recorded windows, for the collapse check after the loop (kept in
            // registers: reading the just-stored buffer back would stall on store forwarding).
            double minX = double.PositiveInfinity, maxX = double.NegativeInfinity, minY = double.PositiveInfinity,
                maxY = double.NegativeInfinity;
            for (nint j = i; j < end; j++, k++)
            {
                m.Replace(x[(int)j - full] - shiftX, y[(int)j - full] - shiftY, x[(int)j] - shiftX, y[(int)j] - shiftY,
                    inverse);
                if (TSink.UsesMeans) Buffer.Set(ref slot, k, count, m.MeanX + shiftX, m.MeanY + shiftY, m.SumSqX,
                    m.SumSqY, m.SumXY);
                else Buffer.SetSums(ref slot, k, m.SumSqX, m.SumSqY, m.SumXY);
                // Native min/max, one instruction each. A NaN sum (only from infinite input) is either skipped (x64
                // returns the second operand, the running value) or kept (then the check below fails and walks); either
                // way the decision is the walk's, where a NaN neither collapses nor raises a peak.
                (minX, maxX) = (double.MinNative(m.SumSqX, minX), double.MaxNative(m.SumSqX, maxX));
                (minY, maxY) = (double.MinNative(m.SumSqY, minY), double.MaxNative(m.SumSqY, maxY));
            }
            // before any call, so that the loop's state need not survive one (it would be spilled inside the loop)
            Moments = m;
            int recorded = end - i;
            double peakX = Math.Max(_peakX, maxX), peakY = Math.Max(_peakY, maxY);
            if (minX >= CollapseRatio * peakX && minY >= CollapseRatio * peakY) // false on NaN: then walk
            {
                (_peakX, _peakY) = (peakX, peakY);
                collapsed = false;
            }
            else
            {
                int collapse = FirstCollapse(buffer.Values.Slice(3 * Chunk + first, recorded),
                    buffer.Values.Slice(4 * Chunk + first, recorded));
                collapsed = collapse >= 0;
                if (collapsed) recorded = collapse;
            }
            _sinceResync += recorded;
            // each differed from the one before
            if (recorded > 0) (_lastX, _lastY, _runX, _runY) = (x[i + recorded - 1], y[i + recorded - 1], 1, 1);
            buffer.Filled = first + recorded;
            return i + recorded;
        }

        /// <summary>
        /// The first index in [<paramref name="i"/>, <paramref name="end"/>) whose pair holds a NaN (or ∞ − ∞), or
        /// repeats the x or y value before it (the window may be turning constant, which the general path's run-length
        /// count detects); <paramref name="end"/> if none. Needs <paramref name="i"/> ≥ 1.
        /// </summary>
        private static int CleanRun(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int i, int end)
        {
            int j = i;
            ref double xs = ref MemoryMarshal.GetReference(x);
            ref double ys = ref MemoryMarshal.GetReference(y);
            for (; j + Vector<double>.Count <= end; j += Vector<double>.Count) // end ≤ x.Length = y.Length, j − 1 ≥ 0
            {
                var xv = Vector.LoadUnsafe(ref xs, (nuint)j);
                var yv = Vector.LoadUnsafe(ref ys, (nuint)j);
                var sum = xv + yv;
                var flagged = Vector.Equals(xv, Vector.LoadUnsafe(ref xs, (nuint)(j - 1))) | Vector.Equals(yv,
                    Vector.LoadUnsafe(ref ys, (nuint)(j - 1)))
                    | Vector.OnesComplement(Vector.Equals(sum, sum));
                if (flagged != Vector<long>.Zero) break; // the scalar loop finds which
            }
            for (; j < end; j++)
                if (double.IsNaN(x[j] + y[j]) || x[j] == x[j - 1] || y[j] == y[j - 1]) return j;
            return end;
        }

        /// <summary>
        /// The first of the recorded windows whose sum of squares fell below <see cref="CollapseRatio"/> of the peak
        /// since the last recomputation, or −1; raises the peaks over the windows before it.
        /// </summary>
        private int FirstCollapse(ReadOnlySpan<double> sumSqX, ReadOnlySpan<double> sumSqY)
        {
            for (int k = 0; k < sumSqX.Length; k++)
            {
                if (sumSqX[k] < CollapseRatio * _peakX || sumSqY[k] < CollapseRatio * _peakY) return k;
                if (sumSqX[k] > _peakX) _peakX = sumSqX[k];
                if (sumSqY[k] > _peakY) _peakY = sumSqY[k];
            }
            return -1;
        }

        /// <summary>
        /// Starts from the window [<paramref name="start"/>, <paramref name="last"/>] instead of from index 0: its run
        /// lengths (counted within it, which decides a constant window the same way as counting from index 0, since no
        /// later window reaches further back) and its exact co-moments.
        /// </summary>
        public void Resume(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int start, int last)
        {
            for (int j = start; j <= last; j++)
                if (!double.IsNaN(x[j]) && !double.IsNaN(y[j])) Track(x[j], y[j]);
            GuardDrift(x, y, start, last, force: true);
        }

        /// <summary>Recomputes the window [start, i] exactly when due, or when a sum of squares collapsed.</summary>
        public void GuardDrift(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int start, int i, bool force)
        {
            if (Moments.SumSqX > _peakX) _peakX = Moments.SumSqX;
            if (Moments.SumSqY > _peakY) _peakY = Moments.SumSqY;
            if (!force && ++_sinceResync < _resyncEvery && Moments.SumSqX >= CollapseRatio * _peakX
                && Moments.SumSqY >= CollapseRatio * _peakY) return;
            // Shift by the window's latest valid pair: a value of the data, so subtracting it is exact for values near
            // it.
            for (int j = i; j >= start; j--)
            {
                if (double.IsNaN(x[j]) || double.IsNaN(y[j])) continue;
                (ShiftX, ShiftY) = (x[j], y[j]);
                break;
            }
            Moments = CoMoments.Of(x[start..(i + 1)], y[start..(i + 1)], ShiftX, ShiftY);
            _peakX = Moments.SumSqX;
            _peakY = Moments.SumSqY;
            _sinceResync = 0;
            _resyncEvery = Math.Max(ResyncFloor, 8 * (i + 1 - start));
        }

        /// <summary>Counts how many of the latest valid values repeat the last one (a constant window has a run ≥ its
        /// count).</summary>
        public void Track(double xi, double yi)
        {
            _runX = xi == _lastX ? _runX + 1 : 1;
            _runY = yi == _lastY ? _runY + 1 : 1;
            _lastX = xi;
            _lastY = yi;
        }

        /// <summary>Appends the current window to the buffer: true means, exact zeros for a constant side, count 0
        /// below the least count.</summary>
        public readonly void Record(ref Buffer buffer, int minCount)
        {
            ref double slot = ref MemoryMarshal.GetReference(buffer.Values);
            int k = buffer.Filled++;
            if (Moments.Count < minCount)
            {
                Buffer.Set(ref slot, k, 0, 0, 0, 0, 0, 0);
                return;
            }
            bool constantX = _runX >= Moments.Count, constantY = _runY >= Moments.Count;
            Buffer.Set(ref slot, k, Moments.Count, Moments.MeanX + ShiftX, Moments.MeanY + ShiftY, constantX ? 0
                : Moments.SumSqX, constantY ? 0 : Moments.SumSqY, constantX || constantY ? 0 : Moments.SumXY);
        }
    }
}
