using System.Collections.Concurrent;
using DuckDB.NET.Data;

namespace Bellwether.Data.Store;

/// <summary>
/// The embedded DuckDB store. Imports are idempotent upserts keyed by instrument and date (or list, date and
/// rank), applied in one transaction: an import either lands whole or leaves the store as it was.
/// </summary>
public sealed partial class BellwetherStore : IDisposable
{
    private readonly DuckDBConnection _connection;
    // Connections that are free for Concurrently: this store's own first, then duplicates made on demand.
    private readonly ConcurrentBag<BellwetherStore> _idleReaders = [];
    private readonly ConcurrentQueue<BellwetherStore> _duplicates = [];

    private BellwetherStore(DuckDBConnection connection, string path)
    {
        _connection = connection;
        Path = path;
        _idleReaders.Add(this);
    }

    /// <summary>The store file.</summary>
    public string Path { get; }

    /// <summary>
    /// The store path to use: <paramref name="explicitPath"/>, else <c>BELLWETHER_STORE</c>, else
    /// <c>bellwether/store.duckdb</c> under the user's data directory.
    /// </summary>
    public static string ResolvePath(string? explicitPath)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath)) return explicitPath;
        var fromEnv = Environment.GetEnvironmentVariable("BELLWETHER_STORE");
        if (!string.IsNullOrWhiteSpace(fromEnv)) return fromEnv;
        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(dataHome))
            dataHome = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
                ".local", "share");
        return System.IO.Path.Combine(dataHome, "bellwether", "store.duckdb");
    }

    /// <summary>How long <see cref="Open"/> waits, by default, while another process holds the file.</summary>
    public static readonly TimeSpan DefaultLockWait = TimeSpan.FromSeconds(30);

    /// <summary>Opens (creating and migrating when needed) the store at <paramref name="path"/>.</summary>
    /// <param name="readOnly">Open without write access; the file must exist (one of an earlier schema is migrated
    /// first).</param>
    /// <param name="lockWait">How long to wait while another process holds the file (DuckDB lets one process write a
    /// file, or several read it); default <see cref="DefaultLockWait"/>. An import run while <c>bellwether serve</c>
    /// reads, or a read while an import writes, waits its turn instead of failing.</param>
    public static BellwetherStore Open(string path, bool readOnly = false, TimeSpan? lockWait = null)
    {
        if (readOnly && !File.Exists(path))
            throw new FileNotFoundException($"no store at {path}: run 'bellwether import' first", path);
        if (!readOnly) Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var wait = lockWait ?? DefaultLockWait;
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        string connection = $"Data Source={path}" + (readOnly ? ";ACCESS_MODE=READ_ONLY" : "");
        var store = new BellwetherStore(OpenWaiting(connection, wait), path);
        // DuckDB.NET keeps one database per file in a process: while a read-only connection of this process is open
        // (bellwether serve reading for a page), a connection asked for writing gets that read-only database and every
        // write fails. Such reads are short: wait for them to end, as for another process's lock.
        for (int attempt = 0; !readOnly && store.AttachedReadOnly(); attempt++)
        {
            store.Dispose();
            if (System.Diagnostics.Stopwatch.GetElapsedTime(start) >= wait)
                throw new IOException($"{path}: still open read-only in this process after {wait.TotalSeconds:0} s; " +
                                      "it cannot be written");
            Thread.Sleep(Math.Min(20 << Math.Min(attempt, 4), 250));
            store = new BellwetherStore(OpenWaiting(connection, wait), path);
        }
        try
        {
            if (readOnly && store.NeedsMigration())
            {
                // A store made by an earlier Bellwether: migrated once with write access, then read as asked.
                store.Dispose();
                Open(path, lockWait: lockWait).Dispose();
                return Open(path, readOnly: true, lockWait);
            }
            store.Migrate();
        }
        catch
        {
            store.Dispose();
            throw;
        }
        return store;
    }


    private void Execute(string sql, params object?[] parameters)
    {
        using var command = Command(sql, parameters);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, params object?[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteScalar();
    }

    private DuckDBDataReader Query(string sql, params object?[] parameters)
    {
        var command = Command(sql, parameters);
        return (DuckDBDataReader)command.ExecuteReader();
    }

    private DuckDBCommand Command(string sql, object?[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var p in parameters) command.Parameters.Add(new DuckDBParameter(p ?? DBNull.Value));
        return command;
    }

    /// <summary>
    /// Runs <paramref name="query"/> on a connection no other thread is using: this store's when it is free, else a
    /// further connection to the same database made for the purpose (DuckDB runs one query at a time per connection,
    /// and queries on several at once). Duplicates are kept for later calls and closed with the store. Only for reads
    /// that run while nothing else uses this store directly.
    /// </summary>
    public T Concurrently<T>(Func<BellwetherStore, T> query)
    {
        if (!_idleReaders.TryTake(out var reader))
        {
            reader = new BellwetherStore(OpenConnection(_connection.ConnectionString), Path);
            _duplicates.Enqueue(reader);
        }
        try
        {
            return query(reader);
        }
        finally
        {
            _idleReaders.Add(reader);
        }
    }

    // DuckDB.NET keeps one database per file in a process, so a second connection string opens a connection to it.
    private static DuckDBConnection OpenConnection(string connectionString)
    {
        var connection = new DuckDBConnection(connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>
    /// Opens a connection, retrying while another process holds the file's lock, with a growing pause (20 ms to a
    /// quarter second) until <paramref name="wait"/> has passed; then the lock error is thrown.
    /// </summary>
    private static DuckDBConnection OpenWaiting(string connectionString, TimeSpan wait)
    {
        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return OpenConnection(connectionString);
            }
            catch (DuckDBException e) when (IsLockConflict(e)
                && System.Diagnostics.Stopwatch.GetElapsedTime(start) < wait)
            {
                Thread.Sleep(Math.Min(20 << Math.Min(attempt, 4), 250));
            }
        }
    }

    /// <summary>True when this connection's database is attached read-only.</summary>
    private bool AttachedReadOnly() =>
        Scalar("SELECT readonly FROM duckdb_databases() WHERE database_name = current_database()") is true;

    /// <summary>True when <paramref name="e"/> says another process holds the store file.</summary>
    public static bool IsLockConflict(DuckDBException e) =>
        e.Message.Contains("Could not set lock on file", StringComparison.Ordinal);

    public void Dispose()
    {
        while (_duplicates.TryDequeue(out var duplicate)) duplicate._connection.Dispose();
        _connection.Dispose();
    }
}
