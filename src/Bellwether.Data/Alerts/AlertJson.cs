using System.Globalization;
using System.Text;
using System.Text.Json;
using Bellwether.Core.Alerts;
using Bellwether.Data.Store;

namespace Bellwether.Data.Alerts;

/// <summary>A notification as JSON: the webhook body, a line of the JSON-lines log, an item of
/// <c>/api/alerts</c>.</summary>
public static class AlertJson
{
    /// <summary>One notification as a compact JSON object (fields in a fixed order; no secret is ever in it).</summary>
    public static string Of(AlertEvent e, string thesis)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer)) Write(w, e, thesis);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes <paramref name="e"/> as an object.</summary>
    public static void Write(Utf8JsonWriter w, AlertEvent e, string thesis)
    {
        w.WriteStartObject();
        w.WriteString("key", e.Key);
        w.WriteString("status", e.Status == AlertStatus.Firing ? "firing" : "resolved");
        w.WriteBoolean("repeat", e.Repeat);
        w.WriteString("rule", e.Rule);
        w.WriteString("fingerprint", e.Fingerprint);
        w.WriteString("date", e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("since", e.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("thesis", thesis);
        w.WriteStartObject("labels");
        foreach (var (k, v) in e.Labels.OrderBy(l => l.Key, StringComparer.Ordinal)) w.WriteString(k, v);
        w.WriteEndObject();
        w.WriteString("summary", e.Summary);
        w.WriteString("description", e.Description);
        if (e.Value is { } v1) w.WriteNumber("value", v1);
        else w.WriteNull("value");
        w.WriteBoolean("silenced", e.Silenced);
        w.WriteEndObject();
    }

    /// <summary>A notification of the engine as the store records it.</summary>
    public static AlertEvent Event(AlertNotification n) =>
        new(n.Key, n.Fingerprint, n.Rule, n.Status, n.Repeat, n.Date, n.Since,
        n.Labels, n.Summary, n.Description, double.IsFinite(n.Value) ? n.Value : null, n.Silenced);

    /// <summary>One line for the console: date, status, rule, summary.</summary>
    public static string Line(AlertEvent e) =>
        $"{e.Date:yyyy-MM-dd} " +
        $"{(e.Status == AlertStatus.Firing ? e.Repeat ? "FIRING (repeat)" : "FIRING" : "RESOLVED")} " +
        $"{e.Rule}{(e.Labels.TryGetValue("signal", out var s) ? $" [{s}]" : "")}: {e.Summary}" +
        (e.Silenced ? " (silenced)" : "")
        + (e.Status == AlertStatus.Resolved ? $" (firing since {e.Since:yyyy-MM-dd})" : "");
}

/// <summary>Where the JSON-lines log is.</summary>
public static class AlertLog
{
    /// <summary>The rules file's <c>receivers.log</c>, else <c>alerts.jsonl</c> beside the store.</summary>
    public static string PathFor(AlertReceivers receivers, string storePath) =>
        receivers.Log ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storePath))!, "alerts.jsonl");
}
