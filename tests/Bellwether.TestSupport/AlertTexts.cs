using System.Text.Json;
using Bellwether.Core.Alerts;
using Bellwether.Core.Board;
using Bellwether.Data.Alerts;

namespace Bellwether.TestSupport;

/// <summary>Alert notifications and engine memory as comparable text: each notification as its webhook body (every
/// field, the value's shortest round-trip digits), each memory entry as JSON.</summary>
public static class AlertTexts
{
    public static List<string> Of(IEnumerable<AlertNotification> notifications, string thesis) =>
        [.. notifications.Select(n => AlertJson.Of(AlertJson.Event(n), thesis))];

    public static List<string> Of(IEnumerable<AlertMemory> memory) =>
        [.. memory.Select(m => JsonSerializer.Serialize(m))];

    /// <summary>What the engine notifies over <paramref name="boards"/> (in date order), the first a warm-up, and
    /// what it remembers at the end: what <c>alerts run --since</c> the second day records.</summary>
    public static (List<string> Notifications, List<string> Memory) Replay(AlertRules rules,
        IReadOnlyList<BoardResult> boards, string thesis)
    {
        var engine = new AlertEngine(rules);
        var sent = Of(boards.SelectMany((b, k) => engine.Step(b, notify: k > 0)), thesis);
        return (sent, Of(engine.Memory));
    }
}
