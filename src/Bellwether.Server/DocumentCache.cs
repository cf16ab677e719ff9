using System.Collections.Concurrent;

namespace Bellwether.Server;

/// <summary>An answer of the API: status, media type and body, exactly as sent.</summary>
public sealed record ApiDocument(int Status, string ContentType, string Body)
{
    public const string Json = "application/json; charset=utf-8";
    public const string Csv = "text/csv; charset=utf-8";

    public static ApiDocument Error(int status, string message) =>
        new(status, Json, Api.ApiJson.Text(new { error = message }));
}

/// <summary>
/// Documents computed once per store version: the first request for a key computes it, requests meanwhile share that
/// computation, later ones get the text. The watcher clears it when the store changes. A computation that failed
/// (the store busy or missing) is not kept.
/// </summary>
public sealed class DocumentCache
{
    /// <summary>Past this many keys the cache starts again (many dates asked once each).</summary>
    public const int MaxEntries = 512;

    private ConcurrentDictionary<string, Lazy<Task<ApiDocument>>> _documents = new(StringComparer.Ordinal);

    public async Task<ApiDocument> Get(string key, Func<ApiDocument> produce)
    {
        var documents = _documents;
        if (documents.Count >= MaxEntries) Clear();
        var entry = documents.GetOrAdd(key, _ => new Lazy<Task<ApiDocument>>(() => Task.Run(produce)));
        try
        {
            return await entry.Value;
        }
        catch
        {
            documents.TryRemove(new KeyValuePair<string, Lazy<Task<ApiDocument>>>(key, entry));
            throw;
        }
    }

    /// <summary>Forgets every document (the store changed).</summary>
    public void Clear() => _documents = new(StringComparer.Ordinal);
}
