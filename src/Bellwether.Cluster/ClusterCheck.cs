using Bellwether.Core.Screening;

namespace Bellwether.Cluster;

/// <summary>
/// Compares what a screen's grains hold with the single-process engine fed the same bars: every instrument's track
/// (bars counted, drawdown) and every lane of every block (correlation bits and count). A grain whose silo died after
/// its replay ended is read again once it is back (from its flushed state) rather than failing the check.
/// </summary>
public static class ClusterCheck
{
    public static async Task<ClusterComparison> Compare(IGrainFactory grains, ScreenSpec spec, CoMovementEngine engine)
    {
        static Task<T> Read<T>(Func<Task<T>> call) =>
            ClusterRetry.Call(call, TimeSpan.FromMinutes(3), CancellationToken.None);

        long lost = 0, duplicated = 0, lanes = 0, differing = 0;
        for (int i = 0; i < spec.Instruments; i++)
        {
            var grain = grains.GetGrain<IInstrumentGrain>(spec.InstrumentKey(i));
            var held = (await Read(grain.Track)).ToTrack();
            var expected = engine.Tracks[i];
            lost += Math.Max(0, expected.Bars - held.Bars);
            duplicated += Math.Max(0, held.Bars - expected.Bars);
            if (held != expected) differing++;
        }
        for (int b = 0; b < spec.Layout.BlockCount; b++)
        {
            var grain = grains.GetGrain<IPairBlockGrain>(spec.BlockKey(b));
            var held = await Read(grain.Readings);
            var expected = engine.Blocks[b];
            int members = expected.Members.Count;
            lost += (long)Math.Max(0, expected.LastStep - held.LastStep) * members;
            duplicated += (long)Math.Max(0, held.LastStep - expected.LastStep) * members;
            foreach (var (mine, theirs) in held.Readings().Zip(expected.Readings()))
            {
                lanes++;
                if (mine.A != theirs.A || mine.B != theirs.B || mine.Lag != theirs.Lag || mine.Count != theirs.Count ||
                    BitConverter.DoubleToInt64Bits(mine.Correlation) != BitConverter.DoubleToInt64Bits(
                        theirs.Correlation))
                    differing++;
            }
            if (held.A.Length != expected.PairCount * (2 * spec.MaxLag + 1)) differing++;
        }
        return new ClusterComparison(lost, duplicated, lanes, differing);
    }
}

/// <summary>
/// Bars (and block steps × members) the grains miss or hold twice against the engine, the lanes compared, and the
/// lanes and tracks that differ in any bit.
/// </summary>
public sealed record ClusterComparison(long Lost, long Duplicated, long Lanes, long Differing)
{
    public bool Equal => Lost == 0 && Duplicated == 0 && Differing == 0;
}
