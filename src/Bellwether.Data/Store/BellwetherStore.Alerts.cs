using System.Text.Json;
using Bellwether.Core.Alerts;

namespace Bellwether.Data.Store;

/// <summary>Alert history and the delivery outbox (docs/alerts.md, "Delivery").</summary>
public sealed partial class BellwetherStore
{
    /// <summary>How far the rules file <paramref name="watch"/> was evaluated, and what its engine remembers; null
    /// before its first day.</summary>
    public AlertProgress? ReadAlertProgress(string watch)
    {
        using var reader = Query("SELECT last_day, memory, thesis FROM alert_progress WHERE watch = $1", watch);
        if (!reader.Read()) return null;
        return new AlertProgress(reader.GetFieldValue<DateOnly>(0),
            JsonSerializer.Deserialize<List<AlertMemory>>(reader.GetString(1)) ?? [], reader.GetString(2));
    }

    /// <summary>
    /// Records one evaluated day in one transaction: its notifications, a pending delivery on every channel for each
    /// one not silenced, and the engine's memory after the day. A process stopped at any point leaves either the day
    /// whole or nothing of it; a notification recorded before (same key) is kept as it was.
    /// </summary>
    public void RecordAlertDay(string watch, string thesis, DateOnly day, IReadOnlyList<AlertMemory> memory,
        IReadOnlyList<AlertNotification> notifications, IReadOnlyList<string> channels, DateTimeOffset at) =>
        RecordAlertDays(watch, thesis, new AlertProgress(day, memory, thesis), notifications, channels, at);

    /// <summary>
    /// Records notifications of any days (a thesis grain's, <c>alerts run --cluster</c>) in one transaction, as
    /// <see cref="RecordAlertDay"/> does, with the progress after the last of them (none: the progress is left as it
    /// is).
    /// </summary>
    public void RecordAlertDays(string watch, string thesis, AlertProgress? progress,
        IReadOnlyList<AlertNotification> notifications, IReadOnlyList<string> channels, DateTimeOffset at)
    {
        using var tx = _connection.BeginTransaction();
        foreach (var n in notifications)
        {
            Execute("""
                INSERT INTO alert_events VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                ON CONFLICT (key) DO NOTHING
                """, n.Key, watch, n.Fingerprint, n.Rule, Word(n.Status), n.Repeat, n.Date, n.Since,
                JsonSerializer.Serialize(n.Labels), n.Summary, n.Description, double.IsFinite(n.Value) ? n.Value : null,
                n.Silenced, at.UtcDateTime);
            if (n.Silenced) continue;
            foreach (var channel in channels)
                Execute("""
                    INSERT INTO alert_deliveries VALUES ($1, $2, 'pending', 0, $3, $3, NULL, NULL)
                    ON CONFLICT (key, channel) DO NOTHING
                    """, n.Key, channel, at.UtcDateTime);
        }
        if (progress is not null)
            Execute("""
                INSERT INTO alert_progress VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (watch) DO UPDATE SET thesis = excluded.thesis, last_day = excluded.last_day,
                    memory = excluded.memory, updated_at = excluded.updated_at
                """, watch, thesis, progress.LastDay, JsonSerializer.Serialize(progress.Memory), at.UtcDateTime);
        tx.Commit();
    }

    /// <summary>Deliveries in <paramref name="state"/> (and, for pending ones, due by <paramref name="now"/>), oldest
    /// first.</summary>
    public List<AlertDelivery> AlertDeliveries(DeliveryState state, DateTimeOffset? now = null)
    {
        var list = new List<AlertDelivery>();
        using var reader = Query("""
            SELECT d.key, d.channel, d.state, d.attempts, d.queued_at, d.next_attempt, d.last_error, d.delivered_at,
                e.fingerprint, e.rule, e.status, e.repeat, e.date, e.since, e.labels, e.summary, e.description, e.value,
                e.silenced, e.watch
            FROM alert_deliveries d JOIN alert_events e ON e.key = d.key
            WHERE d.state = $1 AND d.next_attempt <= $2
            ORDER BY e.date, e.recorded_at, d.key, d.channel
            """, Word(state), (now ?? DateTimeOffset.MaxValue).UtcDateTime);
        while (reader.Read())
            list.Add(new AlertDelivery(reader.GetString(0), reader.GetString(1),
                Enum.Parse<DeliveryState>(reader.GetString(2), true),
                reader.GetInt32(3), Utc(reader.GetDateTime(4)), Utc(reader.GetDateTime(5)), reader.IsDBNull(6) ? null
                : reader.GetString(6),
                reader.IsDBNull(7) ? null : Utc(reader.GetDateTime(7)), Event(reader, 8), reader.GetString(19)));
        return list;
    }

    /// <summary>When the next pending delivery is due, or null when none is pending.</summary>
    public DateTimeOffset? NextDeliveryAttempt() =>
        Scalar("SELECT min(next_attempt) FROM alert_deliveries WHERE state = 'pending'") is DateTime t ? Utc(t) : null;

    /// <summary>Marks a delivery done.</summary>
    public void MarkDelivered(string key, string channel, DateTimeOffset at) =>
        Execute(
            "UPDATE alert_deliveries SET state = 'delivered', delivered_at = $3, attempts = attempts + 1 WHERE key = " +
            "$1 AND channel = $2",
            key, channel, at.UtcDateTime);

