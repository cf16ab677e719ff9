using System.Diagnostics;
using Bellwether.Core.Alerts;
using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Data.Alerts;
using Bellwether.Data.Market;
using Bellwether.Data.Store;
using Bellwether.Data.Thesis;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bellwether.Server.Tests.Alerts;

/// <summary>
/// Alerts delivered to a webhook receiver on 127.0.0.1, on the excerpt's July 2025 (a signal turns against the
/// thesis on the 3rd and back on the 17th; the Fed funds rate is stale on the 6th and current again on the 7th).
/// What each test expects is an uninterrupted day-by-day replay of the same rules on the same data.
/// </summary>
public sealed class AlertDeliveryTests : IDisposable
{
    private static readonly DateOnly First = new(2025, 7, 1), Last = new(2025, 7, 21);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-alerts-").FullName;
    private readonly string _store;
    private readonly string _secretVariable = $"BW_ALERT_TEST_SECRET_{Guid.NewGuid():N}".ToUpperInvariant();
    private const string Secret = "a test secret, never in a body or a log";
    private readonly ThesisDefinition _thesis = ThesisFile.LoadDefault(Concepts.Signals);

    public AlertDeliveryTests()
    {
        _store = Path.Combine(_dir, "store.duckdb");
        File.Copy(TestStores.ExcerptStore, _store);
        Environment.SetEnvironmentVariable(_secretVariable, Secret);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_secretVariable, null);
        Directory.Delete(_dir, recursive: true);
    }

    private string Rules(WebhookReceiver receiver, string silences = "")
    {
        var path = Path.Combine(_dir, "rules.yaml");
        File.WriteAllText(path, $"""
            rules:
              - name: against
                when: {"{"} state: {"{"} signal: "*", to: against {"}"} {"}"}
              - name: fed_stale
                when: {"{"} stale: {"{"} signal: fed_path {"}"} {"}"}
            receivers:
              log: alerts.jsonl
              webhooks:
                - name: test
                  url: {receiver.Url}
                  secret_env: {_secretVariable}
            {silences}
            """);
        return path;
    }

    private AlertFile Load(string rules) => AlertRulesFile.LoadFor(rules, _thesis, Concepts.Signals);

    /// <summary>What an uninterrupted run over <paramref name="from"/>..<paramref name="to"/> notifies, not silenced.</summary>
    private List<AlertNotification> Expected(AlertFile file, DateOnly from, DateOnly to)
    {
        using var store = BellwetherStore.Open(_store, readOnly: true);
        var engine = new AlertEngine(file.Rules);
        return [.. AlertReplay.Boards(_thesis, new StoreMarketData(store), from.AddDays(-1), to, Concepts.Signals)
            .SelectMany(b => engine.Step(b, notify: b.AsOf >= from)).Where(n => !n.Silenced)];
    }

    private AlertWatch Watch(AlertFile file, string rules, TimeProvider clock) =>
        new(_store, _thesis, Concepts.Signals, file, rules, releaseLags: true, clock);

    private AlertDeliverer Deliverer(AlertFile file, string rules, TimeProvider clock, HttpClient http) =>
        new(_store, file.Receivers, AlertLog.PathFor(file.Receivers, rules), _thesis.Name, clock, http,
            Environment.GetEnvironmentVariable, retryPause: TimeSpan.FromMilliseconds(5));

    private List<AlertDelivery> Deliveries(DeliveryState state)
    {
        using var store = BellwetherStore.Open(_store, readOnly: true);
        return store.AlertDeliveries(state);
    }

    [Fact]
    public async Task Each_transition_reaches_a_receiver_that_fails_the_first_attempts_once_signed()
    {
        await using var receiver = await WebhookReceiver.Start(Secret, failFirst: 4);
        var rules = Rules(receiver);
        var file = Load(rules);
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 7, 22, 6, 0, 0, TimeSpan.Zero));
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var expected = Expected(file, First, Last);
        Assert.Contains(expected, n => n.Rule == "against" && n.Status == AlertStatus.Resolved);

        var recorded = Watch(file, rules, clock).CatchUp(Last, First);
        Assert.Equal(expected.Select(n => (n.Key, n.Date)), recorded.Select(e => (e.Key, e.Date)));
        var deliverer = Deliverer(file, rules, clock, http);
        var round = await deliverer.DeliverDueAsync(Cancel);
        // The first notification failed three times (one attempt and two quick retries) and waits its turn; the
        // second failed once and went through on a quick retry.
        Assert.Equal(new DeliveryRound(2 * expected.Count - 1, 1, 0), round);
        Assert.Equal(new DeliveryRound(0, 0, 0), await deliverer.DeliverDueAsync(Cancel)); // not due yet
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new DeliveryRound(1, 0, 0), await deliverer.DeliverDueAsync(Cancel));

        Assert.Equal(expected.Select(n => n.Key).Order(), receiver.Processed.Keys.Order());
        Assert.Equal(expected.Count + 4, receiver.Received.Count);
        Assert.All(receiver.Received, d => Assert.True(d.SignatureValid));
        Assert.Equal(expected.Select(n => n.Date.ToString("yyyy-MM-dd", null)),
            expected.Select(n => receiver.Processed[n.Key].GetProperty("date").GetString()));
        Assert.Empty(Deliveries(DeliveryState.Pending));
        var log = File.ReadAllLines(Path.Combine(_dir, "alerts.jsonl"));
        Assert.Equal(expected.Select(n => n.Key), log.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("key").GetString()));
        Assert.DoesNotContain(Secret, File.ReadAllText(Path.Combine(_dir, "alerts.jsonl")), StringComparison.Ordinal);
        Assert.All(receiver.Received, d => Assert.DoesNotContain(Secret, d.Body.GetRawText(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_process_killed_during_delivery_delivers_the_rest_once_when_run_again()
    {
        await using var receiver = await WebhookReceiver.Start(Secret, holdFirst: true);
        var rules = Rules(receiver);
        var expected = Expected(Load(rules), First, Last);
        string[] run = ["alerts", "run", rules, "--store", _store, "--since", "2025-07-01", "--through", "2025-07-21"];
        await KillOnFirstDelivery(receiver, run);
        Assert.Single(receiver.Received);
        Assert.Equal(expected.Count, Deliveries(DeliveryState.Pending).Count(d => d.Channel == "webhook:test"));

        var again = TestStores.Run(run);
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal(expected.Select(n => n.Key).Order(), receiver.Processed.Keys.Order());
        // The notification held when the process died is sent again with its key (the receiver drops it); no other
        // is sent twice, and no day was recorded twice.
        var held = receiver.Received[0].Key;
        Assert.Equal(2, receiver.Received.Count(d => d.Key == held));
        Assert.Equal(expected.Count + 1, receiver.Received.Count);
        Assert.Empty(Deliveries(DeliveryState.Pending));
        using var store = BellwetherStore.Open(_store, readOnly: true);
        Assert.Equal(expected.Select(n => n.Key).Order(), store.AlertHistory(1000).Select(h => h.Event.Key).Order());
    }

    [Fact]
    public async Task A_server_killed_during_delivery_delivers_the_rest_once_when_started_again()
    {
        await using var receiver = await WebhookReceiver.Start(Secret, holdFirst: true);
        var rules = Rules(receiver);
        // The rules' last run was on June 29 (a warm-up, nothing to send): the server's start catches up from the 30th
        // to yesterday, records each day and delivers; it is killed while the receiver holds the first delivery.
        var warmUp = TestStores.Run("alerts", "run", rules, "--store", _store, "--since", "2025-06-30", "--through",
            "2025-06-29");
        Assert.True(warmUp.ExitCode == 0, warmUp.Stderr);
        string[] serve = ["serve", "--store", _store, "--alerts", rules, "--urls", "http://127.0.0.1:0"];
        await KillOnFirstDelivery(receiver, serve);
        Assert.Single(receiver.Received);
        var pending = Deliveries(DeliveryState.Pending).Count(d => d.Channel == "webhook:test");
        Assert.True(pending > 1, $"{pending} pending");

        // Started again, it delivers what is pending, the held one again with its key; then it is stopped.
        using (var again = Process.Start(Bellwether(serve))!)
        {
            var stderr = again.StandardError.ReadToEndAsync(Cancel);
            var stdout = again.StandardOutput.ReadToEndAsync(Cancel);
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
            patience.CancelAfter(TimeSpan.FromMinutes(2));
            while (Deliveries(DeliveryState.Pending).Count > 0 && !again.HasExited)
                await Task.Delay(200, patience.Token);
            Assert.False(again.HasExited, $"serve ended (exit {(again.HasExited ? again.ExitCode : 0)}): " +
                                          (again.HasExited ? await stderr : ""));
            again.Kill(entireProcessTree: true);
            await again.WaitForExitAsync(Cancel);
            // Each delivery marked delivered at the first try (a write once failed on the page reads' read-only
            // database, and the notification went out again).
            Assert.DoesNotContain("scheduled run failed", await stdout, StringComparison.Ordinal);
        }

        DateOnly last;
        using (var store = BellwetherStore.Open(_store, readOnly: true))
            last = store.ReadAlertProgress(Path.GetFullPath(rules))!.LastDay;
        var expected = Expected(Load(rules), new DateOnly(2025, 6, 30), last);
        Assert.Contains(expected, n => n.Date == new DateOnly(2025, 7, 3));
        Assert.Equal(expected.Select(n => n.Key).Order(), receiver.Processed.Keys.Order());
        var held = receiver.Received[0].Key;
        Assert.Equal(2, receiver.Received.Count(d => d.Key == held));
        Assert.Equal(expected.Count + 1, receiver.Received.Count);
        Assert.All(receiver.Received, d => Assert.True(d.SignatureValid));
        Assert.Equal(expected.Select(n => n.Date.ToString("yyyy-MM-dd", null)),
            expected.Select(n => receiver.Processed[n.Key].GetProperty("date").GetString()));
    }

    /// <summary>Runs <c>bellwether ARGS</c> in another process and kills it once the receiver holds its first
    /// delivery.</summary>
    private async Task KillOnFirstDelivery(WebhookReceiver receiver, string[] args)
    {
        using var process = Process.Start(Bellwether(args))!;
        var stderr = process.StandardError.ReadToEndAsync(Cancel);
        _ = process.StandardOutput.ReadToEndAsync(Cancel);
        var exited = process.WaitForExitAsync(Cancel);
        if (await Task.WhenAny(receiver.FirstArrived.Task, exited) == exited)
            Assert.Fail($"{args[0]} ended (exit {process.ExitCode}) before delivering: {await stderr}");
        process.Kill(entireProcessTree: true);
        await exited;
    }

    /// <summary>The CLI in another process, with the webhook's secret in its environment.</summary>
    private ProcessStartInfo Bellwether(string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "bellwether.dll") },
            Environment = { [_secretVariable] = Secret },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        return start;
    }

    [Fact]
    public async Task After_a_week_of_downtime_the_missed_days_are_caught_up_each_transition_dated_when_it_happened()
    {
        await using var receiver = await WebhookReceiver.Start(Secret);
        var rules = Rules(receiver);
        var file = Load(rules);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 7, 3, 6, 0, 0, TimeSpan.Zero));
        // Runs on the 3rd (evaluating the 1st, after a warm-up on June 30, and the 2nd), then not until the 10th.
        Assert.Empty(Watch(file, rules, clock).CatchUp(AlertWatch.LastCompleteDay(clock.GetUtcNow()), First));
        await Deliverer(file, rules, clock, http).DeliverDueAsync(Cancel);
        clock.Advance(TimeSpan.FromDays(7));
        var caughtUp = Watch(file, rules, clock).CatchUp(AlertWatch.LastCompleteDay(clock.GetUtcNow()));
        await Deliverer(file, rules, clock, http).DeliverDueAsync(Cancel);

        var expected = Expected(file, First, new DateOnly(2025, 7, 9));
        Assert.Equal(expected.Select(n => (n.Key, n.Date, n.Status)), caughtUp.Select(e => (e.Key, e.Date, e.Status)));
        Assert.Equal([new(2025, 7, 3), new(2025, 7, 6), new(2025, 7, 7)], caughtUp.Select(e => e.Date).Distinct());
        Assert.Equal(expected.Select(n => n.Key).Order(), receiver.Processed.Keys.Order());
        Assert.Equal(expected.Count, receiver.Received.Count);
        Assert.Equal(expected.Select(n => n.Date.ToString("yyyy-MM-dd", null)),
            expected.Select(n => receiver.Processed[n.Key].GetProperty("date").GetString()));
    }

    [Fact]
    public async Task A_silenced_alert_is_recorded_and_not_sent()
    {
        await using var receiver = await WebhookReceiver.Start(Secret);
        var rules = Rules(receiver, """
            silences:
              - matchers: ['alertname="against"', 'signal=~"net_.*"']
                starts: 2025-07-01
                ends: 2025-07-31
            """);
        var file = Load(rules);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 7, 22, 6, 0, 0, TimeSpan.Zero));
        var recorded = Watch(file, rules, clock).CatchUp(Last, First);
        await Deliverer(file, rules, clock, http).DeliverDueAsync(Cancel);

        var silenced = Assert.Single(recorded, e => e.Silenced);
        Assert.Equal(("against", "net_liquidity", new DateOnly(2025, 7, 3)), (silenced.Rule, silenced.Labels["signal"], silenced.Date));
        Assert.DoesNotContain(receiver.Received, d => d.Body.GetProperty("labels").GetProperty("signal").GetString() == "net_liquidity");
        Assert.Equal(recorded.Where(e => !e.Silenced).Select(e => e.Key).Order(), receiver.Processed.Keys.Order());
        Assert.NotEmpty(receiver.Processed);
        using var store = BellwetherStore.Open(_store, readOnly: true);
        Assert.Empty(Assert.Single(store.AlertHistory(100), h => h.Event.Silenced).Deliveries);
    }
}
