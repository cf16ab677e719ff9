using System.Text.RegularExpressions;

namespace Bellwether.Data.Sources;

/// <summary>Turns an unsuccessful HTTP answer into a <see cref="SourceException"/> that says what happened and what to
/// do.</summary>
public static partial class ResponseErrors
{
    /// <summary>Throws for any non-2xx status; sources check their own special cases first.</summary>
    /// <param name="what">What was asked for, e.g. <c>BTC (BTCUSDT)</c>.</param>
    /// <param name="key">The key that was sent, if any: 401/403 then means it was refused, and it is blanked in the
    /// message.</param>
    public static void ThrowUnlessOk(SourceResponse r, SourceSettings s, string what, DateTimeOffset now, string? key)
    {
        if (r.IsSuccess) return;
        int status = (int)r.Status;
        bool keyed = key is not null;
        string detail = Excerpt(r.Text, key);
        string prefix = $"{s.Name}: {what}: HTTP {status}";
        throw status switch
        {
            429 => new SourceException(SourceFailure.RateLimited, $"{prefix} rate limited" + RetryAfterText(r, s, now)),
            418 => new SourceException(SourceFailure.Banned,
                $"{prefix}: this address is banned for sending too many requests" + RetryAfterText(r, s, now)
                + "; do not retry before then"),
            401 or 403 when keyed =>
                new SourceException(SourceFailure.KeyInvalid,
                    $"{prefix}: the API key was refused ({detail}); check the key (it is not shown)"),
            401 or 403 => new SourceException(SourceFailure.HttpError, $"{prefix} forbidden ({detail})"),
            404 => new SourceException(SourceFailure.NotFound,
                $"{prefix}: not found ({detail}); check the symbol in the configuration"),
            451 => new SourceException(SourceFailure.HttpError,
                $"{prefix}: not available from this location ({detail})"),
            >= 500 =>
                new SourceException(SourceFailure.HttpError,
                    $"{prefix} server error after {s.MaxRetries} retries ({detail})"),
            _ => new SourceException(SourceFailure.HttpError, $"{prefix} ({detail})"),
        };
    }

    private static string RetryAfterText(SourceResponse r, SourceSettings s, DateTimeOffset now) =>
        r.RetryAfter(now) is { } wait
            ? wait > s.MaxRetryAfter
                ? $" (Retry-After {wait.TotalSeconds:0} s, longer than the {s.MaxRetryAfter.TotalSeconds:0} s a run " +
                "waits); try again later"
                : $" (still after {s.MaxRetries} retries); try again later"
            : $" after {s.MaxRetries} retries; try again later";

    /// <summary>
    /// The start of a body as one short line: tags and runs of white space removed, <paramref name="key"/> blanked
    /// first (a key cut in two by the shortening would no longer be found).
    /// </summary>
    public static string Excerpt(string body, string? key, int length = 160)
    {
        var text = Whitespace().Replace(Tags().Replace(body, " "), " ").Trim();
        if (key is not null) text = new Redactor([key]).Clean(text);
        if (text.Length == 0) return "empty body";
        return text.Length > length ? text[..length] + "…" : text;
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
