namespace Bellwether.Data.Sources;

/// <summary>One instrument a source keeps current: the store id and the source's own symbol for it.</summary>
/// <param name="Id">Store id, e.g. <c>BTC</c>, <c>RUT</c>, <c>DFF</c>, <c>BTC_SPOT_ETF_FLOWS</c>,
/// <c>coingecko_markets</c>.</param>
/// <param name="Symbol">What the source calls it, e.g. <c>BTCUSDT</c>, <c>^RUT</c>, <c>bitcoin</c>,
/// <c>bitcoin-etf-flow-all-data</c>.</param>
public sealed record SourceInstrument(string Id, string Symbol);

/// <summary>
/// How one public source is reached: address, key, instruments, and the limits of its failure handling.
/// Defaults are in <see cref="SourceDefaults"/>; a configuration file overrides any of them.
/// </summary>
public sealed record SourceSettings
{
    /// <summary>Source name: <c>fred</c>, <c>binance</c>, <c>yahoo</c>, <c>stooq</c>, <c>coingecko</c>,
    /// <c>farside</c>.</summary>
    public required string Name { get; init; }
    /// <summary>Where requests go (tests point it at a loopback server).</summary>
    public required Uri BaseAddress { get; init; }
    /// <summary>A second address for keyed requests (FRED's JSON API); null when the source has one address.</summary>
    public Uri? ApiBaseAddress { get; init; }
    /// <summary>The API key, from the configuration file or <see cref="ApiKeyVariable"/>. Never printed or
    /// logged.</summary>
    public string? ApiKey { get; init; }
    /// <summary>The environment variable that holds the key; it wins over a key in the file.</summary>
    public string? ApiKeyVariable { get; init; }
    public bool Enabled { get; init; } = true;
    public IReadOnlyList<SourceInstrument> Instruments { get; init; } = [];
    /// <summary>Requests per minute this run allows itself (a token bucket; requests wait their turn).</summary>
    public double RequestsPerMinute { get; init; } = 60;
    /// <summary>Time allowed for one attempt, response body included.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Time allowed for one request with all its retries.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(3);
    /// <summary>Time allowed to open a connection; beyond it the source counts as unreachable.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Retries after the first attempt, on 408, 429, 5xx, timeouts and broken responses.</summary>
    public int MaxRetries { get; init; } = 3;
    /// <summary>First backoff delay; it doubles each retry, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>The longest wait honoured (a <c>Retry-After</c> beyond it fails the request instead of stalling the
    /// run).</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Failed attempts (out of at least this many in a minute, half or more failing) that open the circuit
    /// breaker.</summary>
    public int CircuitBreakerThroughput { get; init; } = 8;
    /// <summary>How long an open circuit rejects requests.</summary>
    public TimeSpan CircuitBreakDuration { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Days before the last stored date fetched again, to pick up revisions.</summary>
    public int OverlapDays { get; init; } = 7;
    /// <summary>Rows per page where the API pages (Binance klines, FRED observations, CoinGecko markets).</summary>
    public int PageSize { get; init; } = 1000;
    /// <summary>Days per request where the API takes a date range (Yahoo, Stooq); 0 = all in one.</summary>
    public int MaxDaysPerRequest { get; init; }
    /// <summary>Where a first fetch of an instrument starts.</summary>
    public DateOnly HistoryStart { get; init; } = new(1990, 1, 1);
    /// <summary>CoinGecko only: how many coins the daily <c>coins/markets</c> snapshot ranks (0 = none).</summary>
    public int MarketsTop { get; init; }

    /// <summary>The key from the environment variable, else from the file; null when neither has one.</summary>
    public string? ResolveKey(Func<string, string?> environment)
    {
        var fromEnv = ApiKeyVariable is { Length: > 0 } v ? environment(v) : null;
        return !string.IsNullOrWhiteSpace(fromEnv) ? fromEnv.Trim() : string.IsNullOrWhiteSpace(ApiKey) ? null
            : ApiKey.Trim();
    }
}
