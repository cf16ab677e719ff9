using Bellwether.Core.Alerts;
using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Streaming;
using Bellwether.Data.Alerts;
using Bellwether.Data.Market;
using Bellwether.Data.Store;
using Bellwether.Data.Thesis;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Cluster.Tests;

/// <summary>
/// Alert rules evaluated by the thesis grain on Orleans' in-process test cluster (3 silos, grain state in a real
/// redis-server), on the rules of every condition kind (tests/fixtures/alerts/every-kind.yaml) over the last two years
/// of the data and two weeks past its end, the first day a warm-up: the grain's notifications and memory equal what the
/// single-process engine gives on the batch boards of the same days, byte for byte; also when the silo holding the
/// grain is killed while it is fed (none lost, none doubled), and after the cluster and Redis are restarted (what was
/// acknowledged is not given again). The client's side (<see cref="ClusterAlertWatch"/>) records them in a store as
/// <c>alerts run</c> does, and a client that dies between delivering and acknowledging gets them again with the same
/// keys. On the excerpt without BELLWETHER_DATA, on all data with it.
/// </summary>
public class ClusterAlertTests
{
    private const string RulesFile = "tests/fixtures/alerts/every-kind.yaml";
    private const string ThesisName = "theses/russell-breakout-altseason.yaml (built in)";

    private static readonly Lazy<(BellwetherStore Store, StoreMarketData Data)> Opened = new(() =>
    {
        var store = TestData.OpenStore();
        return (store, new StoreMarketData(store));
    });

    private static readonly ThesisDefinition Thesis = ThesisFile.LoadDefault(Concepts.Signals);
    private static readonly string ThesisText = ThesisFile.Shipped(ThesisFile.DefaultName);
    private static string RulesPath => Path.Combine(Reference.RepoRoot, RulesFile);
    private static string RulesText => File.ReadAllText(RulesPath);

    /// <summary>The days evaluated (the first a warm-up) and what the single-process engine notifies on their batch
    /// boards.</summary>
    private sealed record Period(DateOnly From, DateOnly To, List<AlertNotification> Notifications,
        List<string> Memory)
    {
        public List<string> Texts => AlertTexts.Of(Notifications, Thesis.Name);
    }

    private static readonly Lazy<Period> Single = new(() =>
    {
        var data = Opened.Value.Data;
        var end = MarketFeed.LastDay(data);
        var (from, to) = (end.AddDays(-730), end.AddDays(14));
        var first = new MarketFeed(data, Thesis, Concepts.Signals, to).First;
        if (from < first) from = first;
        var engine = new AlertEngine(AlertRulesFile.LoadFor(RulesPath, Thesis, Concepts.Signals).Rules);
        var sent = AlertReplay.Boards(Thesis, data, from, to, Concepts.Signals)
            .SelectMany(b => engine.Step(b, notify: b.AsOf > from)).ToList();
        return new Period(from, to, sent, AlertTexts.Of(engine.Memory));
    });

    private static ThesisReplay Replay(string text, DateOnly last, int batchDays = 32) =>
        new(Opened.Value.Data, Thesis, text, ThesisName, last)
        {
            BatchDays = batchDays,
            Alerts = new AlertOpening(RulesText, RulesPath, Single.Value.From.DayNumber, WarmUp: true,
                "[]"u8.ToArray()),
        };

