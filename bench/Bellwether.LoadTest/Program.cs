// A bounded load generator for `bellwether serve` (bench/README.md): it opens N event streams, requests a route
// from C workers for a fixed time, runs one import in another process half way, and reports latencies, errors and
// the time from the import's commit to the event on every stream. It stops by itself and talks to loopback only.
using System.Diagnostics;
using System.Globalization;
using System.Net.ServerSentEvents;
using System.Text.Json;

var options = Options.Parse(args);
if (!new Uri(options.Url).IsLoopback)
{
    Console.Error.WriteLine($"{options.Url}: not a loopback address; the load test runs on this machine only");
    return 2;
}
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Streams + options.Workers + 10 })
{
    BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromSeconds(30),
};
using var stop = new CancellationTokenSource();

// Event streams: each records when it saw every version, and when the server says it saw the change (its clock).
var arrivals = new List<Dictionary<long, Arrival>>();
int streamErrors = 0, streamsOpen = 0;
var streamTasks = Enumerable.Range(0, options.Streams).Select(async _ =>
{
    var seen = new Dictionary<long, Arrival>();
    lock (arrivals) arrivals.Add(seen);
    try
    {
        using var response = await http.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead, stop.Token);
        response.EnsureSuccessStatusCode();
        Interlocked.Increment(ref streamsOpen);
        await using var body = await response.Content.ReadAsStreamAsync(stop.Token);
        await foreach (var item in SseParser.Create(body).EnumerateAsync(stop.Token))
            if (item.EventType == "store" && long.TryParse(item.EventId, out var version))
            {
                long at = Stopwatch.GetTimestamp();
                var now = DateTimeOffset.UtcNow;
                var serverSaw = JsonDocument.Parse(item.Data).RootElement.GetProperty("seen_at").GetDateTimeOffset();
                lock (seen) seen[version] = new Arrival(at, now, serverSaw);
            }
    }
    catch (OperationCanceledException) when (stop.IsCancellationRequested)
    {
    }
    catch (Exception)
    {
        Interlocked.Increment(ref streamErrors);
    }
}).ToList();
while (Volatile.Read(ref streamsOpen) + Volatile.Read(ref streamErrors) < options.Streams) await Task.Delay(50);

// Sustained requests.
var latencies = new List<double>[options.Workers];
int requestErrors = 0;
var until = Stopwatch.GetTimestamp() + (long)(options.Seconds * Stopwatch.Frequency);
var workers = Enumerable.Range(0, options.Workers).Select(w => Task.Run(async () =>
{
    var mine = latencies[w] = [];
    while (Stopwatch.GetTimestamp() < until)
    {
        long start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.GetAsync(options.Route);
            await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode) Interlocked.Increment(ref requestErrors);
        }
        catch (HttpRequestException)
        {
            Interlocked.Increment(ref requestErrors);
        }
        mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }
})).ToArray();

// One import half way, in another process, as a user would run it from a terminal. Its `--json` document says when
// its transaction committed (`committed_at`, the machine's wall clock): the moment the change exists for others.
Import? import = null;
if (options.Import is { } command)
{
    await Task.Delay(TimeSpan.FromSeconds(options.Seconds / 2));
    var started = Stopwatch.GetTimestamp();
    using var process = Process.Start(new ProcessStartInfo(command[0], command[1..])
    {
        RedirectStandardOutput = true, RedirectStandardError = true,
    })!;
    var stdout = process.StandardOutput.ReadToEndAsync();
    var stderr = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    var ended = Stopwatch.GetTimestamp();
    if (process.ExitCode != 0 || !(await stdout).Contains("\"committed_at\"", StringComparison.Ordinal))
    {
        Console.Error.WriteLine($"import failed or printed no committed_at (exit code {process.ExitCode}; give the " +
                                $"import --json): {await stderr}");
        return 1;
    }
    var committedAt = JsonDocument.Parse(await stdout).RootElement.GetProperty("committed_at").GetDateTimeOffset();
    import = new Import(started, committedAt, ended);
}
await Task.WhenAll(workers);
// Give the streams up to 10 s more to see the import's version, then stop them.
var waitUntil = Stopwatch.GetTimestamp() + 10 * Stopwatch.Frequency;
while (import is not null && Stopwatch.GetTimestamp() < waitUntil
       && arrivals.Any(a => { lock (a) return a.Keys.Count < 2; }))
    await Task.Delay(50);
