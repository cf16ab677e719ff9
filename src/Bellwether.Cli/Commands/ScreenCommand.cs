using System.CommandLine;
using Bellwether.Cluster;
using Bellwether.Core.Instruments;
using Bellwether.Core.Screening;
using Bellwether.Data.Market;
using Bellwether.Data.Store;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary>
/// <c>bellwether screen INSTRUMENT</c>: what moves with an instrument across every stored series, and what leads it,
/// as rolling correlations of log returns with Fisher-z 95% intervals; in this process, or on the Orleans cluster with
/// <c>--cluster</c> (docs/scale.md).
/// </summary>
internal static class ScreenCommand
{
    public static Command Create()
    {
        var instrument = new Argument<string>("instrument") { Description = "Instrument id, e.g. RUT" };
        var top = new Option<int>("--top") { Description = "Rows per list", DefaultValueFactory = _ => 10 }.Between(1,
            1000);
        var window =
            new Option<int>("--window")
            {
                Description = "Window in steps of the calendar (every date with a bar)",
                DefaultValueFactory = _ => 90
            }
            .Between(4, 100_000);
        var maxLag = new Option<int>("--max-lag")
        {
            Description = "Largest lead in steps for the leaders",
            DefaultValueFactory = _ => 1
        }.Between(1, 5);
        var minPairs =
            new Option<int>("--min-pairs")
            {
                Description = "Least return pairs for a correlation to be ranked",
                DefaultValueFactory = _ => 30
            }
            .Between(4, 100_000);
        var group =
            new Option<int>("--group-size")
            {
                Description = "With --cluster: instruments per group of the pair blocks",
                DefaultValueFactory = _ => 64
            }
            .Between(1, 4096);
        var since = new Option<string?>("--since")
        {
            Description =
                "First date of the bars fed (default: three years before the last stored date; the window is the " +
                "last N steps)",
        };
        var cluster = ClusterArguments.Connection(required: false);
        var command = new Command("screen",
            "Top co-movers and leaders of an instrument across every stored series, with 95% intervals")
        {
            instrument, top, window, maxLag, minPairs, group, since, cluster,
        };
        command.SetAction(async (parse, ct) =>
        {
            using var store = StoreAccess.OpenForRead(parse);
            var id = parse.GetValue(instrument)!;
            var found = store.FindInstrument(id) ?? throw store.UnknownInstrument(id);
            var end = WindowEnd(store, found);
            var first = StoreAccess.Date(parse, since) ?? end.Date.AddYears(-3);
            if (first > end.Date)
                throw new UsageException(
                    $"--since {first:yyyy-MM-dd} is after {found.QualifiedId}'s last bar ({end.Date:yyyy-MM-dd})");
            var screened = StoreUniverse.Load(store, first, end.Date);
            var universe = screened.Universe;
            int target = universe.Ids.ToList().IndexOf(found.QualifiedId);
            if (target < 0)
                throw new InvalidOperationException($"{found.QualifiedId} cannot be screened: " +
                    screened.Excluded.First(e => e.Id == found.QualifiedId).Reason);
            var options = new ScreenOptions(parse.GetValue(window), parse.GetValue(maxLag));
            var readings = parse.GetValue(cluster) is { } redis
                ? await OnCluster(redis, universe, target, options, parse.GetValue(group), end.EarlierThanStore, ct)
                : InProcess(universe, target, options);
            int minimum = parse.GetValue(minPairs);
            var result = CoMovementScreen.Rank(universe, target, readings, parse.GetValue(top), minimum);
            var report = new Report(result, universe.Calendar[^1], end.Reason, options.Window, minimum,
                universe.Ids.Count,
                [.. screened.Excluded.Select(e => new Excluded(e.Id, e.Reason))]);
            if (parse.GetValue(Cli.Json)) Output.WriteJson(parse, report);
            else Print(parse, report);
            return Cli.Ok;
        });
        return command;
    }

    /// <summary>
    /// Where the window ends: at the instrument's last close. Past it the instrument has no return, so a window ending
    /// at the store's last date would hold none of its pairs; when that is earlier than the store's last date, the
    /// reason says so.
    /// </summary>
    private static WindowEnding WindowEnd(BellwetherStore store, Instrument instrument)
    {
        var series = store.LoadSeries(instrument.QualifiedId);
        int last = series.Close.Length - 1;
        while (last >= 0 && double.IsNaN(series.Close[last])) last--;
        if (last < 0)
            throw new InvalidOperationException($"{instrument.QualifiedId} has no stored close: nothing to screen");
        var date = series.Dates[last];
        var storeLast = store.LastDate()!.Value;
        return date < storeLast
            ? new(date, true, $"{instrument.QualifiedId}'s last bar is {date:yyyy-MM-dd}, before the store's " +
                              $"last date ({storeLast:yyyy-MM-dd}): the window ends at that bar, later dates left out")
            : new(date, false, null);
    }

