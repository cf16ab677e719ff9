using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Bellwether.Api;
using Bellwether.Core.Board;
using Bellwether.Report;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Bellwether.Server;

/// <summary>
/// The pages: each is a shell that /assets/app.js fills from the JSON API and refreshes on every store event. Nothing
/// is loaded from elsewhere (plotly.js is the report's embedded copy).
/// </summary>
internal static class Pages
{
    /// <summary>The pages in the menu: path, menu name, the page's kind for app.js.</summary>
    private static readonly (string Path, string Name, string Kind)[] Menu =
    [
        ("/", "Board", "board"), ("/history", "Readiness history", "history"),
            ($"/{AltseasonQuery.Name}", "Altcoin Season", AltseasonQuery.Name),
        ("/check", "Claim check", "check"), ("/macro", "Macro", "macro"), ("/flows", "ETF flows", "flows"),
        ("/data", "Data status", "data"),
    ];

    private static readonly Dictionary<string, Asset> Assets = LoadAssets();

    public static void Map(WebApplication app)
    {
        foreach (var (path, name, kind) in Menu)
            app.MapGet(path, (ThesisDefinition thesis) => Html(Shell(kind, name, thesis.Name, path)))
                .ExcludeFromDescription();
        app.MapGet("/signal/{id}", (string id, ThesisDefinition thesis) =>
            thesis.Signals.FirstOrDefault(s => s.Id == id) is { } signal
                ? Html(Shell("signal", signal.Title, thesis.Name, "", signal.Id))
                : Results.NotFound()).ExcludeFromDescription();
        app.MapGet("/assets/{name}", (string name, HttpContext context) =>
        {
            if (!Assets.TryGetValue(name, out var asset)) return Results.NotFound();
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers.ETag = asset.ETag;
            if (context.Request.Headers.IfNoneMatch == asset.ETag) return Results.StatusCode(
                StatusCodes.Status304NotModified);
            return Results.Bytes(asset.Bytes, asset.ContentType);
        }).ExcludeFromDescription();
    }

    private static IResult Html(string html) => Results.Text(html, "text/html; charset=utf-8", Encoding.UTF8);

    /// <summary>The page around the content app.js draws; every text from data is set as text by the script.</summary>
    private static string Shell(string kind, string heading, string thesisName, string current, string? signal = null)
    {
        var menu = string.Concat(Menu.Select(m =>
            $"<a href=\"{m.Path}\"{(m.Path == current ? " aria-current=\"page\"" : "")}>" +
            $"{WebUtility.HtmlEncode(m.Name)}</a>"));
        return $$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{WebUtility.HtmlEncode(heading)}} · Bellwether</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="/assets/app.css">
            <script src="/assets/plotly.min.js" defer></script>
            <script src="/assets/app.js" defer></script>
            </head>
            <body data-page="{{kind}}"{{(signal is null ? "" : $" data-signal=\"{WebUtility.HtmlEncode(signal)}\"")}}>
            <a class="skip" href="#main">Skip to content</a>
            <header>
            <span class="brand">Bellwether</span>
            <nav aria-label="Pages">{{menu}}</nav>
            <span id="live" role="status" aria-live="polite">connecting…</span>
            </header>
            <main id="main" tabindex="-1">
            <h1>{{WebUtility.HtmlEncode(heading)}} <small>{{WebUtility.HtmlEncode(thesisName)}}</small></h1>
            <div id="content" aria-busy="true"><p>Loading…</p></div>
            </main>
            </body>
            </html>
            """;
    }

    private sealed record Asset(byte[] Bytes, string ContentType, string ETag);

    private static Dictionary<string, Asset> LoadAssets()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("assets/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Add(assets, resource["assets/".Length..], copy.ToArray());
        }
        Add(assets, "plotly.min.js", Encoding.UTF8.GetBytes(PlotlyJs.Script));
        return assets;
    }

    private static void Add(Dictionary<string, Asset> assets, string name, byte[] bytes)
    {
        var type = Path.GetExtension(name) switch
        {
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            _ => "application/octet-stream",
        };
        assets[name] = new Asset(bytes, type, $"\"{Convert.ToHexString(SHA256.HashData(bytes))[..16]}\"");
    }
}
