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
        var sink = new PearsonSink(Checked(destination, x.Length));
        RollingCoMoments.Run(x, y, dates, window, ref sink);
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

    private ref struct PearsonSink(Span<double> output) : IRollingSink
    {
        private readonly Span<double> _output = output;
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Write(int index, in CoMoments window) => _output[index] = window.Correlation;
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Skip(int index) => _output[index] = double.NaN;
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
