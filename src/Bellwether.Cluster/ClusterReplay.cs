using System.Diagnostics;
using Bellwether.Core.Screening;

namespace Bellwether.Cluster;

/// <summary>
/// Feeds a universe's bars to a screen's grains (every pair block and every instrument), each grain its own sequence
/// of batches, many grains at once. A grain's ack says where it stands, and the next batch starts there: after a silo
/// dies, the grains on it come back elsewhere from their last persisted step, say so on the next call (or on the
/// retried one), and get the bars since. Nothing is lost and nothing counted twice, because the grains apply only the
/// step after their last (<see cref="IStepGrain.Append"/>).
/// </summary>
public sealed class ClusterReplay(IGrainFactory grains, ScreenSpec spec, ScreenUniverse universe)
{
    private long _workDone, _applied, _ignored, _gaps, _retries, _firstFailure, _lastRecovery;

    /// <summary>Steps per batch.</summary>
    public int BatchSteps { get; init; } = 32;

    /// <summary>Steps a grain already holds that each batch repeats (an at-least-once feed's re-deliveries).</summary>
    public int Overlap { get; init; }

    /// <summary>Grains fed at once.</summary>
    public int Parallelism { get; init; } = 32;

    /// <summary>How long a grain may stay unreachable (a dead silo not yet declared dead) before the replay
    /// fails.</summary>
    public TimeSpan RetryFor { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// The share of a replay up to step <paramref name="to"/> acknowledged so far, each grain's steps weighted by its
    /// pairs (an instrument grain's by one), so that the share follows the work: counted per grain, the thousands of
    /// cheap instrument grains fed after the blocks would make a replay seem a fifth done until its last second.
    /// </summary>
    public double Progress(int to) =>
        Interlocked.Read(ref _workDone) / (double)((spec.Layout.PairCount + universe.Ids.Count) * to);

    /// <summary>Feeds every grain up to step <paramref name="to"/> (exclusive), then has each persist.</summary>
    public async Task<ReplayCounts> Run(int to, CancellationToken cancellationToken = default)
    {
        if (universe.Ids.Count != spec.Instruments)
            throw new ArgumentException($"{universe.Ids.Count} instruments for a screen of {spec.Instruments}");
        var layout = spec.Layout;
        var targets = Enumerable.Range(0, layout.BlockCount)
            .Select(b => new Target(grains.GetGrain<IPairBlockGrain>(spec.BlockKey(b)), layout.Members(b),
                layout.Pairs(b).Length))
            .Concat(Enumerable.Range(0, universe.Ids.Count)
                .Select(i => new Target(grains.GetGrain<IInstrumentGrain>(spec.InstrumentKey(i)), [i], 1)));
        await Parallel.ForEachAsync(targets, new ParallelOptions
        {
            MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken,
        }, async (target, ct) => await Drive(target, to, ct));
        double recovery = _firstFailure == 0 ? 0 : Stopwatch.GetElapsedTime(_firstFailure, _lastRecovery).TotalSeconds;
        return new ReplayCounts(_applied, _ignored, (int)_gaps, (int)_retries, recovery);
    }

    /// <summary>A grain, the instruments whose closes it gets, and its weight in <see cref="Progress"/>.</summary>
    private sealed record Target(IStepGrain Grain, IReadOnlyList<int> Members, long Weight);

    private async Task Drive(Target target, int to, CancellationToken ct)
    {
        var (grain, members, weight) = target;
        long done = 0;
        void Acknowledged(AppendAck ack)
        {
            Interlocked.Add(ref _workDone, weight * (ack.LastStep + 1 - done));
            done = ack.LastStep + 1;
        }

        var ack = await Reliably(grain.Position, ct);
        Acknowledged(ack);
        // Until a flush finds the grain at the end: the flush may reach a new activation that came back from an
        // earlier checkpoint, when the silo holding the grain died after its last batch.
        do
        {
            while (ack.LastStep + 1 < to)
            {
                int from = Math.Max(0, ack.LastStep + 1 - Overlap), count = Math.Min(BatchSteps, to - from);
                var days = Enumerable.Range(from, count).Select(t => universe.Calendar[t].DayNumber);
                var batch = new BarBatch(from, [.. days], universe.Slice(members, from, count));
                ack = await Reliably(() => grain.Append(batch), ct);
                Interlocked.Add(ref _applied, ack.Applied);
                Interlocked.Add(ref _ignored, ack.Ignored);
                if (ack.Gap) Interlocked.Increment(ref _gaps);
                Acknowledged(ack);
            }
            ack = await Reliably(grain.Flush, ct);
            Acknowledged(ack);
        } while (ack.LastStep + 1 < to);
    }

    /// <summary>
    /// The call, retried while its silo is unreachable: a retried Append is safe because it is idempotent, and its
    /// ack tells where the grain stands (possibly earlier than before, if it came back from its last persisted step).
    /// </summary>
    private Task<AppendAck> Reliably(Func<Task<AppendAck>> call, CancellationToken ct) =>
        ClusterRetry.Call(call, RetryFor, ct, failed: () =>
        {
            Interlocked.CompareExchange(ref _firstFailure, Stopwatch.GetTimestamp(), 0);
            Interlocked.Increment(ref _retries);
        }, succeeded: attempt =>
        {
            if (attempt > 1) InterlockedMax(ref _lastRecovery, Stopwatch.GetTimestamp());
        });

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        do
        {
            seen = Interlocked.Read(ref target);
            if (value <= seen) return;
        } while (Interlocked.CompareExchange(ref target, value, seen) != seen);
    }
}

/// <summary>
/// A replay's counts: steps applied by grains (a step a grain lost in a crash and was sent again counts again),
/// steps ignored because the grain had them, batches refused for a gap, calls retried, and the seconds from the first
/// failed call to the last call that succeeded after failing (0 without a failure): how long a dead silo's grains
/// were out of reach.
/// </summary>
public sealed record ReplayCounts(long Applied, long Ignored, int Gaps, int Retries, double RecoverySeconds);
