// A bounded load generator for `bellwether serve` (bench/README.md): it opens N event streams, requests a route
// from C workers for a fixed time, runs one import in another process half way, and reports latencies, errors and
// the time from the import's end to the event on every stream. It stops by itself.
using System.Diagnostics;
using System.Globalization;
using System.Net.ServerSentEvents;

var options = Options.Parse(args);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Streams + options.Workers + 10 })
{
    BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromSeconds(30),
};
using var stop = new CancellationTokenSource();

// Event streams: each records when it saw every version.
var arrivals = new List<Dictionary<long, long>>();
int streamErrors = 0, streamsOpen = 0;
var streamTasks = Enumerable.Range(0, options.Streams).Select(async _ =>
{
    var seen = new Dictionary<long, long>();
    lock (arrivals) arrivals.Add(seen);
    try
    {
        using var response = await http.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead, stop.Token);
        response.EnsureSuccessStatusCode();
        Interlocked.Increment(ref streamsOpen);
        await using var body = await response.Content.ReadAsStreamAsync(stop.Token);
        await foreach (var item in SseParser.Create(body).EnumerateAsync(stop.Token))
            if (item.EventType == "store" && long.TryParse(item.EventId, out var version))
                lock (seen) seen[version] = Stopwatch.GetTimestamp();
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

// One import half way, in another process, as a user would run it from a terminal.
double? importSeconds = null;
long importEnd = 0;
if (options.Import is { } import)
{
    await Task.Delay(TimeSpan.FromSeconds(options.Seconds / 2));
    var started = Stopwatch.GetTimestamp();
    using var process = Process.Start(new ProcessStartInfo(import[0], import[1..]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
    _ = process.StandardOutput.ReadToEndAsync();
    var stderr = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    importEnd = Stopwatch.GetTimestamp();
    importSeconds = Stopwatch.GetElapsedTime(started, importEnd).TotalSeconds;
    if (process.ExitCode != 0) Console.Error.WriteLine($"import failed ({process.ExitCode}): {await stderr}");
}
await Task.WhenAll(workers);
// Give the streams up to 10 s more to see the import's version, then stop them.
var waitUntil = Stopwatch.GetTimestamp() + 10 * Stopwatch.Frequency;
while (importEnd != 0 && Stopwatch.GetTimestamp() < waitUntil && arrivals.Any(a => { lock (a) return a.Keys.Count < 2; }))
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
if (importEnd != 0)
{
    var delays = arrivals.Select(a =>
    {
        lock (a) return a.Where(kv => kv.Key == a.Keys.Max() && a.Count >= 2).Select(kv => Stopwatch.GetElapsedTime(importEnd, kv.Value).TotalMilliseconds).ToList();
    }).SelectMany(d => d).Order().ToList();
    Console.WriteLine($"import: {importSeconds:0.00} s; its version reached {delays.Count} of {options.Streams} streams, " +
                      $"after the import process ended by: p50 {Ms(Quantile(delays, 0.5))}, p99 {Ms(Quantile(delays, 0.99))}, " +
                      $"max {Ms(delays.Count == 0 ? double.NaN : delays[^1])}");
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
