using Bellwether.Core.Alerts;
using Bellwether.Core.Board;
using Bellwether.Data.Alerts;
using Bellwether.Data.Sources;
using Bellwether.Data.Store;
using Bellwether.Data.Thesis;
using Cronos;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bellwether.Server;

/// <summary>
/// <c>serve --schedule</c> and <c>serve --alerts</c> (docs/serve.md, "Schedule"): on start, fetches every source
/// (with <c>--schedule</c>), evaluates the alert rules on every day missed since their last run and delivers what is
/// due; then, at each source's cron time, fetches that source and evaluates and delivers again; between, delivers
/// retries when they come due. Time is the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class AlertScheduler(
    ServeSettings settings, ThesisDefinition thesis, SignalKinds kinds, TimeProvider clock, ILogger<AlertScheduler> log)
    : BackgroundService
{
    private readonly SemaphoreSlim _runs = new(0);

    /// <summary>Completed runs (the start's included), for callers that wait for the next one.</summary>
    public int Runs { get; private set; }

    /// <summary>Waits until a run completes (tests advance a fake clock, then wait here).</summary>
    public Task NextRun(CancellationToken ct) => _runs.WaitAsync(ct);

    /// <summary>Refuses, before anything listens, rules that do not load or fit the thesis, a webhook whose secret
    /// variable is not set, and a fetch configuration that does not load.</summary>
    /// <exception cref="ServeRefusedException">Saying why.</exception>
    public static void Check(ServeSettings settings, ThesisDefinition thesis, SignalKinds kinds)
    {
        try
        {
            if (settings.AlertRules is { } path)
            {
                var rules = AlertRulesFile.LoadFor(path, thesis, kinds);
                using var http = new HttpClient();
                _ = new AlertDeliverer(settings.StorePath, rules.Receivers, "", thesis.Name, TimeProvider.System, http,
                    Environment.GetEnvironmentVariable);
            }
            if (settings.Schedule) FetchConfiguration.Load(FetchPath(settings), Environment.GetEnvironmentVariable);
        }
        catch (Exception e) when (e is DefinitionFileException or AlertReceiverException or IOException
                                       or FormatException or UnauthorizedAccessException)
        {
            throw new ServeRefusedException(e.Message);
        }
    }

    private static string? FetchPath(ServeSettings settings) =>
        FetchConfiguration.ResolvePath(settings.FetchConfig, Environment.GetEnvironmentVariable);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Schedule && settings.AlertRules is null) return;
        // Off the start-up path: the first run's fetch and catch-up may take a while.
        await Task.Yield();
        var fetch = settings.Schedule
            ? FetchConfiguration.Load(FetchPath(settings), Environment.GetEnvironmentVariable) : null;
        var crons = (fetch?.Sources.Where(s => s.Enabled).Select(s => (Source: s.Name, Cron: fetch.CronOf(s.Name)))
                     ?? [(Source: "", Cron: FetchConfiguration.DefaultCron)]).ToList();
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        AlertFile? rules = settings.AlertRules is { } path ? AlertRulesFile.LoadFor(path, thesis, kinds) : null;
        var deliverer = rules is null ? null : new AlertDeliverer(settings.StorePath, rules.Receivers,
            AlertLog.PathFor(rules.Receivers, settings.StorePath), thesis.Name, clock, http,
            Environment.GetEnvironmentVariable);
        var due = fetch?.Sources.Where(s => s.Enabled).Select(s => s.Name).ToList() ?? [];
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(fetch, due, rules, deliverer, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One failed run (a source down, the store busy) must not stop the schedule; the next run retries.
                Failed(log, e.Message);
            }
            var now = clock.GetUtcNow();
            var next = crons
                .Select(c =>
                    (c.Source, At: CronExpression.Parse(c.Cron).GetNextOccurrence(now.UtcDateTime, inclusive: false)))
                .Where(c => c.At is not null)
                .Select(c => (c.Source, At: new DateTimeOffset(c.At!.Value, TimeSpan.Zero))).ToList();
            var wake = next.Count > 0 ? next.Min(c => c.At) : now.AddDays(1);
            if (deliverer is not null && NextRetry() is { } retry && retry < wake) wake = retry;
            // The wait starts before the run is announced, so a clock moved on after the announcement is seen.
            var sleep = Task.Delay(wake > now ? wake - now : TimeSpan.Zero, clock, stoppingToken);
            Runs++;
            _runs.Release();
            await sleep;
            due = [.. next.Where(c => c.At <= clock.GetUtcNow() && c.Source.Length > 0).Select(c => c.Source)];
        }
    }

    private async Task RunAsync(FetchConfiguration? fetch, List<string> sources, AlertFile? rules,
        AlertDeliverer? deliverer, CancellationToken ct)
    {
        if (fetch is not null && sources.Count > 0)
        {
            FetchReport report;
            using (var store = BellwetherStore.Open(settings.StorePath))
                report = await new Fetcher(store, fetch, clock)
                    .RunAsync(new FetchRequest(clock.GetUtcNow(), [.. sources]), ct: ct);
            Fetched(log, sources, report.Outcomes.Count);
        }
        if (rules is null || deliverer is null) return;
        var through = AlertWatch.LastCompleteDay(clock.GetUtcNow());
        DeliveryRound? round = null;
        IReadOnlyList<AlertEvent> recorded;
        if (settings.Alerts is { } elsewhere)
            recorded = await elsewhere.CatchUpAndDeliver(settings.StorePath, thesis, rules, settings.AlertRules!,
                settings.ReleaseLags, through, null, async () => round = await deliverer.DeliverDueAsync(ct), ct);
        else
        {
            var watch = new AlertWatch(settings.StorePath, thesis, kinds, rules,
                Path.GetFullPath(settings.AlertRules!), settings.ReleaseLags, clock);
            recorded = watch.CatchUp(through);
            round = await deliverer.DeliverDueAsync(ct);
        }
        foreach (var e in recorded)
            if (log.IsEnabled(LogLevel.Warning)) Notified(log, AlertJson.Line(e));
        if (round is { Retrying: > 0 } or { Dead: > 0 })
            Undelivered(log, round.Delivered, round.Retrying, round.Dead);
    }

    private DateTimeOffset? NextRetry()
    {
        using var store = BellwetherStore.Open(settings.StorePath, readOnly: true);
        return store.NextDeliveryAttempt();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "scheduled run failed: {Error}")]
    private static partial void Failed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "fetched {Sources}: {Instruments} instruments")]
    private static partial void Fetched(ILogger logger, List<string> sources, int instruments);

    [LoggerMessage(Level = LogLevel.Warning, Message = "alert: {Line}")]
    private static partial void Notified(ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "alerts: {Delivered} delivered, {Retrying} to retry, {Dead} dead letters")]
    private static partial void Undelivered(ILogger logger, int delivered, int retrying, int dead);
}