    [Fact]
    public async Task The_thesis_grain_notifies_what_the_single_process_engine_notifies()
    {
        var ct = TestContext.Current.CancellationToken;
        var period = Single.Value;
        Assert.True(period.Notifications.Count > 20, $"only {period.Notifications.Count} notifications");
        await using var redis = await RedisServer.Start();
        await using var cluster = await ClusterScreenTests.Cluster(redis, "alerts");
        var replay = Replay(ThesisText, period.To);
        Assert.StartsWith(ThesisReplay.KeyOf(Thesis, ThesisText) + "/alerts/", replay.Key);
        var answer = await replay.Notifications(cluster.Client, ct);
        Assert.Equal(period.Texts, AlertTexts.Of(answer.Pending, Thesis.Name));
        Assert.Equal(period.Memory, AlertTexts.Of(answer.Memory));
        Assert.Equal(period.To.DayNumber, answer.LastDay);
        // Acknowledged, the first half is not given again; the rest is, until acknowledged in turn.
        var half = answer.Pending.Take(answer.Pending.Count / 2).Select(n => n.Key).ToList();
        Assert.Equal(half.Count, await replay.Acknowledge(cluster.Client, half, ct));
        Assert.Equal(period.Texts.Skip(half.Count),
            AlertTexts.Of((await replay.Notifications(cluster.Client, ct)).Pending, Thesis.Name));
        Assert.Equal(0, await replay.Acknowledge(cluster.Client, half, ct));
    }

    [Fact]
    public async Task A_silo_killed_while_the_grain_evaluates_loses_and_doubles_no_notification()
    {
        var ct = TestContext.Current.CancellationToken;
        var period = Single.Value;
        await using var redis = await RedisServer.Start();
        await using var cluster = await ClusterScreenTests.Cluster(redis, "alerts-kill");
        var (text, silo) = await ClusterBoardTests.PlacedOffTheFirstSilo(cluster, ThesisFile.DefaultName, ct,
            RulesText);
        var replay = Replay(text, period.To, batchDays: 8);
        var running = replay.Notifications(cluster.Client, ct);
        // Halfway through the days evaluated: the grain comes back from an earlier snapshot and evaluates again the
        // days since, which the dead activation had evaluated too.
        int evaluated = period.To.DayNumber - period.From.DayNumber + 1, fed = period.To.DayNumber -
            replay.First.DayNumber + 1;
        while (replay.Progress < 1 - evaluated / 2.0 / fed && !running.IsCompleted) await Task.Delay(10, ct);
        Assert.False(running.IsCompleted, "the feed ended before the kill");
        await cluster.KillSiloAsync(silo, ct);
        var answer = await running;
        Assert.True(replay.Reopened > 0, $"the grain was not opened again ({replay.Retries} calls retried)");
        Assert.Equal(period.Texts, AlertTexts.Of(answer.Pending, Thesis.Name));
        Assert.Equal(period.Memory, AlertTexts.Of(answer.Memory));
    }

    [Fact]
    public async Task A_cluster_started_again_resumes_and_does_not_notify_again_what_was_acknowledged()
    {
        var ct = TestContext.Current.CancellationToken;
        var period = Single.Value;
        var earlier = period.To.AddDays(-100);
        await using var redis = await RedisServer.Start();
        await using (var first = await ClusterScreenTests.Cluster(redis, "alerts-restart"))
        {
            var replay = Replay(ThesisText, earlier);
            var answer = await replay.Notifications(first.Client, ct);
            Assert.Equal(AlertTexts.Of(period.Notifications.Where(n => n.Date <= earlier), Thesis.Name),
                AlertTexts.Of(answer.Pending, Thesis.Name));
            Assert.Equal(answer.Pending.Count, await replay.Acknowledge(first.Client,
                answer.Pending.Select(n => n.Key), ct));
        }
        // Redis (appendfsync everysec) writes a reply's change to its append-only file within about 3 s (a write is
        // put off up to 2 s while an fsync runs): the acknowledgement, written last, must be there before the SIGKILL.
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        await redis.Restart();
        await using var second = await ClusterScreenTests.Cluster(redis, "alerts-restart");
        var again = Replay(ThesisText, period.To);
        var later = await again.Notifications(second.Client, ct);
        // From the snapshot, the 100 days since closed and evaluated; nothing acknowledged is given again.
        Assert.Equal((1, 100), (again.Reopened, again.Applied));
        Assert.Equal(AlertTexts.Of(period.Notifications.Where(n => n.Date > earlier), Thesis.Name),
            AlertTexts.Of(later.Pending, Thesis.Name));
        Assert.Equal(period.Memory, AlertTexts.Of(later.Memory));
    }

