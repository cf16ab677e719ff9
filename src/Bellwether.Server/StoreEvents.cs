using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;

namespace Bellwether.Server;

/// <summary>A change of the store: its new version (the event id) and when the server saw it.</summary>
public sealed record StoreChange(long Version, DateTimeOffset SeenAt);

/// <summary>
/// The store's versions, fanned out to every open event stream. Each stream starts with the current version, so a
/// page that missed changes (a dropped connection, a restart) reloads its data once and is current again.
/// </summary>
public sealed class StoreEvents(TimeProvider time)
{
    /// <summary>How often an idle stream gets a heartbeat, so proxies and browsers keep it open.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    private readonly Lock _gate = new();
    private readonly List<Channel<StoreChange>> _subscribers = [];
    private StoreChange _current = new(0, time.GetUtcNow());

    /// <summary>The store's current version.</summary>
    public StoreChange Current
    {
        get
        {
            lock (_gate) return _current;
        }
    }

    /// <summary>The number of open streams.</summary>
    public int Subscribers
    {
        get
        {
            lock (_gate) return _subscribers.Count;
        }
    }

    /// <summary>Records a new version of the store and tells every stream.</summary>
    public StoreChange Publish()
    {
        lock (_gate)
        {
            _current = new StoreChange(_current.Version + 1, time.GetUtcNow());
            foreach (var subscriber in _subscribers) subscriber.Writer.TryWrite(_current);
            return _current;
        }
    }

    /// <summary>The stream of one client: the current version at once, then every change, with heartbeats
    /// between.</summary>
    public async IAsyncEnumerable<SseItem<string>> Stream([EnumeratorCancellation] CancellationToken cancel)
    {
        // Only the latest version matters to a page: a slow reader skips to it.
        var channel =
            Channel.CreateBounded<StoreChange>(
                new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate)
        {
            _subscribers.Add(channel);
            channel.Writer.TryWrite(_current);
        }
        try
        {
            while (!cancel.IsCancellationRequested)
            {
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                beat.CancelAfter(Heartbeat);
                StoreChange? change = null;
                try
                {
                    change = await channel.Reader.ReadAsync(beat.Token);
                }
                catch (OperationCanceledException)
                {
                    // The heartbeat's time, or the end of the stream (client gone, server stopping): the loop decides.
                }
                if (cancel.IsCancellationRequested) yield break;
                if (change is null) yield return new SseItem<string>("{}", "heartbeat");
                else yield return Item(change);
            }
        }
        finally
        {
            lock (_gate) _subscribers.Remove(channel);
        }
    }

    private static SseItem<string> Item(StoreChange change) =>
        new(JsonSerializer.Serialize(new { version = change.Version, seen_at = change.SeenAt }), "store")
        {
            EventId = change.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
}
