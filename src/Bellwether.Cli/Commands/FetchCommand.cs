using System.CommandLine;
using System.Globalization;
using Bellwether.Data.Sources;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary>
/// <c>bellwether fetch [--source NAME...] [--since DATE]</c>: brings the store up to date from the public sources.
/// Exit code 1 when any instrument failed (the others are stored all the same).
/// </summary>
internal static class FetchCommand
{
    /// <summary>The configuration file option, shared with <c>bellwether sources</c>.</summary>
    public static readonly Option<string?> Config = new("--config")
    {
        Description =
            "Source configuration (JSON; default: $BELLWETHER_CONFIG, else ~/.config/bellwether/config.json if " +
            "present). See docs/fetch.md",
    };

    /// <param name="clock">The time "now" defaults to, and the one retry delays and timeouts wait on.</param>
    public static Command Create(TimeProvider clock)
    {
        var sources = new Option<string[]>("--source")
        {
            Description = "Only these sources (repeatable): "
                + string.Join(", ", SourceDefaults.All.Select(s => s.Name)),
            AllowMultipleArgumentsPerToken = true,
        };
        var since =
            new Option<string?>("--since")
            {
                Description =
                "Fetch from this date (yyyy-MM-dd) instead of the last stored date minus the overlap"
            };
        var skipBad =
            new Option<bool>("--skip-bad")
            {
                Description =
                "Skip bad rows a source sends (counted) instead of failing that instrument"
            };
        var now =
            new Option<string?>("--now")
            {
                Description =
                "Take this UTC instant (yyyy-MM-ddTHH:mm:ssZ) as the current time, e.g. to reproduce a run; default: " +
                "the system clock"
            };
        var command = new Command("fetch",
            "Bring the store up to date from public sources (FRED, Binance, Yahoo, Stooq, CoinGecko, Farside)")
        {
            sources, since, skipBad, now, Config,
        };
        command.SetAction(parse => Run(parse, parse.GetValue(sources), StoreAccess.Date(parse, since),
            parse.GetValue(skipBad), Now(parse, now, clock), clock));
        return command;
    }

    private static DateTimeOffset Now(ParseResult parse, Option<string?> option, TimeProvider clock)
    {
        var text = parse.GetValue(option);
        if (text is null) return clock.GetUtcNow();
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t : throw new UsageException($"--now: '{text}' is not a time (expected e.g. 2025-12-31T22:00:00Z)");
    }

