using System.Numerics;
using System.Runtime.CompilerServices;

namespace Bellwether.Core.Statistics.Rolling;

/// <summary>
/// Rolling statistics over spans, written into a caller's buffer (one value per input index, NaN where the window
/// has fewer valid pairs than its least count). No allocation inside the pass.
/// </summary>
public static class RollingStatistics
{
    /// <summary>Rolling Pearson correlation of <paramref name="x"/> and <paramref name="y"/>.</summary>
    /// <remarks>NaN where the window has too few valid pairs or either side is constant in it.</remarks>
    /// <param name="dates">One date per value; needed only for a calendar window.</param>
    /// <exception cref="ArgumentException">Lengths differ, or <paramref name="destination"/> is shorter than the input.</exception>
    public static void Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y, RollingWindow window, Span<double> destination,
        ReadOnlySpan<DateOnly> dates = default)
    {
        Span<double> products = stackalloc double[PearsonSink.Chunk];
        Span<double> cross = stackalloc double[PearsonSink.Chunk];
        var sink = new PearsonSink(Checked(destination, x.Length), cross, products);
        RollingCoMoments.Run(x, y, dates, window, ref sink);
        sink.Flush();
    }

    /// <summary>Rolling sample covariance (n − 1 denominator) of <paramref name="x"/> and <paramref name="y"/>.</summary>
    public static void Covariance(ReadOnlySpan<double> x, ReadOnlySpan<double> y, RollingWindow window, Span<double> destination,
        ReadOnlySpan<DateOnly> dates = default)
    {
        var sink = new CovarianceSink(Checked(destination, x.Length));
        RollingCoMoments.Run(x, y, dates, window, ref sink);
    }

    /// <summary>
    /// Rolling z-score of each value against its own trailing window (the current value included):
    /// <c>(x[t] − mean) / sample standard deviation</c>. NaN where the value is NaN, the window has too few values,
    /// or the window is constant.
    /// </summary>
    public static void ZScore(ReadOnlySpan<double> x, RollingWindow window, Span<double> destination, ReadOnlySpan<DateOnly> dates = default)
    {
        var sink = new ZScoreSink(x, Checked(destination, x.Length));
        RollingCoMoments.Run(x, x, dates, window, ref sink);
    }

    private static Span<double> Checked(Span<double> destination, int length) =>
        destination.Length >= length ? destination : throw new ArgumentException($"destination holds {destination.Length} values, {length} needed", nameof(destination));

    /// <summary>
    /// Buffers each window's Σxy and Σx²·Σy² and turns a chunk of them into correlations with SIMD square roots and
    /// divisions, which keeps the divider off the sequential update loop.
    /// </summary>
    private ref struct PearsonSink(Span<double> output, Span<double> cross, Span<double> products) : IRollingSink
    {
        public const int Chunk = 256;
        private readonly Span<double> _output = output, _cross = cross, _products = products;
        private int _first, _count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Write(int index, in CoMoments window)
        {
            if (_count == Chunk) Flush();
            if (_count == 0) _first = index;
            _cross[_count] = window.SumXY;
            // A non-positive sum of squares (constant side, or rounding below zero) must give NaN, as must a NaN.
            _products[_count++] = window.SumSqX > 0 && window.SumSqY > 0 ? window.SumSqX * window.SumSqY : double.NaN;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Skip(int index) => Write(index, default);

        /// <summary>Writes the buffered correlations (indices arrive consecutively, each once).</summary>
        public void Flush()
        {
            var output = _output.Slice(_first, _count);
            var cross = _cross[.._count];
            var products = _products[.._count];
            int i = 0;
            var nan = new Vector<double>(double.NaN);
            var one = Vector<double>.One;
            for (; i + Vector<double>.Count <= _count; i += Vector<double>.Count)
            {
                var p = new Vector<double>(products[i..]);
                var r = Vector.Min(one, Vector.Max(-one, new Vector<double>(cross[i..]) / Vector.SquareRoot(p)));
                Vector.ConditionalSelect(Vector.GreaterThan(p, Vector<double>.Zero), r, nan).CopyTo(output[i..]);
            }
            for (; i < _count; i++)
                output[i] = products[i] > 0 ? Math.Clamp(cross[i] / Math.Sqrt(products[i]), -1.0, 1.0) : double.NaN;
            _count = 0;
        }
    }

    private ref struct CovarianceSink(Span<double> output) : IRollingSink
    {
        private readonly Span<double> _output = output;
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Write(int index, in CoMoments window) => _output[index] = window.Covariance;
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Skip(int index) => _output[index] = double.NaN;
    }

    private ref struct ZScoreSink(ReadOnlySpan<double> values, Span<double> output) : IRollingSink
    {
        private readonly ReadOnlySpan<double> _values = values;
        private readonly Span<double> _output = output;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Write(int index, in CoMoments window)
        {
            double sd = Math.Sqrt(window.VarianceX);
            _output[index] = sd > 0 ? (_values[index] - window.MeanX) / sd : double.NaN;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Skip(int index) => _output[index] = double.NaN;
    }
}
