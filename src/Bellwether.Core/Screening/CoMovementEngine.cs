namespace Bellwether.Core.Screening;

/// <summary>
/// The single-process screen: every block of a <see cref="ScreenLayout"/> and every instrument's track, fed step by
/// step in this process (the default; the Orleans cluster runs the same blocks as grains).
/// </summary>
public sealed class CoMovementEngine
{
    private readonly PairBlock[] _blocks;
    private readonly InstrumentTrack[] _tracks;

    public CoMovementEngine(ScreenLayout layout, ScreenOptions options)
    {
        Layout = layout;
        _blocks = [.. Enumerable.Range(0, layout.BlockCount).Select(b => PairBlock.Of(layout, b, options))];
        _tracks = [.. Enumerable.Range(0, layout.Instruments).Select(_ => new InstrumentTrack())];
    }

    public ScreenLayout Layout { get; }
    public IReadOnlyList<PairBlock> Blocks => _blocks;
    public IReadOnlyList<InstrumentTrack> Tracks => _tracks;

    /// <summary>The last step fed; −1 before the first.</summary>
    public int LastStep { get; private set; } = -1;

    /// <summary>Feeds the steps of <paramref name="universe"/> after <see cref="LastStep"/> up to <paramref name="to"/>
    /// (exclusive), blocks in parallel.</summary>
    public void Feed(ScreenUniverse universe, int to)
    {
        if (universe.Ids.Count != Layout.Instruments)
            throw new ArgumentException($"{universe.Ids.Count} instruments for a layout of {Layout.Instruments}");
        int from = LastStep + 1;
        if (to <= from) return;
        Parallel.For(0, _blocks.Length, b => _blocks[b].Feed(universe, to));
        for (int i = 0; i < _tracks.Length; i++)
            for (int t = from; t < to; t++) _tracks[i] = _tracks[i].Step(t, universe.Calendar[t], universe.Close(t, i));
        LastStep = to - 1;
    }

    /// <summary>Every lane of the pairs holding <paramref name="instrument"/>.</summary>
    public IEnumerable<PairReading> ReadingsOf(int instrument) =>
        Layout.BlocksOf(instrument).SelectMany(b => _blocks[b].ReadingsOf(instrument));
}