    private static int Run(ParseResult parse, string[]? sourceNames, DateOnly? since, bool skipBad, DateTimeOffset now,
        TimeProvider clock)
    {
        var configuration = LoadConfiguration(parse);
        using var store = StoreAccess.OpenForWrite(parse);
        var fetcher = new Fetcher(store, configuration, clock);
        IReadOnlyList<SourceSettings> selected;
        try
        {
            selected = fetcher.Select(sourceNames);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
        var request = new FetchRequest(now, sourceNames is { Length: > 0 } ? sourceNames : null, since, skipBad);
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // Finish the import in progress, start no more: the store stays consistent.
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        FetchReport report;
        try
        {
            report = Output.CanShowProgress(parse) ? WithProgress(fetcher, selected, request, cancel.Token)
                : fetcher.RunAsync(request, null, cancel.Token).GetAwaiter().GetResult();
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
        var problems = Problems(report);
        if (parse.GetValue(Cli.Json))
        {
            // stdout carries only JSON; the problems go to stderr as well, one line each.
            foreach (var line in problems) parse.InvocationConfiguration.Error.WriteLine($"fetch: {line}");
        }
        if (parse.GetValue(Cli.Json)) Output.WriteJson(parse, Json(store.Path, configuration, now, report));
        else Print(Output.Console(parse), report, problems);
        return report.AnyFailed ? Cli.RuntimeError : Cli.Ok;
    }

    public static FetchConfiguration LoadConfiguration(ParseResult parse) =>
        FetchConfiguration.Load(FetchConfiguration.ResolvePath(parse.GetValue(Config),
            Environment.GetEnvironmentVariable), Environment.GetEnvironmentVariable);

    private static FetchReport WithProgress(Fetcher fetcher, IReadOnlyList<SourceSettings> selected,
        FetchRequest request, CancellationToken ct)
    {
        FetchReport? report = null;
        AnsiConsole.Progress().AutoClear(true).Start(ctx =>
        {
            var tasks = selected.ToDictionary(s => s.Name, s =>
                ctx.AddTask(s.Name, maxValue: Math.Max(1, s.Instruments.Count)));
            report = fetcher.RunAsync(request, o =>
            {
                var task = tasks[o.Source];
                task.Increment(1);
                task.Description = $"{o.Source}: {o.Instrument} {o.Status.ToString().ToLowerInvariant()}";
            }, ct).GetAwaiter().GetResult();
        });
        return report!;
    }

    private static object Json(string storePath, FetchConfiguration configuration, DateTimeOffset now,
        FetchReport report) => new
        {
            store = storePath,
            config = configuration.Path,
            now,
            cancelled = report.Cancelled,
            inserted = report.Inserted,
            updated = report.Updated,
            failed = report.Outcomes.Count(o => o.Status == FetchStatus.Failed),
            sources = report.Outcomes.GroupBy(o => o.Source).Select(g => new
            {
                name = g.Key,
                updated = g.Count(o => o.Status == FetchStatus.Updated),
                unchanged = g.Count(o => o.Status == FetchStatus.Unchanged),
                failed = g.Count(o => o.Status == FetchStatus.Failed),
                skipped = g.Count(o => o.Status == FetchStatus.Skipped),
            }),
            outcomes = report.Outcomes.Select(o => new
            {
                o.Source, o.Instrument, o.Symbol, status = o.Status, o.From, o.LastDate, o.Rows, o.Inserted, o.Updated,
                skipped_rows = o.Skipped, o.Notes, o.Error, failure = o.Failure,
            }),
        };

    /// <summary>One line per distinct failure of a source, naming its instruments, plus the offline hint when it
    /// applies.</summary>
    private static List<string> Problems(FetchReport report)
    {
        var lines = report.Outcomes.Where(o => o.Status == FetchStatus.Failed)
            .GroupBy(o => (o.Source, o.Error))
            .Select(g => $"{string.Join(", ", g.Select(o => o.Instrument))} failed: {g.Key.Error}")
            .ToList();
        foreach (var g in report.Outcomes.Where(o => o.Status == FetchStatus.Skipped).GroupBy(o => o.Source))
            lines.Add($"{g.Key}: {string.Join(", ", g.Select(o => o.Instrument))} {g.First().Error}");
        if (report.Outcomes.Any(o => o.Failure is SourceFailure.Unreachable or SourceFailure.Blocked))
            lines.Add(
                "offline or blocked? 'bellwether import <folder>' of saved files keeps the store current without the " +
                "network (docs/fetch.md)");
        return lines;
    }

    private static void Print(IAnsiConsole console, FetchReport report, List<string> problems)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("source", "instrument", "status", "last date", "new", "revised");
        foreach (var o in report.Outcomes)
        {
            var status = o.Status switch
            {
                FetchStatus.Updated => "[green]updated[/]",
                FetchStatus.Unchanged => "unchanged",
                FetchStatus.Failed => "[red]failed[/]",
                _ => "[yellow]skipped[/]",
            };
            table.AddRow(o.Source, Markup.Escape(o.Instrument), status, $"{o.LastDate:yyyy-MM-dd}",
                o.Inserted.ToString("#,0"), o.Updated.ToString("#,0"));
        }
        console.Write(table);
        foreach (var note in report.Outcomes.SelectMany(o => o.Notes)
            .Take(40)) console.MarkupLine($"[grey]note: {Markup.Escape(note)}[/]");
        foreach (var line in problems) console.MarkupLine($"[red]{Markup.Escape(line)}[/]");
        int updated = report.Outcomes.Count(o => o.Status == FetchStatus.Updated),
            failed = report.Outcomes.Count(o => o.Status == FetchStatus.Failed);
        var sentence =
            $"{updated} of {report.Outcomes.Count} instruments updated ({report.Inserted:#,0} new rows, " +
            $"{report.Updated:#,0} revised)";
        if (failed > 0) sentence += $"; [red]{failed} failed[/] from " + string.Join(", ",
            report.Outcomes.Where(o => o.Status == FetchStatus.Failed).Select(o => o.Source).Distinct());
        if (report.Cancelled) sentence += "; [yellow]cancelled[/]: what was stored is whole, run fetch again to finish";
        console.MarkupLine(sentence + ".");
    }
}
