using System.Numerics;

namespace Bellwether.Core.Statistics.Rolling;

/// <summary>
/// Rolling statistics over spans, written into a caller's buffer (one value per input index, NaN where the window
/// has fewer valid pairs than its least count). No allocation inside the pass. An input longer than
/// <see cref="SegmentLength"/> is computed in segments on several threads, with the same result on any machine.
/// </summary>
public static class RollingStatistics
{
    /// <summary>
    /// Windows per segment. A long input is computed in segments of this many windows, each started from an exact
    /// recomputation and run in parallel; a constant (not the core count) so results are identical on any machine.
    /// </summary>
    public const int SegmentLength = 1 << 16;

    /// <summary>Rolling Pearson correlation of <paramref name="x"/> and <paramref name="y"/>.</summary>
    /// <remarks>NaN where the window has too few valid pairs or either side is constant in it.</remarks>
    /// <param name="dates">One date per value; needed only for a calendar window.</param>
    /// <exception cref="ArgumentException">Lengths differ, or <paramref name="destination"/> is shorter than the
    /// input.</exception>
    public static void Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y, RollingWindow window,
        Span<double> destination, ReadOnlySpan<DateOnly> dates = default)
    {
        Segmented.Run<PearsonSink>(x, y, dates, window, destination);
    }

    /// <summary>Rolling sample covariance (n − 1 denominator) of <paramref name="x"/> and
    /// <paramref name="y"/>.</summary>
    public static void Covariance(ReadOnlySpan<double> x, ReadOnlySpan<double> y, RollingWindow window,
        Span<double> destination, ReadOnlySpan<DateOnly> dates = default)
    {
        Segmented.Run<CovarianceSink>(x, y, dates, window, destination);
    }

    /// <summary>
    /// Rolling z-score of each value against its own trailing window (the current value included):
    /// <c>(x[t] − mean) / sample standard deviation</c>. NaN where the value is NaN, the window has too few values,
    /// or the window is constant.
    /// </summary>
    public static void ZScore(ReadOnlySpan<double> x, RollingWindow window, Span<double> destination,
        ReadOnlySpan<DateOnly> dates = default)
    {
        Segmented.Run<ZScoreSink>(x, x, dates, window, destination);
    }

    /// <summary>Correlations of a chunk with SIMD square roots and divisions, off the sequential update loop.</summary>
    private readonly ref struct PearsonSink(Span<double> output) : IOutputSink<PearsonSink>
    {
        private readonly Span<double> _output = output;

        public static PearsonSink Over(ReadOnlySpan<double> x, Span<double> destination) => new(destination);

        public static bool UsesMeans => false;

        public void Write(scoped WindowBatch batch)
        {
            var output = _output.Slice(batch.First, batch.Length);
            var sxx = batch.SumSqX;
            var syy = batch.SumSqY;
            var sxy = batch.SumXY;
            var nan = new Vector<double>(double.NaN);
            var one = Vector<double>.One;
            int i = 0;
            for (; i + Vector<double>.Count <= output.Length; i += Vector<double>.Count)
            {
                var vx = new Vector<double>(sxx[i..]);
                var vy = new Vector<double>(syy[i..]);
                var r = Vector.Min(one, Vector.Max(-one, new Vector<double>(sxy[i..]) / Vector.SquareRoot(vx * vy)));
                // A non-positive sum of squares (constant side, too few pairs, rounding below zero) gives NaN.
                var defined = Vector.BitwiseAnd(Vector.GreaterThan(vx, Vector<double>.Zero),
                    Vector.GreaterThan(vy, Vector<double>.Zero));
                Vector.ConditionalSelect(defined, r, nan).CopyTo(output[i..]);
            }
            for (; i < output.Length; i++)
                output[i] = sxx[i] > 0 && syy[i] > 0 ? Math.Clamp(sxy[i] / Math.Sqrt(sxx[i] * syy[i]), -1.0, 1.0)
                    : double.NaN;
        }
    }

    private readonly ref struct CovarianceSink(Span<double> output) : IOutputSink<CovarianceSink>
    {
        private readonly Span<double> _output = output;

        public static CovarianceSink Over(ReadOnlySpan<double> x, Span<double> destination) => new(destination);

        public static bool UsesMeans => true;

        public void Write(scoped WindowBatch batch)
        {
            for (int k = 0; k < batch.Length; k++)
                _output[batch.First + k] = batch.Count[k] < 2 ? double.NaN : batch.SumXY[k] / (batch.Count[k] - 1);
        }
    }

    private readonly ref struct ZScoreSink(ReadOnlySpan<double> values, Span<double> output) : IOutputSink<ZScoreSink>
    {
        private readonly ReadOnlySpan<double> _values = values;
        private readonly Span<double> _output = output;

        public static ZScoreSink Over(ReadOnlySpan<double> x, Span<double> destination) => new(x, destination);

        public static bool UsesMeans => true;

        public void Write(scoped WindowBatch batch)
        {
            for (int k = 0; k < batch.Length; k++)
            {
                int index = batch.First + k;
                double sd = batch.Count[k] < 2 ? double.NaN
                    : Math.Sqrt(Math.Max(0, batch.SumSqX[k]) / (batch.Count[k] - 1));
                _output[index] = sd > 0 ? (_values[index] - batch.MeanX[k]) / sd : double.NaN;
            }
        }
    }
}
