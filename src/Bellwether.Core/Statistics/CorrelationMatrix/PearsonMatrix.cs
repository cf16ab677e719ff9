using System.Numerics;
using System.Runtime.InteropServices;

namespace Bellwether.Core.Statistics.CorrelationMatrix;

/// <summary>
/// The full Pearson correlation matrix of series observed on the same rows (as <c>numpy.corrcoef</c> on a
/// series-by-row array): each series is centred and scaled to unit length once, then every pair is one dot product,
/// computed four pairs at a time with SIMD fused multiply-adds.
/// </summary>
/// <remarks>
/// For series with gaps or different coverage, align each pair first (see <see cref="UniverseCorrelation"/>). A
/// series that contains NaN, is constant, or has fewer than two rows gets NaN in its row and column (its diagonal too).
/// </remarks>
public static class PearsonMatrix
{
    /// <summary>The symmetric matrix <c>result[i][j]</c> = Pearson's r of series i and j.</summary>
    /// <exception cref="ArgumentException">The series differ in length.</exception>
    public static double[][] Compute(IReadOnlyList<double[]> series)
    {
        int k = series.Count;
        int t = k == 0 ? 0 : series[0].Length;
        if (series.Any(s => s.Length != t)) throw new ArgumentException("all series must have the same number of rows",
            nameof(series));
        var z = new double[k * t];
        var usable = new bool[k];
        for (int i = 0; i < k; i++) usable[i] = Standardise(series[i], z.AsSpan(i * t, t));

        var result = new double[k][];
        for (int i = 0; i < k; i++) result[i] = new double[k];
        Span<double> dots = stackalloc double[4];
        for (int i = 0; i < k; i++)
        {
            var zi = z.AsSpan(i * t, t);
            int j = 0;
            for (; j + 4 <= i + 1; j += 4)
            {
                Dot4(zi, z.AsSpan(j * t, t), z.AsSpan((j + 1) * t, t), z.AsSpan((j + 2) * t, t),
                    z.AsSpan((j + 3) * t, t), dots);
                for (int d = 0; d < 4; d++) Set(result, usable, i, j + d, dots[d]);
            }
            for (; j <= i; j++) Set(result, usable, i, j, Dot(zi, z.AsSpan(j * t, t)));
        }
        return result;
    }

    private static void Set(double[][] result, bool[] usable, int i, int j, double dot)
    {
        double r = usable[i] && usable[j] ? (i == j ? 1.0 : Math.Clamp(dot, -1.0, 1.0)) : double.NaN;
        result[i][j] = r;
        result[j][i] = r;
    }

    /// <summary>Writes (x − mean) / ‖x − mean‖; false when that is undefined (NaN, constant, fewer than two
    /// rows).</summary>
    private static bool Standardise(ReadOnlySpan<double> x, Span<double> z)
    {
        if (x.Length < 2) return false;
        double sum = 0;
        foreach (var v in x) sum += v;
        double mean = sum / x.Length;
        double correction = 0;
        foreach (var v in x) correction += v - mean;
        mean += correction / x.Length;
        double sumSq = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double d = x[i] - mean;
            z[i] = d;
            sumSq += d * d;
        }
        if (!(sumSq > 0) || double.IsInfinity(sumSq)) return false;
        double scale = 1 / Math.Sqrt(sumSq);
        for (int i = 0; i < z.Length; i++) z[i] *= scale;
        return true;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var va = MemoryMarshal.Cast<double, Vector<double>>(a);
        var vb = MemoryMarshal.Cast<double, Vector<double>>(b);
        var acc = Vector<double>.Zero;
        for (int i = 0; i < va.Length; i++) acc = Vector.FusedMultiplyAdd(va[i], vb[i], acc);
        double sum = Vector.Sum(acc);
        for (int i = va.Length * Vector<double>.Count; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>Four dot products sharing <paramref name="a"/>: one load of a per four multiply-adds.</summary>
    private static void Dot4(ReadOnlySpan<double> a, ReadOnlySpan<double> b0, ReadOnlySpan<double> b1,
        ReadOnlySpan<double> b2, ReadOnlySpan<double> b3, Span<double> dots)
    {
        var va = MemoryMarshal.Cast<double, Vector<double>>(a);
        var v0 = MemoryMarshal.Cast<double, Vector<double>>(b0);
        var v1 = MemoryMarshal.Cast<double, Vector<double>>(b1);
        var v2 = MemoryMarshal.Cast<double, Vector<double>>(b2);
        var v3 = MemoryMarshal.Cast<double, Vector<double>>(b3);
        Vector<double> s0 = default, s1 = default, s2 = default, s3 = default;
        for (int i = 0; i < va.Length; i++)
        {
            var x = va[i];
            s0 = Vector.FusedMultiplyAdd(x, v0[i], s0);
            s1 = Vector.FusedMultiplyAdd(x, v1[i], s1);
            s2 = Vector.FusedMultiplyAdd(x, v2[i], s2);
            s3 = Vector.FusedMultiplyAdd(x, v3[i], s3);
        }
        double d0 = Vector.Sum(s0), d1 = Vector.Sum(s1), d2 = Vector.Sum(s2), d3 = Vector.Sum(s3);
        for (int i = va.Length * Vector<double>.Count; i < a.Length; i++)
        {
            d0 += a[i] * b0[i];
            d1 += a[i] * b1[i];
            d2 += a[i] * b2[i];
            d3 += a[i] * b3[i];
        }
        dots[0] = d0; dots[1] = d1; dots[2] = d2; dots[3] = d3;
    }
}
