namespace Bellwether.Core.Study.Bootstrap;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny seeded generator whose k-th output depends only on the seed and
/// k, so every resampling here is reproducible bit for bit, on any machine and thread count, and a reference script
/// can replay it. Not for cryptography.
/// </summary>
public struct SplitMix64(ulong state)
{
    private const ulong Gamma = 0x9E3779B97F4A7C15;
    private ulong _state = state;

    /// <summary>A generator for one named stream of a seed: the seed XOR the FNV-1a hash of <paramref name="key"/>'s
    /// UTF-16 code units.</summary>
    public static SplitMix64 Stream(ulong seed, string key)
    {
        ulong h = 0xCBF29CE484222325;
        foreach (char c in key)
        {
            h ^= c;
            h *= 0x100000001B3;
        }
        return new SplitMix64(seed ^ h);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        ulong z = _state += Gamma;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform double in [0, 1) from the top 53 bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="n"/>).</summary>
    public int NextInt(int n) => (int)(NextDouble() * n);
}
