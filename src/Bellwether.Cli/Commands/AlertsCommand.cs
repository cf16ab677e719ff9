using System.CommandLine;
using System.Text.Json;
using Bellwether.Api;
using Bellwether.Cluster;
using Bellwether.Core.Alerts;
using Bellwether.Core.Measurements;
using Bellwether.Data.Alerts;
using Bellwether.Data.Store;
using Bellwether.Data.Thesis;

namespace Bellwether.Cli.Commands;

/// <summary>
/// <c>bellwether alerts test|run|dead-letter</c>: replay a rules file over a period, keep its alerts current and
/// deliver them, and look at or replay what could not be delivered (docs/alerts.md).
/// </summary>
internal static class AlertsCommand
{
    public static Command Create()
    {
        var command = new Command("alerts",
            "Alert rules: replay a period, evaluate the days missed and deliver, dead letters (docs/alerts.md)");
        command.Subcommands.Add(Test());
        command.Subcommands.Add(RunCommand());
        command.Subcommands.Add(DeadLetters());
        return command;
    }

    private static readonly Option<string?> Thesis =
        new("--thesis") { Description = "Thesis file (default: the shipped thesis)" };

    private static Argument<string> Rules() => new("RULES") { Description = "Alert rules file (YAML, docs/alerts.md)" };