    private sealed record WindowEnding(DateOnly Date, bool EarlierThanStore, string? Reason);

    /// <summary>The target's pairs only (a star block): O(n) per step.</summary>
    private static List<PairReading> InProcess(ScreenUniverse universe, int target, ScreenOptions options)
    {
        var star = PairBlock.Star(universe.Ids.Count, target, options);
        star.Feed(universe, universe.Steps);
        return [.. star.Readings()];
    }

    /// <summary>
    /// Brings the cluster's grains up to the store's last step (each grain gets only the steps it lacks), then reads
    /// the target's lanes from the blocks that hold its pairs.
    /// </summary>
    private static async Task<List<PairReading>> OnCluster(string redis, ScreenUniverse universe, int target,
        ScreenOptions options, int groupSize, bool endsEarly, CancellationToken ct)
    {
        using var host = ClusterArguments.Client(redis);
        var grains = host.Services.GetRequiredService<IClusterClient>();
        var spec = new ScreenSpec(UniverseName(universe, endsEarly), universe.Ids.Count, groupSize, options.Window,
            options.MaxLag);
        await new ClusterReplay(grains, spec, universe).Run(universe.Steps, ct);
        var readings = new List<PairReading>();
        foreach (int block in spec.Layout.BlocksOf(target))
        {
            var lanes = await grains.GetGrain<IPairBlockGrain>(spec.BlockKey(block)).ReadingsOf(target);
            if (lanes.LastStep != universe.Steps - 1)
                throw new InvalidOperationException(
                    $"block {block} is at step {lanes.LastStep} of {universe.Steps - 1}");
            readings.AddRange(lanes.Readings());
        }
        return readings;
    }

    /// <summary>A name for the store's universe: its instruments and first date (a store that gains an instrument
    /// is another universe on the cluster; one that gains days continues the same), and its last date when it ends
    /// before the store does (its grains must not run on past it).</summary>
    private static string UniverseName(ScreenUniverse universe, bool endsEarly)
    {
        var dates = $"{universe.Calendar[0]:yyyy-MM-dd}" + (endsEarly ? $"/{universe.Calendar[^1]:yyyy-MM-dd}" : "");
        var text = string.Join('\n', universe.Ids.Prepend(dates));
        return "store-"
            + Convert.ToHexStringLower(
                System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..12];
    }

    private static void Print(ParseResult parse, Report report)
    {
        var console = Output.Console(parse);
        var r = report.Screen;
        console.WriteLine(
            $"{r.Instrument} against {report.Instruments - 1:#,0} series, window {report.Window} steps to " +
                          $"{report.AsOf:yyyy-MM-dd}; {r.NotRanked:#,0} lanes too thin to rank " +
                          $"(fewer than {report.MinPairs} return pairs in the window, or one side constant)");
        if (report.EndReason is { } reason) console.WriteLine(reason);
        foreach (var (title, rows) in new[] { ("Co-movers (same step)", r.CoMovers),
            ("Leaders (their return k steps earlier)", r.Leaders) })
        {
            if (rows.Count == 0)
            {
                console.WriteLine($"{title}: none with at least {report.MinPairs} return pairs in the window");
                continue;
            }
            var table = new Table().Title(title).AddColumns("instrument", "lead", "r", "95% interval", "n");
            foreach (var row in rows)
                table.AddRow(Markup.Escape(row.Other), row.Lag == 0 ? "" : $"{row.Lag}",
                    CorrCommand.Coefficient(row.Correlation),
                    $"{CorrCommand.Coefficient(row.Low)} to {CorrCommand.Coefficient(row.High)}", $"{row.Count:#,0}");
            console.Write(table);
        }
        foreach (var excluded in report.Excluded.GroupBy(e => e.Reason))
            console.WriteLine(
                $"Not screened, {excluded.Key} ({excluded.Count()}): {string.Join(", ", excluded.Select(e => e.Id))}");
    }

    /// <summary>The screen, the date of the last step (and why it is before the store's last date, if it is), the
    /// window, the least return pairs ranked, the instruments screened, and the series left out with why.</summary>
    private sealed record Report(ScreenResult Screen, DateOnly AsOf, string? EndReason, int Window, int MinPairs,
        int Instruments, IReadOnlyList<Excluded> Excluded);

    private sealed record Excluded(string Id, string Reason);
}
