using System.CommandLine;
using Bellwether.Cluster;
using Bellwether.Server;

namespace Bellwether.Cli.Commands;

/// <summary>
/// <c>bellwether serve [--port N | --urls URLS] [--thesis FILE] [--claims FILE]</c>: the live dashboard and the
/// read-only JSON API on the store, until Ctrl+C (docs/serve.md).
/// </summary>
internal static class ServeCommand
{
    /// <summary>What <c>serve --cluster</c> has the thesis's grain answer.</summary>
    private const string FromTheGrain =
        "the thesis's board, comparisons, what-if and readiness history are answered by its grain";

    public static Command Create()
    {
        var port = new Option<int?>("--port") { Description = "Listen on http://127.0.0.1:PORT (default 5080)" };
        var urls = new Option<string?>("--urls")
        {
            Description = "Addresses to listen on, ';'-separated (default http://127.0.0.1:5080); an address other " +
                          $"machines can reach needs a bearer token in {ServeSettings.TokenVariable}",
        };
        var thesis =
            new Option<string?>("--thesis")
            {
                Description =
                "Thesis file (YAML, see docs/thesis.md; default: the shipped thesis)"
            };
        var claims = new Option<string?>("--claims")
        {
            Description = "Claims file of the claim check page and /api/check (default: the one the thesis declares)",
        };
        var schedule = new Option<bool>("--schedule")
        {
            Description =
                "Fetch each source at its cron time (the fetch configuration's 'schedule'; default 00:30 UTC daily), " +
                          "then evaluate --alerts; on start, fetch and catch up the days missed (docs/serve.md)",
        };
        var alerts =
            new Option<string?>("--alerts")
            {
                Description =
                "Alert rules file to evaluate and deliver (docs/alerts.md)"
            };
        var cluster = ClusterArguments.Connection(required: false);
        cluster.Description = "Redis connection string of the Orleans cluster (e.g. 127.0.0.1:6379): " +
            $"{FromTheGrain}; every other page reads the store";
        var command = new Command("serve",
            "Serve the board, readiness history and the JSON API on a web page that updates live as the store changes")
        {
            port, urls, thesis, claims, schedule, alerts, FetchCommand.Config, cluster,
        };
        command.SetAction(parse =>
        {
            var portNumber = parse.GetValue(port);
            var given = parse.GetValue(urls);
            if (portNumber is not null
                && given is not null) throw new UsageException("give --port or --urls, not both");
            if (portNumber is < 1
                or > 65535) throw new UsageException($"--port: {portNumber} is not a port (1 to 65535)");
            using var host = parse.GetValue(cluster) is { } redis ? ClusterArguments.Client(redis) : null;
            var settings = new ServeSettings
            {
                Boards = host is null ? null : ClusterArguments.Boards(host, parse.GetValue(thesis)),
                Alerts = host is null ? null
                    : ClusterArguments.Alerts(host, parse.GetValue(thesis), TimeProvider.System),
                StorePath = StoreAccess.StorePath(parse),
                ThesisFile = parse.GetValue(thesis),
                ClaimsFile = parse.GetValue(claims),
                ReleaseLags = !parse.GetValue(Cli.IgnoreReleaseLags),
                Schedule = parse.GetValue(schedule),
                AlertRules = parse.GetValue(alerts),
                FetchConfig = parse.GetValue(FetchCommand.Config),
                Urls = portNumber is { } p ? [$"http://127.0.0.1:{p}"]
                    : given is not null
                    ? given.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : [ServeSettings.DefaultUrl],
                Token = Environment.GetEnvironmentVariable(ServeSettings.TokenVariable) is { Length: > 0 } token ? token
                    : null,
            };
            Microsoft.AspNetCore.Builder.WebApplication app;
            try
            {
                app = ServerApp.Create([], settings);
            }
            catch (ServeRefusedException e)
            {
                throw new UsageException($"serve: {e.Message}");
            }
            parse.InvocationConfiguration.Output.WriteLine(
                $"Serving {settings.StorePath} on {string.Join(", ", settings.Urls)} (Ctrl+C stops; docs/serve.md)");
            if (parse.GetValue(cluster) is { } shown)
                parse.InvocationConfiguration.Output.WriteLine(
                    $"From the cluster at {RedisReach.Shown(shown)}: {FromTheGrain}; every other page and document " +
                    "is read from the store in this process" +
                    (settings.AlertRules is null ? "" : "; the grain evaluates the --alerts rules, this process " +
                        "delivers them") + " (docs/scale.md)");
            using (app) app.Run();
            return Cli.Ok;
        });
        return command;
    }
}
