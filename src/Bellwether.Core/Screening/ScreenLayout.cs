namespace Bellwether.Core.Screening;

/// <summary>
/// How the pairs of a universe of <see cref="Instruments"/> instruments are cut into blocks of about the same work.
/// The instruments are split in order into groups of <see cref="GroupSize"/>; a block holds either every pair between
/// two groups (a tile of G × G pairs, for 2·G instruments' bars) or the pairs inside two groups (two triangles of
/// G·(G − 1)/2 pairs each, so again about G² pairs). With g groups there are g·(g − 1)/2 tiles and ⌈g/2⌉ blocks of
/// triangles; every pair is in exactly one block.
/// </summary>
public sealed class ScreenLayout
{
    /// <exception cref="ArgumentOutOfRangeException">Fewer than two instruments, or a group size below one.</exception>
    public ScreenLayout(int instruments, int groupSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(instruments, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(groupSize, 1);
        (Instruments, GroupSize) = (instruments, Math.Min(groupSize, instruments));
        Groups = (Instruments + GroupSize - 1) / GroupSize;
        TileCount = Groups * (Groups - 1) / 2;
        BlockCount = TileCount + (Groups + 1) / 2;
    }

    public int Instruments { get; }
    public int GroupSize { get; }
    public int Groups { get; }
    public int BlockCount { get; }
    private int TileCount { get; }

    /// <summary>n·(n − 1)/2.</summary>
    public long PairCount => (long)Instruments * (Instruments - 1) / 2;

    /// <summary>The instruments of block <paramref name="block"/>, ascending.</summary>
    public int[] Members(int block)
    {
        var (first, second) = GroupsOf(block);
        return [.. GroupRange(first), .. second is { } s ? GroupRange(s) : []];
    }

    /// <summary>
    /// The pairs of block <paramref name="block"/> as indices into <see cref="Members"/>, the lower instrument first:
    /// a tile's every (first group, second group) pair, or each group's inner pairs.
    /// </summary>
    public (int A, int B)[] Pairs(int block)
    {
        var (first, second) = GroupsOf(block);
        int firstSize = GroupRange(first).Count();
        if (block < TileCount)
        {
            int secondSize = GroupRange(second!.Value).Count();
            return [.. from a in Enumerable.Range(0, firstSize)
                       from b in Enumerable.Range(firstSize, secondSize)
                       select (a, b)];
        }
        int total = firstSize + (second is { } s ? GroupRange(s).Count() : 0);
        return [.. Triangle(0, firstSize), .. Triangle(firstSize, total)];
    }

    /// <summary>The blocks holding a pair with <paramref name="instrument"/> (one per group).</summary>
    public IEnumerable<int> BlocksOf(int instrument)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(instrument);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(instrument, Instruments);
        int group = instrument / GroupSize;
        for (int block = 0; block < BlockCount; block++)
        {
            var (first, second) = GroupsOf(block);
            if (first == group || second == group) yield return block;
        }
    }

    private static IEnumerable<(int A, int B)> Triangle(int from, int to) =>
        Enumerable.Range(from, to - from).SelectMany(a => Enumerable.Range(a + 1, to - a - 1), (a, b) => (a, b));

    private IEnumerable<int> GroupRange(int group) =>
        Enumerable.Range(group * GroupSize, Math.Min(GroupSize, Instruments - group * GroupSize));

    /// <summary>A tile's two groups (row-major over first &lt; second), or a triangle block's one or two
    /// groups.</summary>
    private (int First, int? Second) GroupsOf(int block)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(block);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(block, BlockCount);
        if (block >= TileCount)
        {
            int first = 2 * (block - TileCount);
            return (first, first + 1 < Groups ? first + 1 : null);
        }
        int row = 0, rest = block;
        while (rest >= Groups - 1 - row) rest -= Groups - 1 - row++;
        return (row, row + 1 + rest);
    }
}
