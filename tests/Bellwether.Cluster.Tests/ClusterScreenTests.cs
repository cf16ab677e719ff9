using Bellwether.Core.Screening;
using Bellwether.Data.Market;
using Bellwether.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.TestingHost;
using Xunit;

namespace Bellwether.Cluster.Tests;

/// <summary>
/// The screen on Orleans' in-process test cluster (3 silos) with grain state in a real redis-server: results equal
/// the single-process engine bit for bit, a silo killed during a replay loses no bar and double-counts none, and a
/// cluster started again resumes from the state it persisted.
/// </summary>
public class ClusterScreenTests
{
    private static readonly ScreenSpec Synthetic = new("synthetic", 48, 8, 30, 1);

    [Fact]
    public async Task A_silo_killed_during_a_replay_loses_no_bar_and_counts_none_twice()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = await RedisServer.Start();
        await using var cluster = await Cluster(redis, "kill");
        var universe = ScreenUniverse.Synthetic(Synthetic.Instruments, 240, seed: 3);
        // The silo to kill holds grains the replay feeds last (it takes the instruments after every block), so the
        // kill lands before they are fed however fast the machine runs the rest.
        var silo = await SiloOfLastFed(cluster, ct);
        // Every batch repeats two steps the grain has (an at-least-once feed): they must be ignored.
        var replay = new ClusterReplay(cluster.Client, Synthetic, universe)
        {
            BatchSteps = 8, Overlap = 2,
            Parallelism = 8
        };
        var running = replay.Run(universe.Steps, ct);
        while (replay.Progress(universe.Steps) < 0.3 && !running.IsCompleted) await Task.Delay(10, ct);
        Assert.False(running.IsCompleted, "the replay ended before the kill");
        await cluster.KillSiloAsync(silo, ct);
        var counts = await running;

