using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bellwether.Server;

/// <summary>
/// Who may use a server that has a token: a request with <c>Authorization: Bearer TOKEN</c>, or a browser signed in
/// on <c>/sign-in</c>. A browser cannot add a header to page loads or to an event stream, so signing in sets an
/// HttpOnly, SameSite=Strict cookie; it holds a value derived from the token (an HMAC), never the token, and the
/// token itself only ever travels in the sign-in form's body.
/// </summary>
internal sealed class Access
{
    public const string CookieName = "bellwether_session";
    public const string SignInPath = "/sign-in", SignOutPath = "/sign-out";

    private readonly byte[] _token;
    private readonly byte[] _session;

    public Access(string token)
    {
        _token = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        _session = Encoding.ASCII.GetBytes(Convert.ToHexString(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), "bellwether serve session 1"u8)));
    }

    /// <summary>True for the token, compared in constant time.</summary>
    public bool IsToken(string given) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given.Trim())), _token);

    /// <summary>
    /// Lets a request through with the bearer token or the session cookie; else 401, but a browser asking for a page is
    /// sent to the sign-in form (which brings it back to the page).
    /// </summary>
    public Task Check(HttpContext context, Func<Task> next)
    {
        var path = context.Request.Path;
        if (path == SignInPath || path == SignOutPath) return next();
        var header = context.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        bool bearer = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && IsToken(header[scheme.Length..]);
        bool cookie = context.Request.Cookies[CookieName] is { } value
                      && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(value), _session);
        if (bearer || cookie) return next();
        if (HttpMethods.IsGet(context.Request.Method) && context.Request.Headers.Accept.ToString()
            .Contains("text/html", StringComparison.Ordinal))
        {
            context.Response.Redirect(
                $"{SignInPath}?return={Uri.EscapeDataString(path + context.Request.QueryString)}");
            return Task.CompletedTask;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    /// <summary>The sign-in form and its answer; <c>/sign-out</c> forgets the cookie.</summary>
    public void Map(WebApplication app)
    {
        app.MapGet(SignInPath, (HttpContext context) => Form(context, context.Request.Query["return"].ToString(), null))
            .ExcludeFromDescription();
        app.MapPost(SignInPath, async (HttpContext context) =>
        {
            if (!SameOrigin(context)) return Results.StatusCode(StatusCodes.Status403Forbidden);
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            string back = Local(form["return"].ToString());
            if (!IsToken(form["token"].ToString()))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await Form(context, back, "That is not the token of this server.");
                return Results.Empty;
            }
            context.Response.Cookies.Append(CookieName, Encoding.ASCII.GetString(_session), new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps, Path = "/",
                IsEssential = true,
            });
            return Results.Redirect(back, permanent: false, preserveMethod: false);
        }).ExcludeFromDescription().DisableAntiforgery();
        app.MapPost(SignOutPath, (HttpContext context) =>
        {
            if (!SameOrigin(context)) return Results.StatusCode(StatusCodes.Status403Forbidden);
            context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
            return Results.Redirect(SignInPath);
        }).ExcludeFromDescription().DisableAntiforgery();
    }

    /// <summary>
    /// A form posted from another site is refused (the cookie is SameSite=Strict; this covers the sign-in itself). A
    /// browser says where a request comes from in Sec-Fetch-Site; with no-referrer pages its Origin is "null".
    /// </summary>
    private static bool SameOrigin(HttpContext context)
    {
        var site = context.Request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0) return site is "same-origin" or "none";
        var origin = context.Request.Headers.Origin.ToString();
        return origin.Length == 0 || origin == "null"
               || string.Equals(origin, $"{context.Request.Scheme}://{context.Request.Host}",
                   StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A path on this server to go back to; anything else (another site, //host) is the board.</summary>
    private static string Local(string path) =>
        path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal)
        && !path.StartsWith("/\\", StringComparison.Ordinal)
        && !path.StartsWith(SignInPath, StringComparison.Ordinal) ? path : "/";

    private static Task Form(HttpContext context, string back, string? problem)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync($$"""
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Sign in · Bellwether</title><link rel="icon" href="data:,"></head>
            <body>
            <main>
            <h1>Bellwether: sign in</h1>
            <p>This server needs its token (the value of BELLWETHER_TOKEN where it runs).</p>
            {{(problem is null ? "" : $"<p role=\"alert\" id=\"problem\">{WebUtility.HtmlEncode(problem)}</p>")}}
            <form method="post" action="{{SignInPath}}">
            <input type="hidden" name="return" value="{{WebUtility.HtmlEncode(Local(back))}}">
            <label>Token <input type="password" name="token" id="token" autocomplete="current-password" required
            autofocus></label>
            <button type="submit">Sign in</button>
            </form>
            </main>
            </body>
            </html>
            """);
    }
}
