namespace Bellwether.Core.Statistics.Rolling;

/// <summary>A sink writing one value per input index into a destination span, built afresh for each segment.</summary>
internal interface IOutputSink<TSelf> : IRollingSink where TSelf : IOutputSink<TSelf>, allows ref struct
{
    /// <summary>The sink writing into <paramref name="destination"/>, indexed like <paramref name="x"/>.</summary>
    static abstract TSelf Over(ReadOnlySpan<double> x, Span<double> destination);
}

/// <summary>
/// Runs a rolling statistic in fixed segments of <see cref="RollingStatistics.SegmentLength"/> windows, each started
/// from an exact recomputation of the window before it
/// (<see cref="RollingCoMoments.Run{TSink}(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{DateOnly},
/// RollingWindow, int, int, ref TSink)"/>), on as many threads as the pool gives. The segment borders are a constant,
/// so the result is the same on any
/// machine and any number of cores; an input of one segment runs on the calling thread.
/// </summary>
internal static unsafe class Segmented
{
    public static void Run<TSink>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<DateOnly> dates,
        RollingWindow window, Span<double> destination)
        where TSink : IOutputSink<TSink>, allows ref struct
    {
        // up front: on a worker it would surface as an AggregateException
        RollingCoMoments.Validate(x, y, dates, window);
        if (destination.Length < x.Length)
            throw new ArgumentException($"destination holds {destination.Length} values, {x.Length} needed",
                nameof(destination));
        int segments = (x.Length + RollingStatistics.SegmentLength - 1) / RollingStatistics.SegmentLength;
        if (segments <= 1)
        {
            var sink = TSink.Over(x, destination);
            RollingCoMoments.Run(x, y, dates, window, ref sink);
            return;
        }
        // Spans cannot reach another thread: pin them for the duration of the (blocking) parallel loop.
        fixed (double* px = x, py = y, pd = destination)
        fixed (DateOnly* pdates = dates)
        {
            var input = new Input((nint)px, (nint)py, (nint)pdates, dates.Length, (nint)pd, x.Length, window);
            Parallel.For(0, segments, segment => input.RunSegment<TSink>(segment));
        }
    }

    /// <summary>The pinned input and output of one run.</summary>
    private readonly record struct Input(nint X, nint Y, nint Dates, int DateCount, nint Destination, int Length,
        RollingWindow Window)
    {
        public void RunSegment<TSink>(int segment) where TSink : IOutputSink<TSink>, allows ref struct
        {
            var x = new ReadOnlySpan<double>((void*)X, Length);
            var sink = TSink.Over(x, new Span<double>((void*)Destination, Length));
            int first = segment * RollingStatistics.SegmentLength;
            RollingCoMoments.Run(x, new ReadOnlySpan<double>((void*)Y, Length),
                new ReadOnlySpan<DateOnly>((void*)Dates, DateCount), Window,
                first, Math.Min(Length, first + RollingStatistics.SegmentLength), ref sink);
        }
    }
}
