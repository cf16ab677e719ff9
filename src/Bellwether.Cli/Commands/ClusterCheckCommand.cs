using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Bellwether.Cluster;
using Bellwether.Core.Screening;
using Bellwether.Data.Market;
using Microsoft.Extensions.DependencyInjection;

namespace Bellwether.Cli.Commands;

/// <summary>
/// <c>bellwether cluster-check --cluster REDIS</c>: replays a universe (the store's, or a seeded synthetic one) through
/// the cluster's grains, feeds the same bars to the single-process engine, compares every result bit for bit and
/// prints one JSON line with the counts and both speeds (deploy/local-cluster and bench/README.md use it). Progress
/// goes to stderr as <c>progress 0.42</c> lines, so a script can kill a silo mid-way.
/// </summary>
internal static class ClusterCheckCommand
{
    public static Command Create()
    {
        var cluster = ClusterArguments.Connection(required: true);
        var synthetic =
            new Option<int?>("--synthetic")
            {
                Description =
                "Replay a seeded synthetic universe of N instruments instead of the store"
            }
            .Between(2, 1_000_000);
        var steps = new Option<int>("--steps")
        {
            Description = "With --synthetic: steps (days) of bars",
            DefaultValueFactory = _ => 250
        }.Between(2, 100_000);
        var window = new Option<int>("--window")
        {
            Description = "Window in steps", DefaultValueFactory = _ =>
            90
        }.Between(4, 100_000);
        var maxLag = new Option<int>("--max-lag")
        {
            Description = "Largest lead in steps", DefaultValueFactory = _ =>
            1
        }.Between(0, 5);
        var group = new Option<int>("--group-size")
        {
            Description = "Instruments per group of the pair blocks",
            DefaultValueFactory = _ => 64
        }.Between(1, 4096);
        var batch = new Option<int>("--batch")
        {
            Description = "Steps per batch sent to a grain",
            DefaultValueFactory = _ => 32
        }.Between(1, 100_000);
        var overlap =
            new Option<int>("--overlap")
            {
                Description =
                "Steps each batch repeats (re-deliveries the grains must ignore)", DefaultValueFactory = _ => 0
            }
            .Between(0, 100_000);
        var command = new Command("cluster-check",
            "Replay a universe through the cluster and compare every result with the single-process engine (one JSON " +
            "line)")
        {
            cluster, synthetic, steps, window, maxLag, group, batch, overlap,
        };
        command.SetAction(async (parse, ct) =>
        {
            var universe = parse.GetValue(synthetic) is { } n
                ? ScreenUniverse.Synthetic(n, parse.GetValue(steps), seed: 17)
                : LoadStore(parse);
            var options = new ScreenOptions(parse.GetValue(window), parse.GetValue(maxLag));
            var spec = new ScreenSpec($"check-{Guid.NewGuid():N}"[..14], universe.Ids.Count, parse.GetValue(group),
                options.Window, options.MaxLag);
            var error = parse.InvocationConfiguration.Error;

            using var host = ClusterArguments.Client(parse.GetValue(cluster)!);
            var grains = host.Services.GetRequiredService<IClusterClient>();
            int silos = (await grains.GetGrain<IManagementGrain>(0).GetHosts(true, ct)).Count;
            var replay = new ClusterReplay(grains, spec, universe)
            {
                BatchSteps = parse.GetValue(batch),
                Overlap = parse.GetValue(overlap)
            };
            // Wall and CPU time of each part: on a shared machine CPU time tells the work apart from the waiting.
            using var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var running = replay.Run(universe.Steps, ct);
            while (await Task.WhenAny(running, Task.Delay(500, ct)) != running)
                error.WriteLine($"progress {replay.Progress(universe.Steps):0.00}");
            var counts = await running;
            double replaySeconds = clock.Elapsed.TotalSeconds;
            process.Refresh();
            double replayCpu = (process.TotalProcessorTime - cpu).TotalSeconds;

            cpu = process.TotalProcessorTime;
            clock.Restart();
            var engine = new CoMovementEngine(spec.Layout, options);
            engine.Feed(universe, universe.Steps);
            double engineSeconds = clock.Elapsed.TotalSeconds;
            process.Refresh();
            double engineCpu = (process.TotalProcessorTime - cpu).TotalSeconds;
            var comparison = await ClusterCheck.Compare(grains, spec, engine);

            double pairUpdates = (double)spec.Layout.PairCount * universe.Steps;
            long bars = Enumerable.Range(0, universe.Ids.Count).Sum(i => (long)universe.BarCount(i));
            var line = new Dictionary<string, object>
            {
                ["silos"] = silos, ["instruments"] = universe.Ids.Count, ["pairs"] = spec.Layout.PairCount,
                ["bars"] = bars,
                ["lost"] = comparison.Lost, ["duplicated"] = comparison.Duplicated, ["equal"] = comparison.Equal,
                ["updates_per_s"] = Math.Round(pairUpdates / replaySeconds),
                ["recovery_s"] = Math.Round(counts.RecoverySeconds, 1),
                ["engine_updates_per_s"] = Math.Round(pairUpdates / engineSeconds),
                ["steps"] = universe.Steps, ["lanes_per_pair"] = 2 * options.MaxLag + 1,
                ["blocks"] = spec.Layout.BlockCount,
                ["replay_s"] = Math.Round(replaySeconds, 2), ["engine_s"] = Math.Round(engineSeconds, 2),
                ["replay_client_cpu_s"] = Math.Round(replayCpu, 2), ["engine_cpu_s"] = Math.Round(engineCpu, 2),
                ["ignored"] = counts.Ignored, ["gaps"] = counts.Gaps, ["retries"] = counts.Retries,
                ["differing"] = comparison.Differing,
            };
            parse.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(line));
            return comparison.Equal ? Cli.Ok : Cli.RuntimeError;
        });
        return command;
    }

    private static ScreenUniverse LoadStore(ParseResult parse)
    {
        using var store = StoreAccess.OpenForRead(parse);
        return StoreUniverse.Load(store, since: null).Universe;
    }
}
