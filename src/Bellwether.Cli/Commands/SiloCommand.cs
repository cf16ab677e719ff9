using System.CommandLine;
using System.Net;
using Bellwether.Cluster;
using Bellwether.Core.Board;
using Bellwether.Data.Thesis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bellwether.Cli.Commands;

/// <summary>
/// <c>bellwether silo --cluster REDIS</c>: one silo of the Orleans cluster that holds the screen's grains, until
/// Ctrl+C or SIGTERM (docs/scale.md).
/// </summary>
internal static class SiloCommand
{
    public static Command Create()
    {
        var cluster = ClusterArguments.Connection(required: true);
        var port = new Option<int>("--port")
        {
            Description = "Silo-to-silo port", DefaultValueFactory = _ =>
            11111
        }.Between(1, 65535);
        var gateway = new Option<int>("--gateway-port")
        {
            Description = "Port clients connect to",
            DefaultValueFactory = _ => 30000
        }
            .Between(1, 65535);
        var advertise = new Option<string>("--advertise")
        {
            Description = "The address other silos and clients reach this one at", DefaultValueFactory = _ =>
                "127.0.0.1",
        };
        var command = new Command("silo",
            "Run one silo of the Orleans cluster that holds the screen's grains (Redis: membership, directory, state)")
        {
            cluster, port, gateway, advertise,
        };
        command.SetAction(parse =>
        {
            if (!IPAddress.TryParse(parse.GetValue(advertise), out var address))
                throw new UsageException($"--advertise: {parse.GetValue(advertise)} is not an IP address");
            var endpoint = new SiloEndpoint(address, parse.GetValue(port), parse.GetValue(gateway));
            var redis = parse.GetValue(cluster)!;
            RedisReach.Ensure(redis).GetAwaiter().GetResult();
            var builder = Host.CreateApplicationBuilder([]);
            builder.UseOrleans(silo => silo.UseBellwetherCluster(redis, endpoint));
            // Warnings and errors on stderr; stdout says only that the silo runs.
            builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning)
                .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            using var host = builder.Build();
            ClusterHosting.Start(host, redis).GetAwaiter().GetResult();
            parse.InvocationConfiguration.Output.WriteLine(
                $"Silo {address}:{endpoint.SiloPort} (gateway {endpoint.GatewayPort}) in cluster " +
                $"{ClusterHosting.ClusterId}; Ctrl+C stops");
            host.WaitForShutdown();
            return Cli.Ok;
        });
        return command;
    }
}

/// <summary>Options shared by the commands that can run on the cluster.</summary>
internal static class ClusterArguments
{
    public static Option<string?> Connection(bool required) => new("--cluster")
    {
        Description = "Redis connection string of the Orleans cluster (e.g. 127.0.0.1:6379); " +
                      (required ? "the silo joins it" : "without it everything runs in this process"),
        Required = required,
    };

    /// <summary>A connected client of the cluster in <paramref name="redis"/>, stopped when disposed.</summary>
    /// <exception cref="InvalidOperationException">Redis or every silo of the cluster unreachable.</exception>
    public static IHost Client(string redis) => ClusterHosting.Connect(redis).GetAwaiter().GetResult();

    /// <summary>The boards of the thesis in <paramref name="file"/> (null: the shipped one) answered by its grain on
    /// the cluster of <paramref name="client"/>.</summary>
    public static ThesisGrainBoards Boards(IHost client, string? file)
    {
        var (text, named) = Text(file);
        return new ThesisGrainBoards(Grains(client), text, named);
    }

    /// <summary>The alerts of the thesis in <paramref name="file"/> (null: the shipped one) evaluated by its grain on
    /// the cluster of <paramref name="client"/>.</summary>
    public static ThesisGrainAlerts Alerts(IHost client, string? file, TimeProvider clock)
    {
        var (text, named) = Text(file);
        return new ThesisGrainAlerts(Grains(client), text, named, clock);
    }

    public static IClusterClient Grains(IHost client) => client.Services.GetRequiredService<IClusterClient>();

    /// <summary>The thesis file's text and the name it is known by in documents.</summary>
    public static (string Text, string Named) Text(string? file) => file is null
        ? (ThesisFile.Shipped(ThesisFile.DefaultName), $"theses/{ThesisFile.DefaultName} (built in)")
        : (File.ReadAllText(file), file);
}
