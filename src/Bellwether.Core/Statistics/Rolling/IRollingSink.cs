namespace Bellwether.Core.Statistics.Rolling;

/// <summary>Receives the windows of a rolling pass, a chunk of consecutive indices at a time.</summary>
/// <remarks>
/// Implemented by (ref) structs so the pass is specialised and inlined per statistic: no delegate, no allocation.
/// Chunks arrive in index order and cover every index exactly once.
/// </remarks>
public interface IRollingSink
{
    /// <summary>
    /// Whether <see cref="Write"/> reads <see cref="WindowBatch.Count"/>, <see cref="WindowBatch.MeanX"/> and
    /// <see cref="WindowBatch.MeanY"/>; when false they are empty and the pass skips them (a correlation needs only
    /// sums).
    /// </summary>
    static abstract bool UsesMeans { get; }

    /// <summary>The windows ending at indices <c>batch.First</c> … <c>batch.First + batch.Length − 1</c>.</summary>
    void Write(scoped WindowBatch batch);
}

/// <summary>
/// Consecutive windows in structure-of-arrays form. A window with fewer valid pairs than the least count has
/// <see cref="Count"/> 0 and zero sums; a side constant over its window has a zero sum of squares (and cross product).
/// </summary>
public readonly ref struct WindowBatch(int first, ReadOnlySpan<double> count, ReadOnlySpan<double> meanX,
    ReadOnlySpan<double> meanY, ReadOnlySpan<double> sumSqX, ReadOnlySpan<double> sumSqY, ReadOnlySpan<double> sumXY)
{
    /// <summary>Index of the first window.</summary>
    public int First { get; } = first;
    /// <summary>Number of windows.</summary>
    public int Length => SumXY.Length;
    /// <summary>Valid pairs per window (a whole number; 0 below the least count).</summary>
    public ReadOnlySpan<double> Count { get; } = count;
    /// <summary>Mean of x per window.</summary>
    public ReadOnlySpan<double> MeanX { get; } = meanX;
    /// <summary>Mean of y per window.</summary>
    public ReadOnlySpan<double> MeanY { get; } = meanY;
    /// <summary>Σ(x − x̄)² per window (may be slightly negative by rounding: treat as zero).</summary>
    public ReadOnlySpan<double> SumSqX { get; } = sumSqX;
    /// <summary>Σ(y − ȳ)² per window.</summary>
    public ReadOnlySpan<double> SumSqY { get; } = sumSqY;
    /// <summary>Σ(x − x̄)(y − ȳ) per window.</summary>
    public ReadOnlySpan<double> SumXY { get; } = sumXY;
}