    [Fact]
    public async Task A_client_that_dies_before_acknowledging_gets_the_notifications_again_with_the_same_keys()
    {
        var ct = TestContext.Current.CancellationToken;
        var period = Single.Value;
        var dir = Directory.CreateTempSubdirectory("bellwether-cluster-alerts-").FullName;
        try
        {
            await using var redis = await RedisServer.Start();
            await using var cluster = await ClusterScreenTests.Cluster(redis, "alerts-client");
            var file = AlertRulesFile.LoadFor(RulesPath, Thesis, Concepts.Signals);
            string Store(string name)
            {
                var path = Path.Combine(dir, name, "store.duckdb");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.Copy(TestData.StorePath, path);
                return path;
            }
            ClusterAlertWatch Watch(string store) => new(store, Thesis, ThesisText, ThesisName, file, RulesPath,
                releaseLags: true, TimeProvider.System);
            async Task<DeliveryRound> Deliver(string store)
            {
                using var http = new HttpClient();
                return await new AlertDeliverer(store, file.Receivers, AlertLog.PathFor(file.Receivers, store),
                    Thesis.Name, TimeProvider.System, http, Environment.GetEnvironmentVariable).DeliverDueAsync(ct);
            }
            List<string> Logged(string store) => [.. File.ReadAllLines(Path.Combine(Path.GetDirectoryName(store)!,
                "alerts.jsonl")).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("key")
                .GetString()!)];

            // The last 60 days (each delivery writes the store: a thousand take minutes), in the process as
            // `alerts run --since` records them, and on the cluster.
            var since = period.To.AddDays(-60);
            var single = Store("single");
            var recorded = new AlertWatch(single, Thesis, Concepts.Signals, file, RulesPath, releaseLags: true,
                TimeProvider.System).CatchUp(period.To, since);
            var delivered = recorded.Where(e => !e.Silenced).Select(e => e.Key).ToList();
            Assert.NotEmpty(delivered);
            var store = Store("cluster");
            var watch = Watch(store);
            var events = await watch.CatchUp(cluster.Client, period.To, since, ct);
            Assert.Equal(recorded.Select(e => AlertJson.Of(e, Thesis.Name)),
                events.Select(e => AlertJson.Of(e, Thesis.Name)));
            Assert.Equal(Progress(single), Progress(store));
            Assert.Equal(new DeliveryRound(delivered.Count, 0, 0), await Deliver(store));
            Assert.Equal(delivered.Order(), Logged(store).Order());

            // The client died here, before acknowledging: the next run gets the same notifications, with the same
            // keys, and finds them delivered in its store; a client with another store delivers them again.
            var next = Watch(store);
            Assert.Equal(events.Select(e => e.Key), (await next.CatchUp(cluster.Client, period.To, null, ct))
                .Select(e => e.Key));
            Assert.Equal(new DeliveryRound(0, 0, 0), await Deliver(store));
            var elsewhere = Store("elsewhere");
            Assert.Equal(events.Select(e => e.Key), (await Watch(elsewhere).CatchUp(cluster.Client, period.To, null,
                ct)).Select(e => e.Key));
            Assert.Equal(new DeliveryRound(delivered.Count, 0, 0), await Deliver(elsewhere));
            Assert.Equal(delivered.Order(), Logged(elsewhere).Order());

            // Acknowledged, they are gone from the grain: the next run records and delivers nothing.
            Assert.Equal(events.Count, await next.Acknowledge(cluster.Client, ct));
            Assert.Empty(await Watch(store).CatchUp(cluster.Client, period.To, null, ct));
            Assert.Equal(delivered.Order(), Logged(store).Order());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The store's progress of the rules file: its last day and memory.</summary>
    private static (DateOnly, string) Progress(string store)
    {
        using var opened = BellwetherStore.Open(store, readOnly: true);
        var progress = opened.ReadAlertProgress(RulesPath)!;
        return (progress.LastDay, string.Join("\n", AlertTexts.Of(progress.Memory)));
    }
}
