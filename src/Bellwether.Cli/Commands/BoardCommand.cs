using System.CommandLine;
using System.Globalization;
using Bellwether.Api;
using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Signals;
using Bellwether.Core.Statistics.Resampling;
using Bellwether.Core.Streaming;
using Bellwether.Core.Text;
using Bellwether.Data.Market;
using Bellwether.Data.Thesis;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary>
/// <c>bellwether board [--as-of D] [--thesis FILE]</c>: every signal of a thesis as of a date, with readiness;
/// <c>--history [--from] [--to] [--frequency]</c>: readiness every day, Friday or month end instead, by the stream.
/// </summary>
internal static class BoardCommand
{
    public static Command Create()
    {
        var asOf = new Option<string?>("--as-of")
        {
            Description =
                "Evaluate with the data known on this date (yyyy-MM-dd; default: the latest date on which every " +
                "input of the thesis is current)",
        };
        var thesis =
            new Option<string?>("--thesis")
            {
                Description =
                $"Thesis file (YAML, see docs/thesis.md; default: the shipped theses/{ThesisFile.DefaultName})"
            };
        var history =
            new Option<bool>("--history")
            {
                Description =
                "Readiness from --from to --to instead of the board (every Friday unless --frequency)"
            };
        var frequency = new Option<string>("--frequency")
        {
            Description =
                "Days of --history: daily | weekly (Fridays) | monthly (month ends); computed by one stream over the " +
                "data",
            DefaultValueFactory = _ => "weekly",
        };
        frequency.AcceptOnlyFromAmong("daily", "weekly", "monthly");
        var from =
            new Option<string?>("--from") { Description = "First date of --history (yyyy-MM-dd; default 2018-01-01)" };
        var to =
            new Option<string?>("--to")
            {
                Description =
                "Last date of --history (yyyy-MM-dd; default: --as-of, else the thesis's latest date)"
            };
        var compare = new Option<string?>("--compare")
        {
            Description =
                "List the signals that flipped and the change in readiness since this date (yyyy-MM-dd), or " +
                          $"'{LastRun.Keyword}': since the last --compare {LastRun.Keyword} run (its board is kept " +
                          "beside the store); " +
                          $"exit code {Cli.SignalsFlipped} when any flipped",
        };
        var cluster = ClusterArguments.Connection(required: false);
        var whatIf = new BoardWhatIf();
        var command = new Command("board",
            "Where a thesis stands as of a date: each signal's state, value, since when and why, and a 0–100 readiness")
        {
            asOf, thesis, history, frequency, from, to, compare, cluster,
        };
        foreach (var option in whatIf.Options) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var asOfDate = StoreAccess.Date(parse, asOf);
            var fromDate = StoreAccess.Date(parse, from);
            var toDate = StoreAccess.Date(parse, to);
            bool sinceLast = parse.GetValue(compare) == LastRun.Keyword;
            var compareDate = sinceLast ? null : StoreAccess.Date(parse, compare);
            bool wantHistory = parse.GetValue(history);
            if (!wantHistory
                && (fromDate is not null || toDate is not null || parse.GetResult(frequency) is { Implicit: false }))
                throw new UsageException("--from, --to and --frequency go with --history");
            if (wantHistory
                && (compareDate is not null
                    || sinceLast)) throw new UsageException("give --history or --compare, not both");
            if (sinceLast && asOfDate is not null)
                throw new UsageException(
                    $"--compare {LastRun.Keyword} compares the latest board with the last run's: leave out --as-of");
            if (compareDate > asOfDate) throw new UsageException("--compare is after --as-of");
            bool wantWhatIf = whatIf.Given(parse);
            if (wantWhatIf && (wantHistory || compareDate is not null || sinceLast))
                throw new UsageException("give --what-if (--weight, --threshold) or --history or --compare, not two");
            var redis = parse.GetValue(cluster);
            var kinds = Concepts.Signals;
            var file = parse.GetValue(thesis);
            // The store opens (tens of milliseconds) while the thesis is read; a bad thesis still fails first.
            var opening = Task.Run(() => StoreAccess.OpenForRead(parse));
            ThesisDefinition definition;
            try
            {
                definition = file is null ? ThesisFile.LoadDefault(kinds) : ThesisFile.Load(file, kinds);
            }
            catch (Exception e)
            {
                opening.ContinueWith(t => t.Result.Dispose(), TaskContinuationOptions.OnlyOnRanToCompletion);
                if (e is DefinitionFileException) throw new UsageException(e.Message);
                throw;
            }
            using var store = opening.GetAwaiter().GetResult();
            var data = StoreAccess.MarketData(parse, store);
            using var host = redis is null ? null : ClusterArguments.Client(redis);
            var boards = host is null ? null : ClusterArguments.Boards(host, file);
            if (wantHistory)
            {
                var start = fromDate ?? new DateOnly(2018, 1, 1);
                var end = toDate ?? asOfDate ?? ThesisDates.Latest(store, data, definition, kinds).Date;
                if (start > end) throw new UsageException("--from is after --to");
                var every = parse.GetValue(frequency) switch
                {
                    "daily" => Frequency.Daily,
                    "monthly" => Frequency.Monthly,
                    _ => Frequency.Weekly,
                };
                WriteHistory(parse, definition, file, start, end, every,
                    boards?.History(data, definition, start, end, every)
                    ?? StreamedHistory.Readiness(definition, data, start, end, kinds, every));
                return Cli.Ok;
            }
            if (wantWhatIf)
            {
                whatIf.Run(parse, store, data, definition, file, asOfDate, kinds, boards is null ? null : boards.Board);
                return Cli.Ok;
            }
            if (sinceLast)
            {
                var since = LastRun.Compare(store, data, definition, file, LastRun.FileOf(store.Path, definition.Name),
                    kinds, boards is null ? null : boards.Board);
                if (parse.GetValue(Cli.Json)) Output.WriteJson(parse, since.Json());
                else if (since.Comparison is { } c) PrintComparison(Output.Console(parse), c);
                else
                    Output.Console(parse)
                        .MarkupLine(Markup.Escape($"{definition.Name}: no earlier run recorded in {since.File}; " +
                        $"this board (as of {since.Now.AsOf:yyyy-MM-dd}) is kept for the next --compare " +
                        $"{LastRun.Keyword}."));
                LastRun.Write(since.File, since.Now);
                return since.Comparison is { Flipped.Count: > 0 } ? Cli.SignalsFlipped : Cli.Ok;
            }
            if (compareDate is { } before)
            {
                var (comparison, why) = BoardDocument.Compare(store, data, definition, before, asOfDate, kinds,
                    boards is null ? null : boards.Compare);
                if (parse.GetValue(Cli.Json)) Output.WriteJson(parse,
                    comparison.Json(BoardDocument.ThesisInfo(definition, file), why));
                else PrintComparison(Output.Console(parse), comparison);
                return comparison.Flipped.Count > 0 ? Cli.SignalsFlipped : Cli.Ok;
            }
            var (board, chosen) = BoardDocument.Evaluate(store, data, definition, asOfDate, kinds,
                boards is null ? null : boards.Board);
            if (parse.GetValue(Cli.Json))
                parse.InvocationConfiguration.Output.Write(BoardDocument.Text(BoardJson.Of(board,
                    BoardDocument.ThesisInfo(definition, file), chosen)
                    with
                { AsOfPastData = asOfDate is { } given ? StoreAccess.PastTheData(store, given) : null }));
            else
            {
                Print(Output.Console(parse), board);
                PrintChosen(Output.Console(parse), board, chosen);
            }
            return Cli.Ok;
        });
        return command;
    }

    private static void WriteHistory(ParseResult parse, ThesisDefinition thesis, string? file, DateOnly from,
        DateOnly to, Frequency every, IReadOnlyList<ReadinessPoint> points)
    {
        if (parse.GetValue(Cli.Json))
        {
            Output.WriteJson(parse, BoardDocument.History(thesis, file, from, to, points, every));
            return;
        }
        string unit = every switch { Frequency.Daily => "day", Frequency.Monthly => "month", _ => "week" };
        var console = Output.Console(parse);
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns(DrawdownCommand.Dated(unit), new("readiness"), new("counted"),
                new("support / neutral / against"));
        foreach (var p in points.Where((_, k) => k % 4 == 0 || k == points.Count - 1))
            table.AddRow($"{p.Date:yyyy-MM-dd}", double.IsNaN(p.Readiness) ? "withheld"
                : BoardText.Readiness(p.Readiness), ValueText.Of(p.Counted, ValueKind.Share),
                $"{p.States.Count(s => s == SignalState.Supports)} / {p.States.Count(s => s == SignalState.Neutral)} " +
                $"/ {p.States.Count(s => s == SignalState.Against)}");
        console.Write(table);
        var valid = points.Where(p => !double.IsNaN(p.Readiness)).ToList();
        console.MarkupLine(Markup.Escape(valid.Count == 0
            ? $"{thesis.Name}: no {unit} from {from:yyyy-MM-dd} to {to:yyyy-MM-dd} had " +
            $"{ValueText.Of(thesis.MinMeasured, ValueKind.Share)} of its weight measured."
            : $"{thesis.Name}: readiness {BoardDocument.Every(every)} from {from:yyyy-MM-dd} to {to:yyyy-MM-dd} (" +
            $"{points.Count} {unit}s, every 4th shown); " +
              $"low {Dated(valid.MinBy(p => p.Readiness)!)}, high {Dated(valid.MaxBy(p => p.Readiness)!)}, latest " +
              $"{BoardText.Readiness(valid[^1].Readiness)}."));
        static string Dated(ReadinessPoint p) => $"{BoardText.Readiness(p.Readiness)} ({p.Date:yyyy-MM-dd})";
    }

    /// <summary>Why the board is of its date, when no <c>--as-of</c> chose it.</summary>
    internal static void PrintChosen(IAnsiConsole console, BoardResult board, DateChoiceJson? chosen)
    {
        if (chosen is not null)
            console.MarkupLine(Markup.Escape($"Date: {board.AsOf:yyyy-MM-dd}, no --as-of given: {chosen.Reason}."));
    }

    private static void PrintComparison(IAnsiConsole console, BoardComparison comparison)
    {
        static string Readiness(BoardResult b) => b.Withheld is null
            ? BoardText.Readiness(b.Readiness) : "withheld";
        var (before, now) = (comparison.Before, comparison.Now);
        string change = double.IsNaN(comparison.ReadinessChange) ? ""
            : $" ({ValueText.Of(comparison.ReadinessChange, ValueKind.IndexPointsChange)})";
        if (comparison.Flipped.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple)
                .AddColumns(new TableColumn("signal"), new TableColumn($"{before.AsOf:yyyy-MM-dd}").NoWrap(),
                new TableColumn($"{now.AsOf:yyyy-MM-dd}").NoWrap(), DrawdownCommand.Dated("since"));
            foreach (var f in comparison.Flipped)
                table.AddRow(new Text(f.Title), new Markup(State(f.From) + (f.StaleBefore ? " [yellow]stale[/]" : "")),
                    new Markup(State(f.To) + (f.StaleNow ? " [yellow]stale[/]" : "")),
                    new Text(f.Since is { } d ? $"{d:yyyy-MM-dd}" : ""));
            console.Write(table);
        }
        console.MarkupLine(
            Markup.Escape(
                $"{now.Thesis}: from {before.AsOf:yyyy-MM-dd} to {now.AsOf:yyyy-MM-dd}, readiness {Readiness(before)}" +
                $" → {Readiness(now)}{change}; " +
                                         $"{comparison.Flipped.Count} of {now.Signals.Count} signals flipped."));
    }

    /// <summary>The board in tables and a sentence; with <paramref name="fileBoard"/>, <paramref name="board"/> is a
    /// what-if of it: a signal's state it changed is shown beside, and readiness beside the file's.</summary>
    internal static void Print(IAnsiConsole console, BoardResult board, BoardResult? fileBoard = null)
    {
        // The explanation sits under its signal's title, and "not measurable" may take two lines, so the table keeps
        // its since column at 80 columns beside an explanation holding a long list id. A what-if marks the thesis
        // file's state "(supports)" under one it turned: one word, no wider than a state, so it takes no room from the
        // other columns and never splits ("was supports" split at 80 columns, its "was" read as a state of its own).
        var table = new FittedTable(new("signal", Wraps: true), new("state", Wraps: true), new("value", Right: true),
            new("since", Optional: true));
        foreach (var (s, k) in board.Signals.Select((s, k) => (s, k)))
            table.AddRow($"[bold]{Markup.Escape(s.Title)}[/]\n[grey]{Markup.Escape(s.Explanation)}[/]",
                State(s.State) + (s.Stale ? "\n[yellow bold]stale[/]" : "")
                + (fileBoard?.Signals[k].State is { } was && was != s.State ? $"\n[grey]({Plain(was)})[/]" : ""),
                Markup.Escape(ValueText.Of(s.Value, s.Unit)), s.Since is { } d ? $"{d:yyyy-MM-dd}" : "");
        table.Write(console);
        var parts = new FittedTable(new("signal"), new("weight", Right: true), new("score", Right: true),
            new("points", Right: true), new("note", Wraps: true));
        foreach (var p in board.Breakdown)
            parts.AddText(p.Id, Output.Number(p.Weight), double.IsNaN(p.Score) ? "" : Output.Number(p.Score),
                BoardText.Points(p.Contribution), p.Note);
        parts.Write(console);
        int Count(SignalState st) => board.Signals.Count(s => s.State == st);
        int staleCount = board.Signals.Count(s => s.Stale && s.State != SignalState.NotMeasurable);
        string readiness = board.Withheld is { } why ? $"withheld ({Markup.Escape(why)})"
            : $"[bold]{BoardText.Readiness(board.Readiness)}/100[/]";
        if (fileBoard is not null) readiness += Markup.Escape(FileReadiness(board, fileBoard));
        console.MarkupLine($"{Markup.Escape(board.Thesis)} as of {board.AsOf:yyyy-MM-dd}" +
                           $"{(fileBoard is null ? "" : ", what if")}: readiness {readiness} — " +
                           $"[green]{Count(SignalState.Supports)} support[/], [yellow]{Count(SignalState.Neutral)} " +
                           $"neutral[/], [red]{Count(SignalState.Against)} against[/], " +
                           $"[grey]{Count(SignalState.NotMeasurable)} not measurable[/]" +
                           $"{(staleCount > 0 ? $", {staleCount} stale" : "")}; " +
                           $"{ValueText.Of(board.Counted, ValueKind.Share)} of the weight counted.");
    }

    /// <summary>" (the thesis file's 68/100, −6 points)": readiness of the board a what-if changed.</summary>
    private static string FileReadiness(BoardResult board, BoardResult fileBoard)
    {
        if (fileBoard.Withheld is not null) return " (the thesis file's is withheld)";
        var change = board.Withheld is null
            ? ", " + ValueText.Of(Shown(board.Readiness) - Shown(fileBoard.Readiness), ValueKind.IndexPointsChange)
            : "";
        return $" (the thesis file's {BoardText.Readiness(fileBoard.Readiness)}/100{change})";
    }

    /// <summary>Readiness as the sentence writes it, so a change is the difference of the numbers shown.</summary>
    private static double Shown(double readiness) => Math.Round(readiness, MidpointRounding.AwayFromZero);

    private static string Plain(SignalState state) => Markup.Remove(State(state));

    private static string State(SignalState state) => state switch
    {
        SignalState.Supports => "[green]supports[/]",
        SignalState.Neutral => "[yellow]neutral[/]",
        SignalState.Against => "[red]against[/]",
        _ => "[grey]not measurable[/]",
    };
}
