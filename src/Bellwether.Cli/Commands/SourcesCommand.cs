using System.CommandLine;
using Bellwether.Data.Sources;
using Bellwether.Data.Store;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary><c>bellwether sources</c>: each source, its instruments, their last update and last error. Keys are never
/// shown.</summary>
internal static class SourcesCommand
{
    public static Command Create()
    {
        var command = new Command("sources",
            "List the public sources, their instruments, last successful update and last " +
            "error") { FetchCommand.Config };
        command.SetAction(parse =>
        {
            var configuration = FetchCommand.LoadConfiguration(parse);
            var path = BellwetherStore.ResolvePath(parse.GetValue(Cli.Store));
            var updates = new Dictionary<(string, string), SourceUpdate>();
            if (File.Exists(path))
            {
                using var store = StoreAccess.OpenForRead(parse);
                foreach (var u in store.SourceUpdates()) updates[(u.Source, u.Instrument)] = u;
            }
            var sources = configuration.Sources.Select(s => new
            {
                name = s.Name,
                enabled = s.Enabled,
                base_address = s.BaseAddress.ToString(),
                key_configured = configuration.KeyOf(s.Name) is not null,
                key_variable = s.ApiKeyVariable,
                requests_per_minute = s.RequestsPerMinute,
                instruments = s.Instruments.Select(i => updates.GetValueOrDefault((s.Name, i.Id)) is var u ? new
                {
                    id = i.Id, symbol = i.Symbol, last_success = u?.LastSuccess, last_date = u?.LastDate,
                    last_attempt = u?.LastAttempt,
                    last_error = u?.LastError, last_error_at = u?.LastErrorAt,
                } : null).ToList(),
            }).ToList();
            if (parse.GetValue(Cli.Json))
            {
                Output.WriteJson(parse, new { config = configuration.Path, store = path, sources });
                return Cli.Ok;
            }
            var console = Output.Console(parse);
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumns("source", "key", "instrument", "symbol", "last success", "last date", "last error");
            foreach (var s in sources)
            {
                var key = s.key_variable is null ? "-" : s.key_configured ? "set" : $"[grey]none ({s.key_variable})[/]";
                var name = s.enabled ? s.name : $"{s.name} [grey](disabled)[/]";
                if (s.instruments.Count == 0) table.AddRow(name, key, "[grey](none configured)[/]", "", "", "", "");
                foreach (var i in s.instruments)
                {
                    var error = i!.last_error is null ? "" : $"[red]{Markup.Escape(Shorten(i.last_error))}[/]";
                    table.AddRow(name, key, Markup.Escape(i.id), Markup.Escape(i.symbol),
                        $"{i.last_success:yyyy-MM-dd HH:mm}", $"{i.last_date:yyyy-MM-dd}", error);
                }
            }
            console.Write(table);
            console.MarkupLine(
                $"{sources.Count} sources, {sources.Sum(s => s.instruments.Count)} instruments; configuration: " +
                $"{Markup.Escape(configuration.Path ?? "defaults")}. 'bellwether fetch' updates them.");
            return Cli.Ok;
        });
        return command;
    }

    private static string Shorten(string s) => s.Length > 60 ? s[..59] + "…" : s;
}
