using System.CommandLine;
using Bellwether.Api;
using Bellwether.Core.Claims;
using Bellwether.Core.Measurements;
using Bellwether.Data.Claims;
using Bellwether.Data.Thesis;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary><c>bellwether check CLAIMS_FILE</c>: every claim of a claims file under every reading, with a
/// verdict.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var file =
            new Argument<string>("claims-file")
            {
                Description =
                "A claims file (YAML, see docs/claims.md), e.g. claims/article-2025-12-15.yaml"
            };
        var command = new Command("check",
            "Check dated, quantitative claims against the data: the figure under every reading, and a " +
            "verdict") { file };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            ClaimSet set;
            try
            {
                set = ClaimsFile.Load(path, Concepts.Claims);
            }
            catch (DefinitionFileException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
                return Cli.RuntimeError;
            }
            using var store = StoreAccess.OpenForRead(parse);
            var answer = ClaimsCheck.Run(path, set, StoreAccess.MarketData(parse, store));
            if (parse.GetValue(Cli.Json)) Output.WriteJson(parse, answer.Json());
            else Print(Output.Console(parse), set, answer.Results);
            return Cli.Ok;
        });
        return command;
    }

    private static string Colour(ClaimVerdict v) => v switch
    {
        ClaimVerdict.Supported => "green",
        ClaimVerdict.Partly => "yellow",
        ClaimVerdict.NotSupported => "red",
        _ => "grey",
    };

    private static string Word(ClaimVerdict v) => v switch
    {
        ClaimVerdict.Supported => "supported",
        ClaimVerdict.Partly => "partly",
        ClaimVerdict.NotSupported => "not supported",
        _ => "not checkable",
    };

    private static void Print(IAnsiConsole console, ClaimSet set, IReadOnlyList<ClaimResult> results)
    {
        console.MarkupLine($"[bold]{Markup.Escape(set.Name)}[/]");
        var overview = new FittedTable(new("claim"), new("as of", Optional: true), new("claimed", Wraps: true),
            new("verdict"), new("why", Wraps: true));
        foreach (var r in results)
            overview.AddRow(Markup.Escape(r.Claim.Id), $"{r.Claim.Date:yyyy-MM-dd}", Markup.Escape(r.Target),
                $"[{Colour(r.Verdict)}]{Word(r.Verdict)}[/]", Markup.Escape(r.Summary));
        overview.Write(console);
        // Each claim reads top-down: the claim and its date, the quote, the readings, the verdict.
        foreach (var r in results)
        {
            console.WriteLine();
            console.MarkupLine(
                $"[bold]{Markup.Escape(r.Claim.Id)}[/], claimed {r.Claim.Date:yyyy-MM-dd}: {Markup.Escape(r.Target)}");
            console.MarkupLine($"  “{Markup.Escape(r.Claim.Text)}”");
            var table = new FittedTable(new("reading", Wraps: true), new("value", Right: true),
                new("state", Optional: true), new("agrees", Short: "ok"),
                new("data", Wraps: true), new("detail", Wraps: true));
            foreach (var x in r.Readings)
            {
                string agrees = x.Within switch { true => "yes", false => "no", null => "–" };
                agrees = x.Within is null ? "[grey]–[/]" : x.Counts
                    ? $"[{(x.Within == true ? "green" : "red")}]{agrees}[/]" : $"[grey]({agrees})[/]";
                string data =
                    $"{string.Join(", ", x.Provenance.Instruments.Take(3))}" +
                    $"{(x.Provenance.Instruments.Count > 3 ? ", …" : "")}" +
                              (x.Provenance.From is { } f && x.Provenance.To is { } t
                                  ? $" {f:yyyy-MM-dd} → {t:yyyy-MM-dd}" : "");
                string detail = x.Repeats is { } first ? $"same finding as '{first}': counted once"
                    : !x.Provenance.PointInTime
                    ? $"hindsight: uses data to {x.Provenance.DataThrough:yyyy-MM-dd}, after the claim date; not " +
                    $"counted. {x.Note}"
                    : x.Note ?? "";
                table.AddRow(Markup.Escape(x.Label), ClaimChecker.Format(x.Value, x.Unit) is var v && v == "n/a" ? ""
                    : Markup.Escape(v), Markup.Escape(x.State ?? ""),
                    agrees, Markup.Escape(data), Markup.Escape(detail.Trim()));
            }
            table.Write(console);
            console.MarkupLine($"  verdict: [{Colour(r.Verdict)}]{Word(r.Verdict)}[/] — {Markup.Escape(r.Summary)}");
        }
        console.WriteLine();
        var counts = Enum.GetValues<ClaimVerdict>().Select(v => (v, n: results.Count(r => r.Verdict == v)))
            .Where(p => p.n > 0);
        console.MarkupLine(Markup.Escape($"{results.Count} claims from {set.Name}: ") +
            string.Join(", ", counts.Select(p => $"[{Colour(p.v)}]{p.n} {Word(p.v)}[/]")) + ".");
    }
}
