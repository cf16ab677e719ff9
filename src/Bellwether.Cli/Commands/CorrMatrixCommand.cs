using System.CommandLine;
using Bellwether.Core.Instruments;
using Bellwether.Core.Statistics.CorrelationMatrix;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary><c>bellwether corr-matrix A --universe crypto</c>: one instrument against every member of a universe,
/// ranked.</summary>
internal static class CorrMatrixCommand
{
    public static Command Create()
    {
        var target =
            new Argument<string>("a") { Description = "The instrument correlated against the universe, e.g. RUT" };
        var universe =
            new Option<string>("--universe")
            {
                Description = "The universe: crypto (every stored crypto instrument)",
                DefaultValueFactory = _ => "crypto"
            };
        universe.AcceptOnlyFromAmong("crypto");
        var minOverlap =
            new Option<int>("--min-overlap")
            {
                Description =
                "Least number of shared return rows for a member to be ranked", DefaultValueFactory = _ => 30
            }
            .Between(2, 1_000_000);
        var top =
            new Option<int?>("--top")
            {
                Description =
                "Show only the N highest-ranked members (default 25; JSON always lists all)"
            }
            .Between(1, 100_000);
        var alignment = new AlignmentArguments(allowLevels: true);
        var command = new Command("corr-matrix",
            "Correlation of one instrument with every member of a universe that overlaps it enough, ranked by " +
            "Pearson r")
        {
            target, universe, minOverlap, top,
        };
        alignment.AddTo(command);
        command.SetAction(parse =>
        {
            var options = alignment.Parse(parse);
            int overlap = parse.GetValue(minOverlap);
            using var store = StoreAccess.OpenForRead(parse);
            var targetSeries = StoreAccess.Series(parse, store, parse.GetValue(target)!,
                StoreAccess.Date(parse, alignment.AsOf), options.From, options.Until);
            var members = store.Instruments().Where(i => i.Class == AssetClass.Crypto)
                .Select(i => store.LoadSeries(i.Id, options.From, options.Until));
            var result = UniverseCorrelation.Compute(targetSeries, members, options, overlap);
            var flagged = store.LoadClassifications().Where(c => c.IsStablecoin || c.IsWrapped).Select(c => c.Symbol)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            var report = new Report(result.Target, parse.GetValue(universe)!, options.From, options.Until,
                options.Frequency.ToString().ToLowerInvariant(),
                AlignmentArguments.Name(options.Kind), options.Kind == Core.Statistics.Returns.ReturnKind.Levels,
                overlap,
                result.Members.Select(m =>
                    new Row(m.Rank, m.Id, m.From, m.To, m.Correlation.N, m.Correlation.Pearson, m.Correlation.Spearman,
                    m.Correlation.Kendall, m.Correlation.Ci95Low, m.Correlation.Ci95High, m.Correlation.PValue,
                    m.PartialLastPeriod, flagged.Contains(m.Id))).ToList(),
                result.Skipped.Select(s => new Skip(s.Id, s.N)).ToList());
            if (parse.GetValue(Cli.Json)) Output.WriteJson(parse, report);
            else Print(Output.Console(parse), report, parse.GetValue(top) ?? 25);
            return Cli.Ok;
        });
        return command;
    }

    public sealed record Row(int Rank, string Id, DateOnly? From, DateOnly? To, int N, double Pearson, double Spearman,
        double Kendall, double Ci95Low, double Ci95High, double PValue, bool PartialLastPeriod, bool StableOrWrapped);

    public sealed record Skip(string Id, int N);

    public sealed record Report(string A, string Universe, DateOnly? Since, DateOnly? Until, string Freq, string On,
        bool NonStationary, int MinOverlap, IReadOnlyList<Row> Rows, IReadOnlyList<Skip> Skipped);

    private static void Print(IAnsiConsole console, Report r, int top)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("rank", "id", "n", "pearson", "95% interval", "spearman", "kendall", "p-value");
        foreach (var row in r.Rows.Take(top))
            table.AddRow(row.Rank.ToString(), Markup.Escape(row.Id)
                + (row.StableOrWrapped ? " [grey](stable/wrapped)[/]" : ""), $"{row.N:#,0}",
                CorrCommand.Coefficient(row.Pearson),
                $"{CorrCommand.Coefficient(row.Ci95Low)} to {CorrCommand.Coefficient(row.Ci95High)}",
                CorrCommand.Coefficient(row.Spearman), CorrCommand.Coefficient(row.Kendall),
                AlignmentArguments.PValue(row.PValue));
        console.Write(table);
        var best = r.Rows.Count > 0 ? r.Rows[0] : null;
        console.Sentence(
            $"{r.A} against {r.Rows.Count} {r.Universe} instruments with at least {r.MinOverlap} shared {r.Freq} rows" +
                                         (best is null ? "."
                                             : $": the closest is {best.Id} (r = " +
                                             $"{CorrCommand.Coefficient(best.Pearson)}, n = {best.N:#,0}).") +
                                         $" {r.Skipped.Count} left out for too little overlap.");
        if (r.NonStationary) console.MarkupLine(
            "[yellow]Price levels are non-stationary: a shared trend inflates their correlation.[/]");
    }
}
