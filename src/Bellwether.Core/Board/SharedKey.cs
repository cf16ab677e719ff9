namespace Bellwether.Core.Board;

/// <summary>
/// The key of a whole-history structure kept by <see cref="IMarketData.Shared{T}"/>: a record whose fields name
/// everything the build depends on. Keys are compared as records, so two equal keys of the same record type name one
/// structure, keys of different types never collide, and <typeparamref name="T"/> ties a key to the type it builds.
/// </summary>
/// <typeparam name="T">The structure built.</typeparam>
public abstract record SharedKey<T> where T : class;

/// <summary>
/// The structures an <see cref="IMarketData"/> built, by key: each is built once from that data (a build racing
/// another for the same key is dropped, so every caller gets the same object).
/// </summary>
public sealed class SharedStructures
{
    private readonly Dictionary<object, object> _built = [];
    private readonly Lock _lock = new();

    /// <summary>The structure of <paramref name="key"/>, built by <paramref name="build"/> the first time, outside
    /// the lock (a build may read other shared structures).</summary>
    public T GetOrBuild<T>(SharedKey<T> key, Func<T> build) where T : class
    {
        lock (_lock)
            if (_built.TryGetValue(key, out var o)) return (T)o;
        var built = build();
        lock (_lock) return (T)(_built.TryAdd(key, built) ? built : _built[key]);
    }
}
