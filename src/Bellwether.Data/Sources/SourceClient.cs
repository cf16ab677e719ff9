using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace Bellwether.Data.Sources;

/// <summary>A response that got through the resilience pipeline: status, headers and the whole body.</summary>
public sealed record SourceResponse(HttpStatusCode Status, HttpResponseMessage Message, byte[] Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
    /// <summary>The <c>Retry-After</c> header as a delay from <paramref name="now"/>, if present.</summary>
    public TimeSpan? RetryAfter(DateTimeOffset now) => SourceClient.RetryAfter(Message, now);
}

/// <summary>
/// The HTTP client of one source: every GET runs through a Polly pipeline (outer to inner: total timeout, retry with
/// exponential backoff and jitter honouring <c>Retry-After</c>, circuit breaker, token-bucket rate limiter, attempt
/// timeout). The body is read inside the attempt, so a cut-off body is retried like a 5xx.
/// </summary>
public sealed class SourceClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly RateLimiter _limiter;
    private readonly TimeProvider _time;
    private readonly List<string> _retries = [];

    public SourceClient(SourceSettings settings, TimeProvider time, string userAgent)
    {
        Settings = settings;
        _time = time;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = settings.ConnectTimeout,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        // Refill at least a second apart (a sub-millisecond timer would spin); a burst of up to ten seconds' worth.
        double perSecond = Math.Max(settings.RequestsPerMinute, 0.01) / 60;
        var period = TimeSpan.FromSeconds(Math.Max(1, 1 / perSecond));
        int tokensPerPeriod = Math.Max(1, (int)Math.Round(perSecond * period.TotalSeconds));
        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, (int)Math.Min(perSecond * 10, 1000)),
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        _pipeline = BuildPipeline(settings, time, _limiter, _retries);
    }

    public SourceSettings Settings { get; }

    /// <summary>Retries made since the last call, as short notes ("HTTP 429, waited 2.0 s").</summary>
    public List<string> TakeRetryNotes()
    {
        lock (_retries)
        {
            var notes = _retries.ToList();
            _retries.Clear();
            return notes;
        }
    }

    /// <summary>GETs <paramref name="url"/> (absolute, or relative to the base address) through the pipeline.</summary>
    /// <exception cref="SourceException">No usable answer: unreachable, timed out, circuit open, or a cut-off
    /// body.</exception>
    public async Task<SourceResponse> GetAsync(Uri url, CancellationToken ct,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        var absolute = url.IsAbsoluteUri ? url : new Uri(Settings.BaseAddress, url);
        try
        {
            var response = await _pipeline.ExecuteAsync(async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, absolute);
                foreach (var (name, value) in headers
                    ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
                var r = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
                try
                {
                    await r.Content.LoadIntoBufferAsync(token);
                }
                catch
                {
                    r.Dispose();
                    throw;
                }
                return r;
            }, ct);
            return new SourceResponse(response.StatusCode, response, await response.Content.ReadAsByteArrayAsync(ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (Describe(e) is { } failure)
        {
            throw new SourceException(failure.Kind, $"{Settings.Name}: {failure.Message}", e);
        }
    }

    /// <summary>What a transport-level exception means for the user, or null for exceptions that are bugs.</summary>
    private (SourceFailure Kind, string Message)? Describe(Exception e) => e switch
    {
        BrokenCircuitException => (SourceFailure.CircuitOpen,
            $"too many failures in a row, the circuit breaker is open for " +
            $"{Settings.CircuitBreakDuration.TotalSeconds:0} s; skipped"),
        TimeoutRejectedException =>
            (SourceFailure.Timeout,
                $"no answer within {Settings.AttemptTimeout.TotalSeconds:0.#} s per attempt (after " +
                $"{Settings.MaxRetries} retries)"),
        HttpRequestException h when IsUnreachable(h) => (SourceFailure.Unreachable,
            $"unreachable ({Settings.BaseAddress.Host}: {Root(h).Message}); check the network, or 'bellwether " +
            $"import' saved files instead"),
        HttpRequestException or IOException =>
            (SourceFailure.BadResponse,
                $"the response was cut off or broken ({Root(e).Message}), after {Settings.MaxRetries} retries"),
        RateLimiterRejectedException => (SourceFailure.RateLimited, "the run's own rate limit rejected the request"),
        // SocketsHttpHandler reports a connect timeout as a cancellation caused by a TimeoutException.
        OperationCanceledException { InnerException: TimeoutException } => (SourceFailure.Unreachable,
            $"unreachable (no connection to {Settings.BaseAddress.Host} within " +
            $"{Settings.ConnectTimeout.TotalSeconds:0.#} s); check the network, or 'bellwether import' saved files " +
            "instead"),
        _ => null,
    };

    private static Exception Root(Exception e) => e.InnerException is { } inner && e is HttpRequestException
        ? Root(inner) : e;

    /// <summary>Connection-level failures: retrying them would only delay the message that the source is out of
    /// reach.</summary>
    public static bool IsUnreachable(HttpRequestException e) =>
        e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
        or HttpRequestError.ProxyTunnelError
        || e.InnerException is SocketException
        || (e.InnerException is TimeoutException && e.HttpRequestError == HttpRequestError.Unknown);

    private static bool Transient(Outcome<HttpResponseMessage> outcome, DateTimeOffset now, TimeSpan maxRetryAfter)
    {
        if (outcome.Exception is { } e)
            return e switch
            {
                TimeoutRejectedException => true,
                HttpRequestException h => !IsUnreachable(h)
                    && h.HttpRequestError is not HttpRequestError.SecureConnectionError,
                IOException => true,
                _ => false,
            };
        var response = outcome.Result!;
        int status = (int)response.StatusCode;
        if (status == 429) return !(RetryAfter(response, now) > maxRetryAfter);
        return status is 408 or 500 or 502 or 503 or 504 || (status > 504 && status < 600);
    }

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(SourceSettings s, TimeProvider time,
        RateLimiter limiter, List<string> notes)
    {
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddTimeout(s.TotalTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(s.MaxRetries, 0) is 0 ? 1 : s.MaxRetries,
                ShouldHandle = args =>
                    ValueTask.FromResult(s.MaxRetries > 0
                        && Transient(args.Outcome, time.GetUtcNow(), s.MaxRetryAfter)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = s.RetryBaseDelay,
                MaxDelay = s.MaxRetryAfter,
                DelayGenerator = args =>
                    ValueTask.FromResult(args.Outcome.Result is { } r ? RetryAfter(r, time.GetUtcNow()) : null),
                OnRetry = args =>
                {
                    var why = args.Outcome.Result is { } r ? $"HTTP {(int)r.StatusCode}"
                        : args.Outcome.Exception?.GetType().Name ?? "failure";
                    lock (notes) notes.Add(
                        $"{why}, retry {args.AttemptNumber + 1} after {args.RetryDelay.TotalSeconds:0.0} s");
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = 0.5,
                MinimumThroughput = Math.Max(2, s.CircuitBreakerThroughput),
                SamplingDuration = TimeSpan.FromMinutes(1),
                BreakDuration = s.CircuitBreakDuration < TimeSpan.FromSeconds(0.5) ? TimeSpan.FromSeconds(0.5)
                    : s.CircuitBreakDuration,
                ShouldHandle = args =>
                    ValueTask.FromResult(Transient(args.Outcome, time.GetUtcNow(), TimeSpan.MaxValue)),
            })
            .AddRateLimiter(limiter)
            .AddTimeout(s.AttemptTimeout)
            .Build();
    }

    /// <summary>Reads <c>Retry-After</c> (seconds or an HTTP date) as a delay from <paramref name="now"/>.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date) return date > now ? date - now : TimeSpan.Zero;
        return null;
    }

    public void Dispose()
    {
        _http.Dispose();
        _limiter.Dispose();
    }
}
