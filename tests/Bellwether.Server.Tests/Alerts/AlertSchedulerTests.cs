using Bellwether.Cluster;
using Bellwether.Core.Alerts;
using Bellwether.Core.Measurements;
using Bellwether.Data.Alerts;
using Bellwether.Data.Market;
using Bellwether.Data.Store;
using Bellwether.Data.Thesis;
using Bellwether.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bellwether.Server.Tests.Alerts;

/// <summary>
/// <c>serve --alerts</c>'s scheduler on a fake clock: it catches up on start, sleeps until the next cron time, and
/// after a week with the clock moved on evaluates the seven days missed, each dated the day it happened; with
/// <c>--cluster</c> the thesis's grain (a silo of the Redis-clustered shape in this process) evaluates them, and the
/// notifications, their dates, keys and deliveries are the same.
/// </summary>
public sealed class AlertSchedulerTests : IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-schedule-").FullName;
    private readonly string _variable = $"BW_SCHEDULE_TEST_SECRET_{Guid.NewGuid():N}".ToUpperInvariant();
    private const string Secret = "the scheduler test's secret";

    public AlertSchedulerTests() => Environment.SetEnvironmentVariable(_variable, Secret);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_variable, null);
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public Task It_catches_up_on_start_and_after_a_week_asleep_dates_each_transition_when_it_happened() =>
        CatchesUp(_ => null);

    [Fact]
    public async Task On_the_cluster_the_grain_evaluates_the_same_notifications_and_keeps_none_once_delivered()
    {
        await using var redis = await RedisServer.Start();
        using var silo = await InProcessSilo.Start(redis, Cancel);
        using (var client = await ClusterHosting.Connect(redis.ConnectionString))
        {
            var grains = client.Services.GetRequiredService<IClusterClient>();
            var text = ThesisFile.Shipped(ThesisFile.DefaultName);
            ThesisGrainAlerts? alerts = null;
            Counted? counted = null;
            await CatchesUp(clock => counted = new Counted(
                alerts = new ThesisGrainAlerts(grains, text, "the shipped thesis", clock)));
            Assert.Equal(2, counted!.Calls); // both scheduled runs went to the grain
            // Every notification was acknowledged after delivery: a run through the same day gets none back.
            int delivered = 0;
            var again = await alerts!.CatchUpAndDeliver(Path.Combine(_dir, "store.duckdb"),
                ThesisFile.LoadDefault(Concepts.Signals), AlertRulesFile.Load(Path.Combine(_dir, "rules.yaml")),
                Path.Combine(_dir, "rules.yaml"), releaseLags: true, new DateOnly(2025, 7, 8), null,
                () => Task.FromResult(++delivered), Cancel);
            Assert.Empty(again);
            Assert.Equal(1, delivered);
        }
        await silo.StopAsync(Cancel);
    }

    private async Task CatchesUp(Func<TimeProvider, IAlertEvaluator?> evaluator)
    {
        var store = Path.Combine(_dir, "store.duckdb");
        File.Copy(TestStores.ExcerptStore, store);
        await using var receiver = await WebhookReceiver.Start(Secret);
        var rules = Path.Combine(_dir, "rules.yaml");
        File.WriteAllText(rules, $"""
            rules:
              - name: against
                when: {"{"} state: {"{"} signal: "*", to: against {"}"} {"}"}
              - name: fed_stale
                when: {"{"} stale: {"{"} signal: fed_path {"}"} {"}"}
            receivers:
              webhooks:
                - name: test
                  url: {receiver.Url}
                  secret_env: {_variable}
            """);
        var thesis = ThesisFile.LoadDefault(Concepts.Signals);
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 7, 2, 6, 0, 0, TimeSpan.Zero));
        var settings = new ServeSettings { StorePath = store, AlertRules = rules, Alerts = evaluator(clock) };
        AlertScheduler.Check(settings, thesis, Concepts.Signals);
        using var scheduler = new AlertScheduler(settings, thesis, Concepts.Signals, clock,
            NullLogger<AlertScheduler>.Instance);
        await scheduler.StartAsync(Cancel);
        await scheduler.NextRun(Cancel); // on start: July 1st, after a warm-up on June 30
        clock.Advance(TimeSpan.FromDays(7)); // asleep until the 9th: the 00:30 run of the 3rd comes late
        await scheduler.NextRun(Cancel);
        await scheduler.StopAsync(Cancel);

        var file = AlertRulesFile.Load(rules);
        var engine = new AlertEngine(file.Rules);
        List<AlertNotification> expected;
        using (var s = BellwetherStore.Open(store, readOnly: true))
            expected = [.. AlertReplay.Boards(thesis, new StoreMarketData(s), new DateOnly(2025, 6, 30),
                    new DateOnly(2025, 7, 8), Concepts.Signals)
                .SelectMany(b => engine.Step(b, notify: b.AsOf.Day != 30))];
        Assert.Equal(2, scheduler.Runs);
        Assert.Contains(expected, n => n.Date == new DateOnly(2025, 7, 6));
        using (var s = BellwetherStore.Open(store, readOnly: true))
            Assert.Equal(expected.Select(n => (n.Key, n.Date)).Order(),
                s.AlertHistory(100).Select(h => (h.Event.Key, h.Event.Date)).Order());
        Assert.Equal(expected.Select(n => n.Key).Order(), receiver.Processed.Keys.Order());
        Assert.Equal(expected.Count, receiver.Received.Count);

        // The history in the API and on the page, without the secret.
        await using var server = new ServerFactory(store);
        using var http = server.CreateClient();
        var api = await http.GetStringAsync("/api/alerts", Cancel);
        var alerts = System.Text.Json.JsonDocument.Parse(api).RootElement.GetProperty("alerts");
        Assert.Equal(expected.Select(n => n.Key).Order(), alerts.EnumerateArray().Select(a => a.GetProperty("key").GetString()).Order());
        Assert.All(alerts.EnumerateArray(), a => Assert.Equal("delivered", a.GetProperty("deliveries")[1].GetProperty("state").GetString()));
        var page = await http.GetStringAsync("/alerts", Cancel);
        Assert.Contains("<td>2025-07-06</td><td>firing</td><td>fed_stale</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, api + page, StringComparison.Ordinal);
    }

    /// <summary>An evaluator counting the runs that reach it.</summary>
    private sealed class Counted(IAlertEvaluator inner) : IAlertEvaluator
    {
        public int Calls { get; private set; }

        public Task<IReadOnlyList<AlertEvent>> CatchUpAndDeliver(string storePath,
            Core.Board.ThesisDefinition thesis, AlertFile file, string rulesPath, bool releaseLags, DateOnly through,
            DateOnly? firstDay, Func<Task> deliver, CancellationToken ct)
        {
            Calls++;
            return inner.CatchUpAndDeliver(storePath, thesis, file, rulesPath, releaseLags, through, firstDay, deliver,
                ct);
        }
    }
}
