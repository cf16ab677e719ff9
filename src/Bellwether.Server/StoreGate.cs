using Bellwether.Data.Store;

namespace Bellwether.Server;

/// <summary>
/// The server's only way into the store: a read-only connection opened for one read and closed after it, so no
/// lock is held between requests and <c>bellwether import</c> or <c>fetch</c> in a terminal can write; a read that
/// meets an import's lock waits for it (<see cref="LockWait"/>).
/// </summary>
public sealed class StoreGate(ServeSettings settings)
{
    /// <summary>How long a read waits for an import to finish before the request fails (503).</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(20);

    public string StorePath => settings.StorePath;

    /// <summary>Runs <paramref name="read"/> on a fresh read-only connection.</summary>
    /// <exception cref="FileNotFoundException">No store yet.</exception>
    public T Read<T>(Func<BellwetherStore, T> read)
    {
        using var store = BellwetherStore.Open(settings.StorePath, readOnly: true, LockWait);
        return read(store);
    }
}