await stop.CancelAsync();
await Task.WhenAll(streamTasks);

var all = latencies.SelectMany(l => l).Order().ToList();
static string Ms(double v) => v.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
static double Quantile(List<double> sorted, double q) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
Console.WriteLine($"route {options.Route}: {all.Count} requests in {options.Seconds} s from {options.Workers} workers " +
                  $"({all.Count / options.Seconds:0} /s), {requestErrors} errors; p50 {Ms(Quantile(all, 0.5))}, " +
                  $"p99 {Ms(Quantile(all, 0.99))}, max {Ms(all.Count == 0 ? double.NaN : all[^1])}");
Console.WriteLine($"event streams: {options.Streams} asked, {streamsOpen} open, {streamErrors} errors");
if (import is not null)
{
    // Each stream's arrival of the import's version (the newest, when it saw one after the one it opened with).
    var reached = arrivals.Select(a =>
    {
        lock (a) return a.Count >= 2 ? a[a.Keys.Max()] : null;
    }).OfType<Arrival>().ToList();
    static string Spread(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return $"p50 {Ms(Quantile(sorted, 0.5))}, p99 {Ms(Quantile(sorted, 0.99))}, " +
               $"max {Ms(sorted.Count == 0 ? double.NaN : sorted[^1])}";
    }
    // The commit's time is the importer's wall clock, an arrival's this process's and the server's its own: one
    // machine, one clock (CLOCK_REALTIME), so they compare. Start and end are this process's monotonic clock.
    var serverSaw = reached.Select(r => r.ServerSaw).Distinct().ToList();
    Console.WriteLine($"import: {Stopwatch.GetElapsedTime(import.Started, import.Ended).TotalSeconds:0.00} s; its " +
                      $"version reached {reached.Count} of {options.Streams} streams; the server saw the change " +
                      string.Join(", ", serverSaw.Select(t => Ms((t - import.CommittedAt).TotalMilliseconds))) +
                      " after the commit");
    Console.WriteLine("  after its commit: " + Spread(reached.Select(r => (r.Seen - import.CommittedAt)
        .TotalMilliseconds)));
    Console.WriteLine("  after the import process started (an upper bound): " + Spread(reached.Select(r =>
        Stopwatch.GetElapsedTime(import.Started, r.At).TotalMilliseconds)));
    Console.WriteLine("  after the import process ended (a lower bound): " + Spread(reached.Select(r =>
        Stopwatch.GetElapsedTime(import.Ended, r.At).TotalMilliseconds)));
}
return requestErrors + streamErrors == 0 ? 0 : 1;

/// <summary>The command line: --url U --streams N --workers C --seconds S --route PATH [-- IMPORT COMMAND...].</summary>
internal sealed record Options(string Url, int Streams, int Workers, double Seconds, string Route, string[]? Import)
{
    public static Options Parse(string[] args)
    {
        var split = Array.IndexOf(args, "--");
        var named = (split < 0 ? args : args[..split]).Chunk(2).ToDictionary(p => p[0], p => p[1]);
        string Get(string name, string fallback) => named.GetValueOrDefault(name, fallback);
        return new Options(Get("--url", "http://127.0.0.1:5080"), int.Parse(Get("--streams", "200"), CultureInfo.InvariantCulture),
            int.Parse(Get("--workers", "8"), CultureInfo.InvariantCulture), double.Parse(Get("--seconds", "20"), CultureInfo.InvariantCulture),
            Get("--route", "/api/board"), split < 0 ? null : args[(split + 1)..]);
    }
}

/// <summary>When a stream saw a version (this process's monotonic and wall clocks) and when the server saw the change
/// (the server's wall clock, from the event).</summary>
internal sealed record Arrival(long At, DateTimeOffset Seen, DateTimeOffset ServerSaw);

/// <summary>The import process's start and end (monotonic clock) and its commit (its wall clock).</summary>
internal sealed record Import(long Started, DateTimeOffset CommittedAt, long Ended);
