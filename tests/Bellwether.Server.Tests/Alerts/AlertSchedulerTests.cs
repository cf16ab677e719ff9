using Bellwether.Core.Alerts;
using Bellwether.Core.Measurements;
using Bellwether.Data.Alerts;
using Bellwether.Data.Market;
using Bellwether.Data.Store;
using Bellwether.Data.Thesis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bellwether.Server.Tests.Alerts;

/// <summary>
/// <c>serve --alerts</c>'s scheduler on a fake clock: it catches up on start, sleeps until the next cron time, and
/// after a week with the clock moved on evaluates the seven days missed, each dated the day it happened.
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
    public async Task It_catches_up_on_start_and_after_a_week_asleep_dates_each_transition_when_it_happened()
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
        var settings = new ServeSettings { StorePath = store, AlertRules = rules };
        AlertScheduler.Check(settings, thesis, Concepts.Signals);
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 7, 2, 6, 0, 0, TimeSpan.Zero));
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
}