    private static Command Test()
    {
        var rules = Rules();
        var from =
            new Option<string?>("--from") { Description = "First day (yyyy-MM-dd; default: 90 days before --to)" };
        var to =
            new Option<string?>("--to")
            {
                Description =
                "Last day (default: the thesis's latest date with current data)"
            };
        var command = new Command("test",
            "Replay a period day by day and print what would have fired, and when (nothing is stored or sent)")
        {
            rules, from, to, Thesis,
        };
        command.SetAction(parse =>
        {
            var (thesis, file) = Load(parse, rules);
            using var store = StoreAccess.OpenForRead(parse);
            var data = StoreAccess.MarketData(parse, store);
            var last = StoreAccess.Date(parse, to) ?? ThesisDates.Latest(store, data, thesis, Concepts.Signals).Date;
            var first = StoreAccess.Date(parse, from) ?? last.AddDays(-90);
            if (first > last) throw new UsageException("--from is after --to");
            // The day before the period is a warm-up: it sets states so that a change on the first day is seen.
            var engine = new AlertEngine(file.Rules);
            var events = new List<AlertEvent>();
            foreach (var board in AlertReplay.Boards(thesis, data, first.AddDays(-1), last, Concepts.Signals))
                events.AddRange(engine.Step(board, notify: board.AsOf >= first).Select(AlertJson.Event));
            if (parse.GetValue(Cli.Json))
            {
                using var buffer = new MemoryStream();
                using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
                {
                    w.WriteStartObject();
                    w.WriteString("thesis", thesis.Name);
                    w.WriteString("from",
                        first.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    w.WriteString("to", last.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    w.WriteStartArray("notifications");
                    foreach (var e in events) AlertJson.Write(w, e, thesis.Name);
                    w.WriteEndArray();
                    w.WriteStartArray("firing_at_end");
                    foreach (var m in engine.Firing) w.WriteStringValue(m.Rule
                        + (m.Labels.TryGetValue("signal", out var s) ? $" [{s}]" : ""));
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                parse.InvocationConfiguration.Output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                return Cli.Ok;
            }
            // Through the console, so that a line wraps between words at the terminal's width.
            var console = Output.Console(parse);
            void Line(string text) => console.Sentence(text);
            Line($"{file.Rules.Rules.Count} rules on '{thesis.Name}', {first:yyyy-MM-dd} to {last:yyyy-MM-dd}: " +
                 $"{events.Count(e => !e.Silenced)} notifications, {events.Count(e => e.Silenced)} silenced");
            foreach (var e in events) Line(AlertJson.Line(e));
            var firing = engine.Firing;
            Line(firing.Count == 0 ? "Nothing firing at the end."
                : "Firing at the end: " + string.Join(", ",
                    firing.Select(m => m.Rule + (m.Labels.TryGetValue("signal", out var s) ? $" [{s}]" : ""))));
            return Cli.Ok;
        });
        return command;
    }

    private static Command RunCommand()
    {
        var rules = Rules();
        var through =
            new Option<string?>("--through") { Description = "Evaluate up to this day (default: yesterday, UTC)" };
        var since =
            new Option<string?>("--since")
            {
                Description =
                "First day of a rules file never run before (default: --through)"
            };
        var cluster = ClusterArguments.Connection(required: false);
        var command = new Command("run",
            "Evaluate the days since the last run (point in time), record them in the store and deliver what is due")
        {
            rules, through, since, Thesis, cluster,
        };
        command.SetAction(parse =>
        {
            var (thesis, file) = Load(parse, rules);
            var storePath = StoreAccess.StorePath(parse);
            var clock = TimeProvider.System;
            var last = StoreAccess.Date(parse, through) ?? AlertWatch.LastCompleteDay(clock.GetUtcNow());
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            AlertDeliverer deliverer;
            try
            {
                deliverer = Deliverer(storePath, file, thesis.Name, clock, http);
            }
            catch (AlertReceiverException e)
            {
                throw new UsageException(e.Message);
            }
            var output = parse.InvocationConfiguration.Output;
            var (name, releaseLags) = (WatchName(parse, rules), !parse.GetValue(Cli.IgnoreReleaseLags));
            DeliveryRound round;
            if (parse.GetValue(cluster) is { } redis)
            {
                // The thesis's grain evaluates the rules; this process records, delivers, then acknowledges.
                using var host = ClusterArguments.Client(redis);
                DeliveryRound? delivered = null;
                var recorded = ClusterArguments.Alerts(host, parse.GetValue(Thesis), clock)
                    .CatchUpAndDeliver(storePath, thesis, file, name, releaseLags, last, StoreAccess.Date(parse, since),
                        async () => delivered = await deliverer.DeliverDueAsync(), CancellationToken.None)
                    .GetAwaiter().GetResult();
                foreach (var e in recorded) output.WriteLine(AlertJson.Line(e));
                round = delivered!;
            }
            else
            {
                var watch = new AlertWatch(storePath, thesis, Concepts.Signals, file, name, releaseLags, clock);
                foreach (var e in watch.CatchUp(last, StoreAccess.Date(parse, since)))
                    output.WriteLine(AlertJson.Line(e));
                round = deliverer.DeliverDueAsync().GetAwaiter().GetResult();
            }
            output.WriteLine(
                $"Delivered {round.Delivered}; {round.Retrying} to retry later; {round.Dead} dead letters " +
                $"(bellwether alerts dead-letter list).");
            return round.Retrying + round.Dead > 0 ? Cli.RuntimeError : Cli.Ok;
        });
        return command;
    }

    private static Command DeadLetters()
    {
        var command = new Command("dead-letter", "Notifications given up on: list them, or queue them again");
        var list = new Command("list", "List the dead letters");
        list.SetAction(parse =>
        {
            using var store = StoreAccess.OpenForRead(parse);
            var dead = store.AlertDeliveries(DeliveryState.Dead);
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"{dead.Count} dead letters");
            foreach (var d in dead)
                output.WriteLine(
                    $"{d.Key} {d.Channel} after {d.Attempts} attempts ({d.LastError}): {AlertJson.Line(d.Event)}");
            return Cli.Ok;
        });
        var key = new Option<string?>("--key") { Description = "Only the dead letters whose key starts with this" };
        var replay = new Command("replay",
            "Queue dead letters again; the next 'alerts run' or 'serve --schedule' delivers them") { key };
        replay.SetAction(parse =>
        {
            using var store = StoreAccess.OpenForWrite(parse);
            int n = store.ReplayDeadLetters(parse.GetValue(key), TimeProvider.System.GetUtcNow());
            parse.InvocationConfiguration.Output.WriteLine($"{n} dead letters queued again.");
            return Cli.Ok;
        });
        command.Subcommands.Add(list);
        command.Subcommands.Add(replay);
        return command;
    }

    /// <summary>The deliverer of a rules file: its log (default <c>alerts.jsonl</c> beside the store) and
    /// webhooks.</summary>
    /// <exception cref="AlertReceiverException">A webhook's secret variable is not set.</exception>
    public static AlertDeliverer Deliverer(string storePath, AlertFile file, string thesis, TimeProvider clock,
        HttpClient http) =>
        new(storePath, file.Receivers, AlertLog.PathFor(file.Receivers, storePath), thesis, clock, http,
            Environment.GetEnvironmentVariable);

    private static string WatchName(ParseResult parse, Argument<string> rules) =>
        Path.GetFullPath(parse.GetValue(rules)!);

    private static (Core.Board.ThesisDefinition, AlertFile) Load(ParseResult parse, Argument<string> rules)
    {
        var (thesis, _) = StudyInputs.LoadThesis(parse, Thesis);
        try
        {
            return (thesis, AlertRulesFile.LoadFor(parse.GetValue(rules)!, thesis, Concepts.Signals));
        }
        catch (DefinitionFileException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
