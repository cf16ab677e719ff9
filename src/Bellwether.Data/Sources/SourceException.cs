namespace Bellwether.Data.Sources;

/// <summary>Why a fetch from a source failed, in words a user can act on.</summary>
public enum SourceFailure
{
    /// <summary>No connection could be made (no network, DNS failure, refused).</summary>
    Unreachable,
    /// <summary>No answer in time, after the retries.</summary>
    Timeout,
    /// <summary>HTTP 429 (or a quota text) after the retries, or a <c>Retry-After</c> longer than this run
    /// waits.</summary>
    RateLimited,
    /// <summary>HTTP 418: Binance banned this address for a while.</summary>
    Banned,
    /// <summary>A bot wall (Cloudflare) answered instead of the site.</summary>
    Blocked,
    /// <summary>The source needs a key and none is configured.</summary>
    KeyMissing,
    /// <summary>The source refused the configured key.</summary>
    KeyInvalid,
    /// <summary>The source does not know the symbol.</summary>
    NotFound,
    /// <summary>The source limits this request (e.g. CoinGecko's 365-day keyless history).</summary>
    NotAllowed,
    /// <summary>The answer was cut off or not in the source's format.</summary>
    BadResponse,
    /// <summary>Other HTTP errors (5xx after the retries, unexpected 4xx).</summary>
    HttpError,
    /// <summary>Too many failures in a row: the source's circuit breaker is open.</summary>
    CircuitOpen,
}

/// <summary>A failed fetch. The message names the source and never contains a key.</summary>
public sealed class SourceException(SourceFailure failure, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public SourceFailure Failure { get; } = failure;
}
