using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;

namespace Bellwether.TestSupport.Sources;

/// <summary>A GET request as the loopback server saw it.</summary>
public sealed record ServedRequest(string Path, IReadOnlyDictionary<string, string> Query, IReadOnlyDictionary<string, string> Headers, string RawTarget);

/// <summary>What the loopback server answers: status, headers, body, and ways to misbehave (delay, cut-off body).</summary>
/// <param name="Delay">Wait this long on the server's <see cref="LoopbackServer.Clock"/> before answering (to trip the client's timeout).</param>
/// <param name="TruncateAt">Send only this many body bytes while announcing the full length, then close.</param>
public sealed record Reply(int Status, byte[] Body, string ContentType = "application/json", IReadOnlyDictionary<string, string>? Headers = null,
    TimeSpan Delay = default, int? TruncateAt = null)
{
    public static Reply Json(string body, int status = 200) => new(status, Encoding.UTF8.GetBytes(body));
    public static Reply Text(string body, int status = 200, string type = "text/plain") => new(status, Encoding.UTF8.GetBytes(body), type);
    public Reply With(string header, string value) => this with { Headers = new Dictionary<string, string>(Headers ?? new Dictionary<string, string>()) { [header] = value } };
}

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (port chosen by the system) for source tests: one request per connection,
/// answered by <see cref="Handler"/> unless <see cref="Inject"/> says otherwise. Bounded: it only serves what tests ask.
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private Func<int, ServedRequest, Reply?>? _inject;
    private int _sinceInjection;
    private static int s_working;
    private static readonly ConcurrentDictionary<TimeProvider, StrongBox<int>> HoldingOn = new();

    public LoopbackServer(Func<ServedRequest, Reply> handler)
    {
        Handler = handler;
        _listener.Start();
        _ = Task.Run(AcceptLoop);
    }

    /// <summary>The server's address, ending in a slash.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public Func<ServedRequest, Reply> Handler { get; set; }

    /// <summary>The clock delayed replies wait on (a test's fake clock, so a timeout takes no real time).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>
    /// True while any loopback server reads a request or writes a reply (not while it waits out a reply's delay). A
    /// fake clock moves only while none works, so a client is never timed out mid-answer; servers of tests running in
    /// parallel only make it wait a little longer.
    /// </summary>
    public static bool AnyWorking => Volatile.Read(ref s_working) > 0;

    /// <summary>True while a loopback server holds a reply back for its delay on <paramref name="clock"/>.</summary>
    public static bool Holding(TimeProvider clock) => HoldingOn.TryGetValue(clock, out var count) && Volatile.Read(ref count.Value) > 0;

    /// <summary>Every request served, in order.</summary>
    public ConcurrentQueue<ServedRequest> Requests { get; } = new();

    /// <summary>
    /// From now on, request number n (1-based, counted from this call) gets <paramref name="rule"/>(n, request) when that
    /// is not null, else the normal answer. Replaces any earlier rule.
    /// </summary>
    public void Inject(Func<int, ServedRequest, Reply?> rule)
    {
        Interlocked.Exchange(ref _sinceInjection, 0);
        _inject = rule;
    }

    /// <summary>Back to normal answers.</summary>
    public void ClearInjection() => _inject = null;

    /// <summary>A loopback port nothing listens on (bound, then released).</summary>
    public static int UnusedPort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }
            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        Interlocked.Increment(ref s_working);
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequest(stream);
                if (request is null) return;
                Requests.Enqueue(request);
                int n = Interlocked.Increment(ref _sinceInjection);
                var reply = _inject?.Invoke(n, request) ?? Handler(request);
                if (reply.Delay > TimeSpan.Zero)
                {
                    var holding = HoldingOn.GetOrAdd(Clock, _ => new StrongBox<int>());
                    Interlocked.Decrement(ref s_working);
                    Interlocked.Increment(ref holding.Value);
                    try
                    {
                        await Task.Delay(reply.Delay, Clock, _stop.Token);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref holding.Value);
                        Interlocked.Increment(ref s_working);
                    }
                }
                var head = new StringBuilder($"HTTP/1.1 {reply.Status} {Reason(reply.Status)}\r\n");
                head.Append($"Content-Type: {reply.ContentType}\r\nContent-Length: {reply.Body.Length}\r\nConnection: close\r\n");
                foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>()) head.Append($"{name}: {value}\r\n");
                head.Append("\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);
                int length = Math.Min(reply.TruncateAt ?? reply.Body.Length, reply.Body.Length);
                await stream.WriteAsync(reply.Body.AsMemory(0, length), _stop.Token);
                await stream.FlushAsync(_stop.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client gave up (a timeout test) or the server is stopping.
            }
            finally
            {
                Interlocked.Decrement(ref s_working);
            }
        }
    }

    private static async Task<ServedRequest?> ReadRequest(NetworkStream stream)
    {
        var buffer = new byte[16384];
        int read = 0;
        while (read < buffer.Length)
        {
            int n = await stream.ReadAsync(buffer.AsMemory(read));
            if (n == 0) return null;
            read += n;
            if (buffer.AsSpan(0, read).IndexOf("\r\n\r\n"u8) >= 0) break;
        }
        var lines = Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n");
        var target = lines[0].Split(' ')[1];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1).TakeWhile(l => l.Length > 0))
        {
            int colon = line.IndexOf(':');
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        int q = target.IndexOf('?');
        var path = Uri.UnescapeDataString(q < 0 ? target : target[..q]);
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        if (q >= 0)
            foreach (var pair in target[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = pair.IndexOf('=');
                query[Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq])] = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            }
        return new ServedRequest(path, query, headers, target);
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        418 => "I'm a teapot",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
