using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bellwether.Server;

/// <summary>
/// Sees another process change the store: every <see cref="Interval"/> it compares the store file's and its
/// write-ahead log's size and time (a stat, no lock); when they moved, it reads the store's content fingerprint (a
/// short read, waiting while an import holds the file) and, when the content differs, drops the cached documents and
/// publishes a new version. A no-op checkpoint touches the files without an event; an import that lands does.
/// </summary>
internal sealed partial class StoreWatcher(StoreGate gate, DocumentCache cache, StoreEvents events, TimeProvider time,
    ILogger<StoreWatcher> log) : BackgroundService
{
    /// <summary>How often the files are looked at: an import's commit reaches the pages within about this.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private FileStamp? _seen;
    private string? _fingerprint;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await Task.Run(Look, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // An import still writing, a file being replaced: the next tick tries again.
                LookFailed(log, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One look; public to tests through <see cref="DocumentCache"/>'s version.</summary>
    internal void Look()
    {
        var stamp = FileStamp.Of(gate.StorePath);
        if (stamp == _seen) return;
        string? fingerprint = stamp.Exists ? gate.Read(store => store.ContentFingerprint()) : null;
        bool first = _seen is null;
        _seen = stamp;
        if (fingerprint == _fingerprint) return;
        _fingerprint = fingerprint;
        if (first) return;
        cache.Clear();
        var change = events.Publish();
        StoreChanged(log, change.Version);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "store changed: version {Version}")]
    private static partial void StoreChanged(ILogger logger, long version);

    [LoggerMessage(Level = LogLevel.Debug, Message = "store not read this time: {Reason}")]
    private static partial void LookFailed(ILogger logger, string reason);

    /// <summary>What a stat shows of the store file and its write-ahead log.</summary>
    private sealed record FileStamp(bool Exists, long Length, DateTime Written, long WalLength, DateTime WalWritten)
    {
        public static FileStamp Of(string path)
        {
            var file = new FileInfo(path);
            var wal = new FileInfo(path + ".wal");
            return new FileStamp(file.Exists, file.Exists ? file.Length : 0, file.Exists ? file.LastWriteTimeUtc
                : default, wal.Exists ? wal.Length : -1, wal.Exists ? wal.LastWriteTimeUtc : default);
        }
    }
}