        var comparison = await ClusterCheck.Compare(cluster.Client, Synthetic, Engine(Synthetic, universe));
        Assert.Equal(new ClusterComparison(0, 0, comparison.Lanes, 0), comparison);
        Assert.Equal(Synthetic.Layout.PairCount * 3, comparison.Lanes);
        Assert.True(counts.Ignored > 0, "no re-delivered step was ignored");
        // The kill was felt: calls to the dead silo were retried, or grains came back from an earlier checkpoint.
        Assert.True(counts.Retries + counts.Gaps > 0, $"{counts}");
    }

    /// <summary>
    /// The silo other than the first (killing the test cluster's first silo takes its membership with it) holding
    /// most of the last ten instrument grains, activated here where they will stay until the replay feeds them.
    /// </summary>
    private static async Task<InProcessSiloHandle> SiloOfLastFed(InProcessTestCluster cluster, CancellationToken ct)
    {
        var management = cluster.Client.GetGrain<IManagementGrain>(0);
        var held = new List<SiloAddress>();
        for (int i = Synthetic.Instruments - 10; i < Synthetic.Instruments; i++)
        {
            var grain = cluster.Client.GetGrain<IInstrumentGrain>(Synthetic.InstrumentKey(i));
            await grain.Position();
            if (await management.GetActivationAddress(grain, ct) is { } address) held.Add(address);
        }
        return cluster.Silos.Skip(1).MaxBy(s => held.Count(a => a.Equals(s.SiloAddress)))!;
    }

    [Fact]
    public async Task A_grain_whose_silo_died_after_its_last_batch_tells_the_flush_it_is_behind()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = await RedisServer.Start();
        await using var cluster = await Cluster(redis, "flush");
        var universe = ScreenUniverse.Synthetic(Synthetic.Instruments, 240, seed: 5);
        // Every instrument grain fed steps 0–234 in batches of 8 and not flushed: the last checkpoint it crossed (a
        // multiple of the window of 30) was persisted at the end of the batch 208–215.
        const int to = 235;
        var grains = Enumerable.Range(0, Synthetic.Instruments)
            .Select(i => cluster.Client.GetGrain<IInstrumentGrain>(Synthetic.InstrumentKey(i))).ToList();
        for (int i = 0; i < grains.Count; i++)
            for (int from = 0; from < to; from += 8)
            {
                int count = Math.Min(8, to - from);
                var days = Enumerable.Range(from, count).Select(t => universe.Calendar[t].DayNumber);
                await grains[i].Append(new BarBatch(from, [.. days], universe.Slice([i], from, count)));
            }
        await cluster.KillSiloAsync(cluster.Silos[1], ct);

        // About a third of the grains lived on the killed silo: their flush reactivates them at step 215.
        var flushed = new List<int>();
        foreach (var grain in grains) flushed.Add((await Retried(grain.Flush, ct)).LastStep);
        Assert.All(flushed, step => Assert.True(step is 234 or 215, $"flushed at step {step}"));
        Assert.Contains(215, flushed);
        Assert.Contains(234, flushed);

        await new ClusterReplay(cluster.Client, Synthetic, universe) { BatchSteps = 8 }.Run(to, ct);
        var engine = new CoMovementEngine(Synthetic.Layout, Synthetic.Options);
        engine.Feed(universe, to);
        var comparison = await ClusterCheck.Compare(cluster.Client, Synthetic, engine);
        Assert.True(comparison.Equal, $"{comparison}");
    }

    [Fact]
    public async Task A_cluster_started_again_resumes_from_persisted_state_and_refuses_a_gap()
    {
        await using var redis = await RedisServer.Start();
        var universe = ScreenUniverse.Synthetic(Synthetic.Instruments, 240, seed: 4);
        await using (var first = await Cluster(redis, "restart"))
            await new ClusterReplay(first.Client, Synthetic, universe) { BatchSteps = 16 }.Run(150,
                TestContext.Current.CancellationToken);
        // Redis itself restarts from its append-only file.
        await redis.Restart();
        await using var second = await Cluster(redis, "restart");
        var block = second.Client.GetGrain<IPairBlockGrain>(Synthetic.BlockKey(5));
        Assert.Equal(149, (await block.Position()).LastStep);
        var members = Synthetic.Layout.Members(5);
        var gap = await block.Append(new BarBatch(151, [universe.Calendar[151].DayNumber],
            universe.Slice(members, 151, 1)));
        Assert.Equal((true, 149, 0), (gap.Gap, gap.LastStep, gap.Applied));
        var again = await block.Append(new BarBatch(148,
            [.. Enumerable.Range(148, 3).Select(t => universe.Calendar[t].DayNumber)],
            universe.Slice(members, 148, 3)));
        Assert.Equal((false, 150, 1, 2), (again.Gap, again.LastStep, again.Applied, again.Ignored));
        var counts = await new ClusterReplay(second.Client, Synthetic, universe) { BatchSteps = 16 }
            .Run(universe.Steps, TestContext.Current.CancellationToken);
        // Only the steps after the persisted ones were sent: 90 per grain, less the one applied above.
        Assert.Equal((18 + 48) * 90 - 1, counts.Applied);
        var comparison = await ClusterCheck.Compare(second.Client, Synthetic, Engine(Synthetic, universe));
        Assert.True(comparison.Equal, $"{comparison}");
    }

    [Fact]
    public async Task The_stored_data_screened_on_the_cluster_equals_the_single_process_engine_bit_for_bit()
    {
        await using var redis = await RedisServer.Start();
        await using var cluster = await Cluster(redis, "data");
        using var store = TestData.OpenStore();
        // The last two years: every series and calendar of the data, at a cost CI can pay.
        var universe = StoreUniverse.Load(store, store.LastDate()!.Value.AddYears(-2)).Universe;
        var spec = new ScreenSpec("data", universe.Ids.Count, 64, 90, 1);
        await new ClusterReplay(cluster.Client, spec, universe) { BatchSteps = 64 }.Run(universe.Steps,
            TestContext.Current.CancellationToken);
        var comparison = await ClusterCheck.Compare(cluster.Client, spec, Engine(spec, universe));
        Assert.True(comparison.Equal, $"{comparison}");
        Assert.Equal(spec.Layout.PairCount * 3, comparison.Lanes);
    }

    /// <summary>The call, retried while its grain's silo is dead but not yet declared so.</summary>
    private static async Task<T> Retried<T>(Func<Task<T>> call, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (e is OrleansException or TimeoutException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, ct);
            }
        }
    }

    private static CoMovementEngine Engine(ScreenSpec spec, ScreenUniverse universe)
    {
        var engine = new CoMovementEngine(spec.Layout, spec.Options);
        engine.Feed(universe, universe.Steps);
        return engine;
    }

    /// <summary>Three silos storing grain state in <paramref name="redis"/>, under one service id per test (so a
    /// cluster started again finds the state of the one before).</summary>
    /// <param name="holdClock">Times thesis grains' feeder holds (<see cref="ThesisGrain.ClockKey"/>); default: the
    /// system's.</param>
    internal static async Task<InProcessTestCluster> Cluster(RedisServer redis, string serviceId,
        TimeProvider? holdClock = null)
    {
        var builder = new InProcessTestClusterBuilder(3);
        builder.Options.ServiceId = serviceId;
        builder.ConfigureSilo((_, silo) =>
        {
            if (holdClock is not null) silo.Services.AddKeyedSingleton(ThesisGrain.ClockKey, holdClock);
            silo.UseBellwetherStorage(redis.ConnectionString)
                // A killed silo is declared dead after about 3 missed probes of 2 s (the default is 10 s).
                .Configure<ClusterMembershipOptions>(o => o.ProbeTimeout = TimeSpan.FromSeconds(2));
            // Random placement: the default places by the silos' load, the same for all of them in one test process,
            // and the kill tests look for grains placed off the first silo.
            silo.Services.AddSingleton<PlacementStrategy, RandomPlacement>();
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
