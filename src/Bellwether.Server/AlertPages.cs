using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Bellwether.Core.Alerts;
using Bellwether.Core.Board;
using Bellwether.Data.Alerts;
using Bellwether.Data.Store;
using DuckDB.NET.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bellwether.Server;

/// <summary><c>/api/alerts</c> and the alert history page: the notifications recorded in the store, newest first.
/// </summary>
internal static class AlertPages
{
    private static readonly string[] Columns = ["Date", "Status", "Rule", "Signal", "Severity", "Summary",
        "Firing since", "Delivery"];

    /// <summary>How many notifications the page and the API show.</summary>
    public const int Shown = 500;

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/alerts", (StoreGate gate, ThesisDefinition thesis) =>
                Answer(() => Json(gate.Read(s => s.AlertHistory(Shown)), thesis.Name)))
            .WithSummary("Alert history: the latest notifications recorded (newest first), each with its deliveries.");
        app.MapGet("/alerts", (StoreGate gate, ThesisDefinition thesis) =>
                Answer(() => Page(gate.Read(s => s.AlertHistory(Shown)), thesis.Name)))
            .ExcludeFromDescription();
    }

    private static IResult Answer(Func<IResult> produce)
    {
        try
        {
            return produce();
        }
        catch (FileNotFoundException e)
        {
            return Results.Text(e.Message, "text/plain; charset=utf-8", Encoding.UTF8, 503);
        }
        catch (DuckDBException e)
        {
            return Results.Text($"store: {e.Message}", "text/plain; charset=utf-8", Encoding.UTF8, 503);
        }
    }

    private static IResult Json(List<AlertHistoryEntry> history, string thesis)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartArray("alerts");
            foreach (var entry in history)
            {
                // The notification as the webhook sent it, then where it went.
                using var item = JsonDocument.Parse(AlertJson.Of(entry.Event, thesis));
                w.WriteStartObject();
                foreach (var p in item.RootElement.EnumerateObject()) p.WriteTo(w);
                w.WriteStartArray("deliveries");
                foreach (var d in entry.Deliveries)
                {
                    w.WriteStartObject();
                    w.WriteString("channel", d.Channel);
                    w.WriteString("state", d.State.ToString().ToLowerInvariant());
                    w.WriteNumber("attempts", d.Attempts);
                    if (d.LastError is { } error) w.WriteString("last_error", error);
                    if (d.DeliveredAt is { } at)
                        w.WriteString("delivered_at",
                            at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Results.Text(buffer.ToArray(), "application/json; charset=utf-8");
    }

    /// <summary>The page, rendered on the server (no script): one row per notification.</summary>
    private static IResult Page(List<AlertHistoryEntry> history, string thesis)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        var rows = new StringBuilder();
        foreach (var (e, _, deliveries) in history)
        {
            var status = e.Status == AlertStatus.Firing ? e.Repeat ? "firing (repeat)" : "firing" : "resolved";
            var delivered = e.Silenced ? "silenced"
                : string.Join(", ", deliveries.Select(d => $"{d.Channel}: {d.State.ToString().ToLowerInvariant()}" +
                    (d.State == DeliveryState.Delivered ? "" : $" after {d.Attempts} attempts")));
            rows.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{e.Date:yyyy-MM-dd}</td><td>{E(status)}</td><td>{E(e.Rule)}</td>" +
                $"<td>{E(e.Labels.GetValueOrDefault("signal") ?? "")}</td>" +
                $"<td>{E(e.Labels.GetValueOrDefault("severity") ?? "")}</td>" +
                $"<td>{E(e.Summary)}</td><td>{e.Since:yyyy-MM-dd}</td><td>{E(delivered)}</td></tr>\n");
        }
        var body = history.Count == 0
            ? "<p>No alerts recorded yet. Run <code>bellwether alerts run RULES</code>, or serve with " +
              "<code>--alerts RULES</code> " +
              "(docs/alerts.md).</p>"
            : "<div class=\"scroll\"><table><caption>Latest notifications, newest first</caption><thead><tr>" +
              string.Concat(Columns.Select(h => $"<th scope=\"col\">{h}</th>")) +
              "</tr></thead><tbody>\n" +
              rows + "</tbody></table></div>";
        var html = $$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Alert history · Bellwether</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="/assets/app.css">
            </head>
            <body data-page="alerts">
            <a class="skip" href="#main">Skip to content</a>
            <header>
            <span class="brand">Bellwether</span>
            <nav aria-label="Pages"><a href="/">Board</a><a href="/alerts" aria-current="page">Alert history</a></nav>
            </header>
            <main id="main" tabindex="-1">
            <h1>Alert history <small>{{E(thesis)}}</small></h1>
            {{body}}
            </main>
            </body>
            </html>
            """;
        return Results.Text(html, "text/html; charset=utf-8", Encoding.UTF8);
    }
}