    /// <summary>Records a failed attempt: tried again at <paramref name="next"/>, or, when null, moved to the dead
    /// letters.</summary>
    /// <param name="error">Already free of secrets.</param>
    public void MarkAttemptFailed(string key, string channel, string error, DateTimeOffset? next)
    {
        if (next is { } at)
            Execute(
                "UPDATE alert_deliveries SET attempts = attempts + 1, last_error = $3, next_attempt = $4 WHERE key = " +
                "$1 AND channel = $2",
                key, channel, error, at.UtcDateTime);
        else
            Execute(
                "UPDATE alert_deliveries SET attempts = attempts + 1, last_error = $3, state = 'dead' WHERE key = $1 " +
                "AND channel = $2",
                key, channel, error);
    }

    /// <summary>Queues dead letters again (all, or those whose key starts with <paramref name="keyPrefix"/>); returns
    /// how many.</summary>
    public int ReplayDeadLetters(string? keyPrefix, DateTimeOffset now)
    {
        using var command = Command("""
            UPDATE alert_deliveries SET state = 'pending', attempts = 0, queued_at = $2, next_attempt = $2
            WHERE state = 'dead' AND starts_with(key, $1)
            """, [keyPrefix ?? "", now.UtcDateTime]);
        return command.ExecuteNonQuery();
    }

    /// <summary>The notifications recorded, newest first (at most <paramref name="limit"/>), with their
    /// deliveries.</summary>
    public List<AlertHistoryEntry> AlertHistory(int limit)
    {
        var events = new List<(AlertEvent Event, string Watch)>();
        using (var reader = Query($"""
            SELECT fingerprint, rule, status, repeat, date, since, labels, summary, description, value, silenced, key,
                watch
            FROM alert_events ORDER BY date DESC, recorded_at DESC, key LIMIT {Math.Max(0, limit)}
            """))
            while (reader.Read()) events.Add((Event(reader, 0, keyAt: 11), reader.GetString(12)));
        var deliveries = new Dictionary<string, List<DeliveryStatus>>(StringComparer.Ordinal);
        using (var reader =
            Query("SELECT key, channel, state, attempts, last_error, delivered_at FROM alert_deliveries ORDER BY " +
            "key, channel"))
            while (reader.Read())
            {
                if (!deliveries.TryGetValue(reader.GetString(0),
                    out var list)) deliveries[reader.GetString(0)] = list = [];
                list.Add(new DeliveryStatus(reader.GetString(1), Enum.Parse<DeliveryState>(reader.GetString(2), true),
                    reader.GetInt32(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null
                    : Utc(reader.GetDateTime(5))));
            }
        return [.. events.Select(e =>
            new AlertHistoryEntry(e.Event, e.Watch, deliveries.GetValueOrDefault(e.Event.Key) ?? []))];
    }

    private static AlertEvent Event(DuckDB.NET.Data.DuckDBDataReader r, int at, int keyAt = 0) => new(
        keyAt > 0 ? r.GetString(keyAt) : r.GetString(0), r.GetString(at), r.GetString(at + 1),
        Enum.Parse<AlertStatus>(r.GetString(at + 2), true), r.GetBoolean(at + 3), r.GetFieldValue<DateOnly>(at + 4),
        r.GetFieldValue<DateOnly>(at + 5),
        JsonSerializer.Deserialize<SortedDictionary<string, string>>(r.GetString(at + 6))!,
        r.GetString(at + 7), r.GetString(at + 8), r.IsDBNull(at + 9) ? null : r.GetDouble(at + 9),
        r.GetBoolean(at + 10));

    private static string Word<T>(T value) where T : Enum => value.ToString().ToLowerInvariant();
}

/// <summary>How far a rules file was evaluated.</summary>
public sealed record AlertProgress(DateOnly LastDay, IReadOnlyList<AlertMemory> Memory, string Thesis);

/// <summary>Where a delivery stands.</summary>
public enum DeliveryState
{
    /// <summary>To be tried (again) at its next attempt time.</summary>
    Pending,
    /// <summary>The channel accepted it.</summary>
    Delivered,
    /// <summary>Given up on: a dead letter, sent again only by a replay.</summary>
    Dead,
}

/// <summary>A recorded notification (see <see cref="AlertNotification"/>); <paramref name="Value"/> null when there was
/// no number.</summary>
public sealed record AlertEvent(
    string Key, string Fingerprint, string Rule, AlertStatus Status, bool Repeat, DateOnly Date, DateOnly Since,
    IReadOnlyDictionary<string, string> Labels, string Summary, string Description, double? Value, bool Silenced);

/// <summary>One notification on one channel, as the outbox holds it.</summary>
public sealed record AlertDelivery(
    string Key, string Channel, DeliveryState State, int Attempts, DateTimeOffset QueuedAt, DateTimeOffset NextAttempt,
    string? LastError, DateTimeOffset? DeliveredAt, AlertEvent Event, string Watch);

/// <summary>A delivery's state, for the history.</summary>
public sealed record DeliveryStatus(string Channel, DeliveryState State, int Attempts, string? LastError,
    DateTimeOffset? DeliveredAt);

/// <summary>A notification with where it was delivered.</summary>
public sealed record AlertHistoryEntry(AlertEvent Event, string Watch, IReadOnlyList<DeliveryStatus> Deliveries);
