using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Data.Sources;
using Bellwether.Data.Store;
using Bellwether.Data.Thesis;
using Bellwether.TestSupport.Sources;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Bellwether.Server.Tests.Alerts;

/// <summary>
/// <c>serve --schedule --alerts</c> on a fake clock against the loopback API fakes (Binance and Stooq): it fetches
/// on start, catches up on the days missed while it was stopped, then fetches each source at its own cron time, and
/// after each fetch evaluates the alert rules up to the last complete day.
/// </summary>
public sealed class ScheduledFetchTests : IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-scheduled-fetch-").FullName;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 12, 20, 6, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// Binance every day at 01:00, Stooq on weekdays at 22:00; every other source off. Timeouts are 30 s on the fake
    /// clock, which stands still while a fetch runs, so a busy machine cannot time out an answer the fake gave.
    /// </summary>
    private string Config(ApiFake binance, ApiFake stooq)
    {
        string Source(ApiFake fake, string instruments, string? key = null) =>
            $"\"{fake.Source}\": {{ \"base_address\": \"{fake.Server.BaseAddress}\", "
            + $"\"api_base_address\": \"{fake.Server.BaseAddress}\", \"instruments\": {instruments}, "
            + $"\"history_start\": \"{fake.HistoryStart:yyyy-MM-dd}\", \"attempt_timeout_seconds\": 30, "
            + "\"connect_timeout_seconds\": 30, \"max_retries\": 1, \"retry_base_delay_seconds\": 0.02, "
            + $"\"requests_per_minute\": 100000, \"api_key_env\": \"BW_TEST_UNSET_{Guid.NewGuid():N}\""
            + (key is null ? "" : $", \"api_key\": \"{key}\"") + " }";
        var off = SourceDefaults.All.Select(s => s.Name).Where(n => n != "binance" && n != "stooq")
            .Select(n => $"\"{n}\": {{ \"enabled\": false }}");
        var path = Path.Combine(_dir, "config.json");
        File.WriteAllText(path, "{ \"sources\": { " + string.Join(", ", [
            Source(binance, "{\"BTC\": \"BTCUSDT\"}"), Source(stooq, "{\"SPY\": \"spy.us\"}", Fakes.Key), .. off])
            + " },\n  \"schedule\": { \"binance\": \"0 1 * * *\", \"stooq\": \"0 22 * * 1-5\" } }");
        return path;
    }

    [Fact]
    public async Task It_fetches_on_start_catches_up_after_a_stop_then_fetches_each_source_at_its_cron_time()
    {
        using var binance = new BinanceFake { Now = _clock.GetUtcNow() };
        using var stooq = new StooqFake(Fakes.Key) { Now = _clock.GetUtcNow() };
        foreach (var server in new[] { binance.Server, stooq.Server }) server.Clock = _clock;
        var store = Path.Combine(_dir, "store.duckdb");
        var rules = Path.Combine(_dir, "rules.yaml");
        File.WriteAllText(rules, "rules:\n  - name: stale\n    when: { stale: { signal: \"*\" } }\n"
            + "receivers:\n  log: alerts.jsonl\n");
        var settings = new ServeSettings
        {
            StorePath = store, Schedule = true, FetchConfig = Config(binance, stooq), AlertRules = rules,
        };
        var thesis = ThesisFile.LoadDefault(Concepts.Signals);
        AlertScheduler.Check(settings, thesis, Concepts.Signals);

        // Saturday 2025-12-20, 06:00: the start's fetch stores both sources up to what had finished by then, and
        // the alerts are evaluated up to the 19th.
        using (var first = await Started(settings, thesis))
            await first.StopAsync(Cancel);
        AssertFetchedAndEvaluated(binance, stooq, store, rules, new DateOnly(2025, 12, 19));

        // Stopped for a week: on start, the missed days are fetched (from where the store ends, not from the
        // history start) and evaluated.
        int before = binance.Server.Requests.Count;
        MoveTo(new DateTimeOffset(2025, 12, 27, 6, 0, 0, TimeSpan.Zero), binance, stooq);
        using var scheduler = await Started(settings, thesis);
        AssertFetchedAndEvaluated(binance, stooq, store, rules, new DateOnly(2025, 12, 26));
        var caughtUp = binance.Server.Requests.Skip(before).Select(binance.RequestedFrom).Min();
        Assert.True(caughtUp > new DateOnly(2025, 12, 1), $"the catch-up asked from {caughtUp}");

        // Sunday 01:00 is Binance's time, not Stooq's (weekdays 22:00): only Binance is asked.
        int stooqBefore = stooq.Server.Requests.Count;
        MoveTo(new DateTimeOffset(2025, 12, 28, 1, 0, 0, TimeSpan.Zero), binance, stooq);
        await scheduler.NextRun(Cancel);
        Assert.Equal(stooqBefore, stooq.Server.Requests.Count);
        AssertFetchedAndEvaluated(binance, stooq, store, rules, new DateOnly(2025, 12, 27));

        // Monday 22:00: Stooq's time (and Binance's 01:00 run came first).
        MoveTo(new DateTimeOffset(2025, 12, 29, 1, 0, 0, TimeSpan.Zero), binance, stooq);
        await scheduler.NextRun(Cancel);
        Assert.Equal(stooqBefore, stooq.Server.Requests.Count);
        MoveTo(new DateTimeOffset(2025, 12, 29, 22, 0, 0, TimeSpan.Zero), binance, stooq);
        await scheduler.NextRun(Cancel);
        Assert.True(stooq.Server.Requests.Count > stooqBefore, "Stooq was not fetched at its time");
        AssertFetchedAndEvaluated(binance, stooq, store, rules, new DateOnly(2025, 12, 28));
        Assert.Equal(4, scheduler.Runs);
        await scheduler.StopAsync(Cancel);
    }

    /// <summary>A scheduler started, once its start run (fetch, alerts) is done.</summary>
    private async Task<AlertScheduler> Started(ServeSettings settings, ThesisDefinition thesis)
    {
        var scheduler = new AlertScheduler(settings, thesis, Concepts.Signals, _clock,
            NullLogger<AlertScheduler>.Instance);
        await scheduler.StartAsync(Cancel);
        await scheduler.NextRun(Cancel);
        Assert.Equal(1, scheduler.Runs);
        return scheduler;
    }

    /// <summary>The fakes' time first, then the clock: the scheduler wakes when the clock moves.</summary>
    private void MoveTo(DateTimeOffset when, params ApiFake[] fakes)
    {
        foreach (var fake in fakes) fake.Now = when;
        _clock.Advance(when - _clock.GetUtcNow());
    }

    private static void AssertFetchedAndEvaluated(ApiFake binance, ApiFake stooq, string path, string rules,
        DateOnly evaluatedThrough)
    {
        using var store = BellwetherStore.Open(path, readOnly: true);
        binance.AssertStored(store);
        Assert.Equal(binance.LastFinished, store.LoadSeries("BTC").Dates[^1]);
        Assert.Equal(stooq.HistoryStart, store.LoadSeries("SPY").Dates[0]);
        Assert.Equal(evaluatedThrough, store.ReadAlertProgress(Path.GetFullPath(rules))?.LastDay);
    }
}
