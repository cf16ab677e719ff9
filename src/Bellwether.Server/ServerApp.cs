using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Signals;
using Bellwether.Data.Thesis;
using DuckDB.NET.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bellwether.Server;

/// <summary>The <c>bellwether serve</c> application: pages, the read-only JSON API and the event stream.</summary>
public static class ServerApp
{
    /// <summary>
    /// The content-security policy: everything from this server, nothing from anywhere else, no inline script. The one
    /// inline style allowed is an empty &lt;style&gt; element (the hash of ""): plotly.js adds one and fills it through
    /// the CSS object model.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' " +
        "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; " +
        "img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Builds the server. <paramref name="settings"/> from the CLI, or null to read them from configuration
    /// (<see cref="ServeSettings.From"/>).
    /// </summary>
    /// <exception cref="ServeRefusedException">Exposed without a token, a bad address, or a thesis that does not
    /// load.</exception>
    public static WebApplication Create(string[] args, ServeSettings? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory
        });
        if (settings is not null)
        {
            Exposure.Check(settings);
            builder.WebHost.UseUrls([.. settings.Urls]);
        }
        var kinds = Concepts.Signals;
        // Without settings given they come from configuration, read when the app is built (tests configure it then).
        builder.Services.AddSingleton(s => settings
            ?? Checked(ServeSettings.From(s.GetRequiredService<IConfiguration>())));
        builder.Services.AddSingleton(s => LoadThesis(s.GetRequiredService<ServeSettings>(), kinds));
        builder.Services.AddSingleton(s =>
            LoadClaims(s.GetRequiredService<ServeSettings>(), s.GetRequiredService<ThesisDefinition>()));
        // Loopback only: answer only to loopback names, so a web page elsewhere cannot reach it by DNS rebinding.
        builder.Services.AddOptions<HostFilteringOptions>().Configure<ServeSettings>((options, served) =>
        {
            if (Exposure.LoopbackOnly(served)) options.AllowedHosts = Exposure.LoopbackHosts;
        });
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(kinds);
        builder.Services.AddSingleton<StoreGate>();
        builder.Services.AddSingleton<DocumentCache>();
        builder.Services.AddSingleton<StoreEvents>();
        builder.Services.AddSingleton<Documents>();
        builder.Services.AddSingleton<StoreWatcher>();
        builder.Services.AddHostedService(s => s.GetRequiredService<StoreWatcher>());
        builder.Services.AddSingleton<AlertScheduler>();
        builder.Services.AddHostedService(s => s.GetRequiredService<AlertScheduler>());
        builder.Services.AddOpenApi();

        var app = builder.Build();
        // A bad thesis or an exposed address without a token stops here, before anything listens.
        var served = app.Services.GetRequiredService<ServeSettings>();
        AlertScheduler.Check(served, app.Services.GetRequiredService<ThesisDefinition>(), kinds);
        app.Services.GetRequiredService<ServedClaims>();
        app.Use(SecurityHeaders);
        var access = served.Token is { } token ? new Access(token) : null;
        app.Use((context, next) => ReadOnly(context, next, signIn: access is not null));
        if (access is not null)
        {
            app.Use(access.Check);
            access.Map(app);
        }
        Endpoints.Map(app);
        AlertPages.Map(app);
        app.MapOpenApi();
        return app;
    }

    private static ServeSettings Checked(ServeSettings settings)
    {
        Exposure.Check(settings);
        return settings;
    }

    private static ThesisDefinition LoadThesis(ServeSettings settings, SignalKinds kinds)
    {
        try
        {
            return settings.ThesisFile is null ? ThesisFile.LoadDefault(kinds)
                : ThesisFile.Load(settings.ThesisFile, kinds);
        }
        catch (Exception e) when (e is DefinitionFileException or IOException or UnauthorizedAccessException)
        {
            throw new ServeRefusedException(e.Message);
        }
    }

    private static ServedClaims LoadClaims(ServeSettings settings, ThesisDefinition thesis)
    {
        try
        {
            return Api.ClaimsCheck.Load(settings.ClaimsFile, thesis, settings.ThesisFile) is { } claims
                ? new ServedClaims(claims.File, claims.Set)
                : new ServedClaims(null, null);
        }
        catch (Exception e) when (e is DefinitionFileException or IOException or UnauthorizedAccessException)
        {
            throw new ServeRefusedException(e.Message);
        }
    }

    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        return next();
    }

    /// <summary>
    /// Only GET and HEAD: nothing a request sends can change the store or the server. With a token, the sign-in and
    /// sign-out forms are posted too (they set or clear a cookie, nothing else).
    /// </summary>
    private static Task ReadOnly(HttpContext context, Func<Task> next, bool signIn)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)) return next();
        if (signIn && HttpMethods.IsPost(context.Request.Method)
            && (context.Request.Path == Access.SignInPath || context.Request.Path == Access.SignOutPath)) return next();
        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = "GET, HEAD";
        return Task.CompletedTask;
    }

    /// <summary>Parses an optional yyyy-MM-dd query value.</summary>
    internal static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var d)) return false;
        date = d;
        return true;
    }

    /// <summary>Sends a document; a store that is missing or stays busy, or a thesis's grain that cannot answer now
    /// (<c>serve --cluster</c>), is a 503 that says why.</summary>
    internal static async Task<IResult> Send(Func<Task<ApiDocument>> produce)
    {
        ApiDocument document;
        try
        {
            document = await produce();
        }
        catch (Api.QueryException e)
        {
            document = ApiDocument.Error(400, e.Message);
        }
        catch (FileNotFoundException e)
        {
            document = ApiDocument.Error(503, e.Message);
        }
        catch (DuckDBException e)
        {
            document = ApiDocument.Error(503, $"store: {e.Message}");
        }
        catch (BoardsUnavailableException e)
        {
            document = ApiDocument.Error(503, e.Message);
        }
        return Results.Text(document.Body, document.ContentType, Encoding.UTF8, document.Status);
    }
}
