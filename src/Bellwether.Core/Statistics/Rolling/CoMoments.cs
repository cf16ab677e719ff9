using System.Runtime.CompilerServices;

namespace Bellwether.Core.Statistics.Rolling;

/// <summary>
/// The first and second co-moments of a set of (x, y) pairs, kept as count, means and centred sums of squares and
/// products, so that adding, removing or replacing a pair costs O(1) and never forms the large raw sums
/// (<c>Σx² − n·x̄²</c>) that lose all precision on prices far from zero (Welford's method, extended to pairs).
/// </summary>
/// <remarks>
/// Derived values follow Math.NET's conventions for too little data: the sample variance and covariance are NaN
/// below two pairs, and <see cref="Correlation"/> is NaN when either variance is zero (a constant window).
/// </remarks>
public struct CoMoments
{
    /// <summary>Number of pairs.</summary>
    public int Count { readonly get; private set; }
    /// <summary>Mean of x (0 when empty).</summary>
    public double MeanX { readonly get; private set; }
    /// <summary>Mean of y (0 when empty).</summary>
    public double MeanY { readonly get; private set; }
    /// <summary>Σ(x − x̄)²; rounding may leave it slightly negative for a near-constant x, which readers treat as
    /// zero.</summary>
    public double SumSqX { readonly get; private set; }
    /// <summary>Σ(y − ȳ)².</summary>
    public double SumSqY { readonly get; private set; }
    /// <summary>Σ(x − x̄)(y − ȳ).</summary>
    public double SumXY { readonly get; private set; }

    /// <summary>Two-pass co-moments of the pairs of <paramref name="x"/> and <paramref name="y"/> where neither is
    /// NaN.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static CoMoments Of(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => Of(x, y, 0, 0);

    /// <summary>
    /// Two-pass co-moments of the pairs <c>(x − shiftX, y − shiftY)</c> where neither value is NaN: the means are those
    /// of the shifted values; sums of squares and products are unaffected by the shift.
    /// </summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static CoMoments Of(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double shiftX, double shiftY)
    {
        if (x.Length != y.Length) throw new ArgumentException($"x has {x.Length} values, y {y.Length}");
        var m = new CoMoments();
        double sx = 0, sy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i])) continue;
            sx += x[i] - shiftX; sy += y[i] - shiftY; m.Count++;
        }
        if (m.Count == 0) return m;
        m.MeanX = sx / m.Count;
        m.MeanY = sy / m.Count;
        double ex = 0, ey = 0, sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) || double.IsNaN(y[i])) continue;
            double dx = x[i] - shiftX - m.MeanX, dy = y[i] - shiftY - m.MeanY;
            ex += dx; ey += dy; sxx += dx * dx; syy += dy * dy; sxy += dx * dy;
        }
        // Second pass corrects the means for the rounding of the first (the corrected two-pass algorithm).
        m.MeanX += ex / m.Count;
        m.MeanY += ey / m.Count;
        m.SumSqX = Math.Max(0, sxx - ex * ex / m.Count);
        m.SumSqY = Math.Max(0, syy - ey * ey / m.Count);
        m.SumXY = sxy - ex * ey / m.Count;
        return m;
    }

    /// <summary>Adds the pair (x, y).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double x, double y)
    {
        Count++;
        double dx = x - MeanX;
        double dy = y - MeanY;
        MeanX += dx / Count;
        MeanY += dy / Count;
        SumSqX += dx * (x - MeanX);
        SumSqY += dy * (y - MeanY);
        SumXY += dx * (y - MeanY);
    }

    /// <summary>Removes the pair (x, y), which must have been added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Remove(double x, double y)
    {
        if (Count <= 1)
        {
            this = default;
            return;
        }
        Count--;
        double dx = x - MeanX;
        double dy = y - MeanY;
        MeanX -= dx / Count;
        MeanY -= dy / Count;
        SumSqX = Math.Max(0, SumSqX - dx * (x - MeanX));
        SumSqY = Math.Max(0, SumSqY - dy * (y - MeanY));
        SumXY -= dx * (y - MeanY);
    }

    /// <summary>Replaces the pair (oldX, oldY), which must have been added, by (x, y), keeping the count.</summary>
    /// <remarks>
    /// With n pairs, old means m and new means m′ = m + (x − oldX)/n:
    /// Σ(x − x̄)² grows by (x − oldX)·((oldX − m) + (x − m′)), and Σ(x − x̄)(y − ȳ) by
    /// (x − oldX)·(y − m′ᵧ) + (y − oldY)·(oldX − mₓ). Fused multiply-adds (exactly rounded, so the same on every
    /// machine) keep it to 15 operations.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Replace(double oldX, double oldY, double x, double y, double inverseCount)
    {
        double dx = x - oldX, dy = y - oldY;
        double oldDevX = oldX - MeanX, oldDevY = oldY - MeanY;
        MeanX = Math.FusedMultiplyAdd(dx, inverseCount, MeanX);
        MeanY = Math.FusedMultiplyAdd(dy, inverseCount, MeanY);
        double newDevY = y - MeanY;
        // No clamping here: it would lengthen the loop-carried chain; readers treat a negative sum as zero.
        SumSqX = Math.FusedMultiplyAdd(dx, oldDevX + (x - MeanX), SumSqX);
        SumSqY = Math.FusedMultiplyAdd(dy, oldDevY + newDevY, SumSqY);
        SumXY += Math.FusedMultiplyAdd(dx, newDevY, dy * oldDevX); // one addition on the loop-carried chain
    }

    /// <summary>Writes the six fields exactly (a restored value continues bit for bit).</summary>
    public readonly void Write(BinaryWriter writer)
    {
        writer.Write(Count); writer.Write(MeanX); writer.Write(MeanY);
        writer.Write(SumSqX); writer.Write(SumSqY); writer.Write(SumXY);
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static CoMoments Read(BinaryReader reader) => new()
    {
        Count = reader.ReadInt32(), MeanX = reader.ReadDouble(), MeanY = reader.ReadDouble(),
        SumSqX = reader.ReadDouble(), SumSqY = reader.ReadDouble(), SumXY = reader.ReadDouble(),
    };

    /// <summary>Sample covariance (n − 1 denominator); NaN below two pairs.</summary>
    public readonly double Covariance => Count < 2 ? double.NaN : SumXY / (Count - 1);

    /// <summary>Pearson's correlation, clamped to [−1, 1]; NaN below two pairs or when either variance is
    /// zero.</summary>
    public readonly double Correlation
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (!(SumSqX > 0) || !(SumSqY > 0)) return double.NaN;
            return Math.Clamp(SumXY / Math.Sqrt(SumSqX * SumSqY), -1.0, 1.0);
        }
    }
}
