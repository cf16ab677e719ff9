namespace Bellwether.Core.Statistics.Rolling;

/// <summary>Receives, for each index of a rolling pass, the co-moments of its window or the news that it has too few pairs.</summary>
/// <remarks>Implemented by (ref) structs so the pass is specialised and inlined per statistic: no delegate, no allocation.</remarks>
public interface IRollingSink
{
    /// <summary>The window ending at <paramref name="index"/> has at least the least count of valid pairs.</summary>
    void Write(int index, in CoMoments window);

    /// <summary>The window ending at <paramref name="index"/> has fewer valid pairs than the least count.</summary>
    void Skip(int index);
}
