using System.CommandLine;
using Bellwether.Api;
using Bellwether.Core.Board;
using Bellwether.Core.Text;
using Bellwether.Data.Market;
using Bellwether.Data.Store;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary>
/// <c>board --what-if [--weight SIGNAL=W]… [--threshold SIGNAL.supports|against.FIELD=X]…</c>: the board rescored
/// with other weights or thresholds (<see cref="WhatIfDocument"/>, as <c>GET /api/board/what-if</c>), the thesis file
/// untouched. <c>--what-if</c> alone lists what can be changed.
/// </summary>
internal sealed class BoardWhatIf
{
    public Option<bool> WhatIf { get; } = new("--what-if")
    {
        Description = "Score the board with the weights and thresholds of --weight and --threshold instead of the " +
            "thesis file's (the file is not changed); alone, list the weights and thresholds that can be changed",
    };

    public Option<string[]> Weight { get; } = new("--weight")
    {
        Description = "With --what-if: a signal's weight, SIGNAL=W (0 or more; repeat for several signals)",
        HelpName = "SIGNAL=W",
    };

    public Option<string[]> Threshold { get; } = new("--threshold")
    {
        Description = "With --what-if: the number a signal's rule compares a field with, " +
            "SIGNAL.supports.FIELD=X or SIGNAL.against.FIELD=X (repeatable)",
        HelpName = "SIGNAL.supports|against.FIELD=X",
    };

    public IEnumerable<Option> Options => [WhatIf, Weight, Threshold];

    /// <summary>Whether the board asked for is a what-if: <c>--weight</c> and <c>--threshold</c> imply it.</summary>
    public bool Given(ParseResult parse) => parse.GetValue(WhatIf) || Changes(parse).Any();

    private IEnumerable<(Option<string[]> Option, string Text)> Changes(ParseResult parse) =>
        (parse.GetValue(Weight) ?? []).Select(t => (Weight, t))
            .Concat((parse.GetValue(Threshold) ?? []).Select(t => (Threshold, t)));

    /// <summary>Prints the what-if board (terminal or <c>--json</c>, the API's document).</summary>
    /// <param name="elsewhere">Evaluates the thesis file's board (<c>--cluster</c>: its grain), which the changes
    /// rescore; null: in this process.</param>
    /// <exception cref="UsageException">A change not written as its option says, given twice, or that does not fit
    /// the thesis: named as given, with the signals or fields that would.</exception>
    public void Run(ParseResult parse, BellwetherStore store, IMarketData data, ThesisDefinition thesis,
        string? file, DateOnly? asOf, SignalKinds kinds, Func<IMarketData, ThesisDefinition, DateOnly, BoardResult>?
            elsewhere = null)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal); // API parameter → the option as given
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var thresholds = new List<ThresholdChange>();
        foreach (var (option, text) in Changes(parse))
        {
            var shown = $"{option.Name} {text}";
            int equals = text.LastIndexOf('=');
            var (name, value) = equals > 0 ? (text[..equals], text[(equals + 1)..]) : ("", "");
            double number;
            try
            {
                number = WhatIfDocument.Number(name, value);
            }
            catch (QueryException e) when (name.Length > 0)
            {
                throw new UsageException($"{shown}: {e.Problem}");
            }
            catch (QueryException)
            {
                throw new UsageException($"{shown}: expected {option.HelpName}; {Choices(option, thesis)}");
            }
            string parameter;
            if (option == Weight)
            {
                parameter = "weight." + name;
                weights[name] = number;
            }
            else if (WhatIfDocument.Threshold(name, number) is { } change)
            {
                parameter = Core.Board.WhatIf.Name(change);
                thresholds.Add(change);
            }
            else throw new UsageException($"{shown}: expected {option.HelpName}; {Choices(option, thesis)}");
            if (!given.TryAdd(parameter, shown))
                throw new UsageException($"{shown}: {given[parameter]} is given too; give each once");
        }
        WhatIfBoard board;
        try
        {
            board = WhatIfDocument.Evaluate(store, data, thesis, asOf, kinds, new(weights, thresholds), elsewhere);
        }
        catch (QueryException e)
        {
            throw new UsageException($"{given.GetValueOrDefault(e.Parameter, e.Parameter)}: {e.Problem}");
        }
        if (parse.GetValue(Cli.Json)) Output.WriteJson(parse, WhatIfDocument.Json(board, file));
        else Print(Output.Console(parse), board);
    }

    /// <summary>What <paramref name="option"/> can name in <paramref name="thesis"/>, for an error.</summary>
    private string Choices(Option option, ThesisDefinition thesis) => option == Weight
        ? $"the signals are {string.Join(", ", thesis.Signals.Select(s => s.Id))}"
        : $"the thresholds are {string.Join(", ", thesis.Signals.SelectMany(s =>
            WhatIfDocument.Thresholds(s, s).Select(t => Clause(t.Parameter))))}";

    /// <summary><c>SIGNAL.supports.FIELD</c>, the value of <c>--threshold</c>, of an API parameter.</summary>
    private static string Clause(string parameter) =>
        parameter[(parameter.IndexOf('.', StringComparison.Ordinal) + 1)..];

    private static void Print(IAnsiConsole console, WhatIfBoard w)
    {
        var changes = WhatIfDocument.Changes(w.Thesis, w.Changed).Select(c =>
            (c.Parameter.StartsWith("weight.", StringComparison.Ordinal) ? "--weight " : "--threshold ")
            + $"{Clause(c.Parameter)}={Output.Number(c.To)} (the file's: {Output.Number(c.From)})").ToList();
        console.Sentence(changes.Count == 0
            ? "What if: nothing is changed, so this is the thesis file's board; the weights and thresholds that can " +
              "be changed are listed under it."
            : "What if (the thesis file is not changed):");
        foreach (var change in changes) console.Sentence("  " + change);
        if (w.Board.Signals.Where((s, k) => s.State != w.Actual.Signals[k].State).Any())
            console.Sentence("A state in brackets is the thesis file's, where a change turned it.");
        BoardCommand.Print(console, w.Board, w.Actual);
        BoardCommand.PrintChosen(console, w.Board, w.Chosen);
        if (changes.Count > 0) return;
        var table = new FittedTable(new("signal"), new("weight", Right: true), new("thresholds", Wraps: true));
        foreach (var spec in w.Thesis.Signals)
            table.AddText(spec.Id, Output.Number(spec.Weight), string.Join("\n", WhatIfDocument.Thresholds(spec, spec)
                .Select(t => $"{t.Rule}.{t.Field} {t.Op} {Output.Number(t.Actual)}")));
        table.Write(console);
        console.Sentence("Change them with --weight SIGNAL=W and --threshold SIGNAL.supports.FIELD=X (or .against.).");
    }
}
