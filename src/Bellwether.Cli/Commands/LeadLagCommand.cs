using System.CommandLine;
using Bellwether.Core.Statistics.Alignment;
using Bellwether.Core.Statistics.LeadLag;
using Bellwether.Core.Text;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary><c>bellwether leadlag A B</c>: cross-correlation at lags, Granger causality both ways, betas.</summary>
internal static class LeadLagCommand
{
    public static Command Create()
    {
        var a = new Argument<string>("a") { Description = "First instrument id, e.g. RUT" };
        var b = new Argument<string>("b") { Description = "Second instrument id, e.g. ETH" };
        var maxLag =
            new Option<int>("--max-lag")
            {
                Description =
                "K: cross-correlations at lags −K..K; the Granger lag order is chosen by AIC within 1..K",
                DefaultValueFactory = _ => 5
            }
            .Between(1, 1_000);
        var alignment = new AlignmentArguments(allowLevels: false);
        var command = new Command("leadlag",
            "Does one instrument lead the other? Cross-correlation of returns, Granger F-tests in both directions, " +
            "OLS betas") { a, b, maxLag };
        alignment.AddTo(command);
        command.SetAction(parse =>
        {
            var options = alignment.Parse(parse);
            int k = parse.GetValue(maxLag);
            using var store = StoreAccess.OpenForRead(parse);
            var asOfDate = StoreAccess.Date(parse, alignment.AsOf);
            var rows = ReturnAlignment.Align(StoreAccess.Series(parse, store, parse.GetValue(a)!, asOfDate,
                options.From, options.Until),
                StoreAccess.Series(parse, store, parse.GetValue(b)!, asOfDate, options.From, options.Until), options);
            int largest = VarLagSelection.MaxEstimableLag(rows.Count);
            if (k > largest) throw new UsageException(
                $"--max-lag {k} is too large for {rows.Count} aligned rows (at most {largest})");
            var result = LeadLagAnalysis.Compute(rows.Ids[0], rows.Columns[0], rows.Ids[1], rows.Columns[1], k);
            var report = new Report(result.A, result.B, rows.Start, rows.Count > 0 ? rows.Dates[^1] : null, result.N,
                options.Frequency.ToString().ToLowerInvariant(), AlignmentArguments.Name(options.Kind),
                rows.PartialLastPeriod, k,
                result.CrossCorrelations,
                new Selection("aic", result.LagSelection.Order, result.LagSelection.N, result.LagSelection.Aic),
                result.TestedLag, Test(result.AToB), Test(result.BToA), result.ByLag.Select(Test).ToList(),
                Beta(result.B, result.A, result.BetaOfBOnA), Beta(result.A, result.B, result.BetaOfAOnB));
            if (parse.GetValue(Cli.Json)) Output.WriteJson(parse, report);
            else Print(Output.Console(parse), report, options);
            return Cli.Ok;
        });
        return command;
    }

    public sealed record Selection(string Criterion, int Order, int N, double[] Aic);
    public sealed record Granger(string Cause, string Effect, int Lag, double F, int DfNum, int DfDen, double PValue);
    public sealed record BetaRow(string Y, string X, int N, double Beta, double BetaSe, double Alpha, double RSquared,
        double PValue);

    public sealed record Report(string A, string B, DateOnly? From, DateOnly? To, int N, string Freq, string On,
        bool PartialLastPeriod,
        int MaxLag, IReadOnlyList<LagCorrelation> CrossCorrelation, Selection LagSelection, int GrangerLag,
        Granger AToB, Granger BToA, IReadOnlyList<Granger> GrangerByLag, BetaRow BetaBOnA, BetaRow BetaAOnB);

    private static Granger Test(GrangerTest t) => new(t.Cause, t.Effect, t.Lag, t.F, t.DfNum, t.DfDen, t.PValue);

    private static BetaRow Beta(string y, string x, Core.Statistics.Regression.OlsBeta b) =>
        new(y, x, b.N, b.Beta, b.BetaStandardError, b.Alpha, b.RSquared, b.PValue);

    private static void Print(IAnsiConsole console, Report r, AlignmentOptions options)
    {
        var lags = new Table().Border(TableBorder.Simple).AddColumns("lag", "n", "r", "p-value");
        foreach (var c in r.CrossCorrelation)
            lags.AddRow(ValueText.Number(c.Lag, "0"), $"{c.N:#,0}", CorrCommand.Coefficient(c.Pearson),
                AlignmentArguments.PValue(c.PValue));
        console.Write(lags);
        console.Sentence($"Positive lag: {r.A} today against {r.B} that many {r.Freq} rows later.");
        var tests = new Table().Border(TableBorder.Rounded).AddColumns("test", "lag", "F", "df", "p-value");
        foreach (var t in new[] { r.AToB, r.BToA })
            tests.AddRow(Markup.Escape($"{t.Cause} → {t.Effect}"), t.Lag.ToString(), ValueText.Of(t.F, ValueKind.Ratio),
                $"{t.DfNum}, {t.DfDen}", AlignmentArguments.PValue(t.PValue));
        console.Write(tests);
        console.Sentence(
            $"{r.A} and {r.B}, {AlignmentArguments.Describe(options)} from {r.From:yyyy-MM-dd} to {r.To:yyyy-MM-dd} " +
            $"(n = {r.N}): " +
                                         $"VAR order by AIC = {r.LagSelection.Order}, Granger tests at lag " +
                                         $"{r.GrangerLag}; " +
                                         $"beta of {r.B} on {r.A} = {ValueText.Of(r.BetaBOnA.Beta, ValueKind.Plain)} " +
                                         "± " +
                                         $"{ValueText.Of(r.BetaBOnA.BetaSe, ValueKind.Plain)}.");
    }
}
