using Bellwether.Core.Board;
using Bellwether.Data.Alerts;
using Bellwether.Data.Store;
using Microsoft.Extensions.Configuration;

namespace Bellwether.Server;

/// <summary>What <c>bellwether serve</c> serves, and where.</summary>
public sealed record ServeSettings
{
    /// <summary>Where the server listens unless told otherwise: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The environment variable holding the bearer token (never a command-line argument: others see
    /// those).</summary>
    public const string TokenVariable = "BELLWETHER_TOKEN";

    /// <summary>The store file.</summary>
    public required string StorePath { get; init; }

    /// <summary>The thesis file, or null for the shipped thesis.</summary>
    public string? ThesisFile { get; init; }

    /// <summary>The claims file the claim check reads, or null for the one the thesis declares.</summary>
    public string? ClaimsFile { get; init; }

    /// <summary>False with <c>--ignore-release-lags</c>.</summary>
    public bool ReleaseLags { get; init; } = true;

    /// <summary>The addresses to listen on.</summary>
    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    /// <summary>The alert rules file to evaluate and deliver (docs/alerts.md), or null.</summary>
    public string? AlertRules { get; init; }

    /// <summary>Fetch every source at its cron time (docs/serve.md, "Schedule").</summary>
    public bool Schedule { get; init; }

    /// <summary>The fetch configuration (sources, keys, schedule), or null for the default one.</summary>
    public string? FetchConfig { get; init; }

    /// <summary>The bearer token every request must carry; null: none needed (loopback only).</summary>
    public string? Token { get; init; }

    /// <summary>Where the thesis's board documents (board, CSV, comparisons, what-if, readiness history) are
    /// evaluated; null: in this process (<c>serve --cluster</c>: the thesis's grain).</summary>
    public IBoardEvaluator? Boards { get; init; }

    /// <summary>Where <see cref="AlertRules"/> are evaluated; null: in this process (<c>serve --alerts --cluster</c>:
    /// the thesis's grain). Delivery is this process's either way.</summary>
    public IAlertEvaluator? Alerts { get; init; }

    /// <summary>
    /// Settings from configuration, for a server started on its own: <c>Bellwether:Store</c>, <c>Bellwether:Thesis</c>,
    /// <c>Bellwether:Claims</c>, <c>Bellwether:IgnoreReleaseLags</c>, <c>urls</c> (semicolon-separated), and the token
    /// from
    /// <c>Bellwether:Token</c>, else <see cref="TokenVariable"/>.
    /// </summary>
    public static ServeSettings From(IConfiguration configuration) => new()
    {
        StorePath = BellwetherStore.ResolvePath(configuration["Bellwether:Store"]),
        ThesisFile = configuration["Bellwether:Thesis"],
        ClaimsFile = configuration["Bellwether:Claims"],
        ReleaseLags = !configuration.GetValue<bool>("Bellwether:IgnoreReleaseLags"),
        Urls = configuration["urls"] is { Length: > 0 } urls
            ? urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [DefaultUrl],
        AlertRules = NonEmpty(configuration["Bellwether:Alerts"]),
        Schedule = configuration.GetValue<bool>("Bellwether:Schedule"),
        FetchConfig = NonEmpty(configuration["Bellwether:FetchConfig"]),
        Token = NonEmpty(configuration["Bellwether:Token"])
            ?? NonEmpty(Environment.GetEnvironmentVariable(TokenVariable)),
    };

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
