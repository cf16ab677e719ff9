using System.CommandLine;
using Bellwether.Core.Statistics.Alignment;
using Bellwether.Core.Statistics.Correlation;
using Bellwether.Core.Statistics.CorrelationBreakdown;
using Bellwether.Core.Statistics.Rolling;
using Bellwether.Core.Statistics.SpreadZScore;
using Bellwether.Core.Text;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary><c>bellwether corr A B</c>: correlation of two instruments over a period, optionally rolling.</summary>
internal static class CorrCommand
{
    public static Command Create()
    {
        var a = new Argument<string>("a") { Description = "First instrument id, e.g. RUT" };
        var b = new Argument<string>("b") { Description = "Second instrument id, e.g. ETH" };
        var alignment = new AlignmentArguments(allowLevels: true);
        var window =
            new Option<string?>("--window")
            {
                Description =
                "Rolling window: N observations (90) or N calendar days (90d); adds a 'rolling' series"
            };
        var minCount =
            new Option<int?>("--min-count")
            {
                Description =
                "Least valid pairs for a rolling value (default: N for a count window, 3 for a calendar window)"
            }
            .Between(2, 1_000_000);
        var fall =
            new Option<double>("--breakdown-fall")
            {
                Description =
                "Rolling correlation breakdown: a fall of more than this from the recent peak",
                DefaultValueFactory = _ => CorrelationBreakdownDetector.DefaultFall
            }
            .Between(double.Epsilon, 2);
        var days =
            new Option<int>("--breakdown-days")
            {
                Description =
                "Rolling correlation breakdown: the peak is looked for in this many calendar days before",
                DefaultValueFactory = _ => CorrelationBreakdownDetector.DefaultDays
            }
            .Between(1, OptionRange.MaxDays);
        var command = new Command("corr",
            "Pearson, Spearman and Kendall correlation of two instruments' returns, with n, 95% interval and " +
            "p-value") { a, b };
        alignment.AddTo(command);
        command.Options.Add(window);
        command.Options.Add(minCount);
        command.Options.Add(fall);
        command.Options.Add(days);
        command.SetAction(parse =>
        {
            var options = alignment.Parse(parse);
            RollingWindow? rollingWindow = null;
            if (parse.GetValue(window) is { } text)
            {
                try { rollingWindow = RollingWindow.Parse(text, parse.GetValue(minCount)); }
                catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException)
                {
                    throw new UsageException($"--window: {e.Message}");
                }
                if (rollingWindow.Value.CalendarDays > OptionRange.MaxDays)
                    throw new UsageException($"--window: {text} is longer than {OptionRange.MaxDays:#,0} days");
            }

            using var store = StoreAccess.OpenForRead(parse);
            var asOfDate = StoreAccess.Date(parse, alignment.AsOf);
            var seriesA = StoreAccess.Series(parse, store, parse.GetValue(a)!, asOfDate, options.From, options.Until);
            var seriesB = StoreAccess.Series(parse, store, parse.GetValue(b)!, asOfDate, options.From, options.Until);
            var rows = ReturnAlignment.Align(seriesA, seriesB, options);
            // A window that no stretch of the data can fill gives an empty table: say so instead.
            if (rollingWindow is { } needed && needed.MinCount > rows.Count)
                throw new UsageException(
                    $"--window {parse.GetValue(window)} needs {needed.MinCount:#,0} rows in a window; " +
                                         $"{rows.Ids[0]} and {rows.Ids[1]} share {rows.Count:#,0} aligned rows");
            var result = Correlations.Compute(rows.Columns[0], rows.Columns[1]);
            var rolling = rollingWindow is { } w ? Rolling(rows, w) : null;
            var breakdowns = rolling is null ? null
                : CorrelationBreakdownDetector.Detect(rows.Dates, rolling.Select(p => p.Pearson).ToArray(),
                    parse.GetValue(fall), parse.GetValue(days));
            var report = new Report(rows.Ids[0], rows.Ids[1], rows.Start, rows.Count > 0 ? rows.Dates[^1] : null,
                result.N,
                result.Pearson, result.Spearman, result.Kendall, result.Ci95Low, result.Ci95High, result.PValue,
                result.SpearmanPValue, result.KendallPValue, options.Frequency.ToString().ToLowerInvariant(),
                AlignmentArguments.Name(options.Kind),
                rows.NonStationary, rows.PartialLastPeriod, rows.DroppedRows, StoreAccess.Date(parse, alignment.AsOf),
                rollingWindow?.ToString(), rollingWindow?.MinCount, rolling, breakdowns);
            if (parse.GetValue(Cli.Json)) Output.WriteJson(parse, report);
            else Print(Output.Console(parse), report, options);
            return Cli.Ok;
        });
        return command;
    }

    /// <summary>One rolling row: the window's correlation and, on returns, the z-score of the return spread A −
    /// B.</summary>
    public sealed record RollingPoint(DateOnly Date, double Pearson, double? Spread, double? SpreadZ);

    public sealed record Report(
        string A, string B, DateOnly? From, DateOnly? To, int N, double Pearson, double Spearman, double Kendall,
        double Ci95Low, double Ci95High, double PValue, double SpearmanPValue, double KendallPValue, string Freq,
        string On,
        bool NonStationary, bool PartialLastPeriod, int DroppedRows, DateOnly? AsOf, string? Window, int? MinCount,
        IReadOnlyList<RollingPoint>? Rolling, IReadOnlyList<CorrelationBreakdownEvent>? Breakdowns);

    private static List<RollingPoint> Rolling(AlignedReturns rows, RollingWindow window)
    {
        var pearson = new double[rows.Count];
        RollingStatistics.Pearson(rows.Columns[0], rows.Columns[1], window, pearson, rows.Dates);
        // A spread of two price levels in different units means nothing; it is given on returns only.
        var spread = rows.NonStationary ? null
            : ReturnSpread.ZScores(rows.Dates, rows.Columns[0], rows.Columns[1], window);
        return Enumerable.Range(0, rows.Count)
            .Select(i => new RollingPoint(rows.Dates[i], pearson[i], spread?[i].Spread, spread?[i].ZScore))
            .ToList();
    }

    private static void Print(IAnsiConsole console, Report r, AlignmentOptions options)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("measure", "value", "p-value");
        table.AddRow("Pearson r", Coefficient(r.Pearson), AlignmentArguments.PValue(r.PValue));
        table.AddRow("  95% interval", $"{Coefficient(r.Ci95Low)} to {Coefficient(r.Ci95High)}", "");
        table.AddRow("Spearman rho", Coefficient(r.Spearman), AlignmentArguments.PValue(r.SpearmanPValue));
        table.AddRow("Kendall tau-b", Coefficient(r.Kendall), AlignmentArguments.PValue(r.KendallPValue));
        console.Write(table);
        console.Sentence(
            $"{r.A} vs {r.B}, {AlignmentArguments.Describe(options)} from {r.From:yyyy-MM-dd} to {r.To:yyyy-MM-dd}: " +
                                         $"Pearson {ValueText.Of(r.Pearson, ValueKind.Correlation)} over n = " +
                                         $"{r.N:#,0}.");
        if (r.NonStationary) console.MarkupLine(
            "[yellow]Price levels are non-stationary: a shared trend inflates their correlation. Prefer --on " +
            "log-returns.[/]");
        if (r.PartialLastPeriod) console.MarkupLine(
            "[yellow]The last period is incomplete (the data ends before it does).[/]");
        if (r.DroppedRows > 0) console.MarkupLine(
            $"[yellow]{r.DroppedRows} row(s) left out: a return was undefined (non-positive price).[/]");
        if (r.Rolling is { Count: > 0 } rolling)
        {
            var recent = new Table().Border(TableBorder.Simple)
                .AddColumns("date", $"rolling r ({r.Window})", "spread z");
            foreach (var p in rolling.TakeLast(10))
                recent.AddRow($"{p.Date:yyyy-MM-dd}", Coefficient(p.Pearson), p.SpreadZ is { } z
                    ? ValueText.Of(z, ValueKind.Ratio) : "");
            console.Write(recent);
            console.Sentence($"{r.Breakdowns?.Count ?? 0} correlation breakdown episode(s) in the period" +
                                             (r.Breakdowns is { Count: > 0 } b
                                                 ? $", the latest starting {b[^1].Date:yyyy-MM-dd} " +
                                                 $"({ValueText.Of(b[^1].PeakCorrelation, ValueKind.Correlation)} → " +
                                                 $"{ValueText.Of(b[^1].Correlation, ValueKind.Correlation)})." : "."));
        }
    }

    /// <summary>A coefficient in a column that names it: the formatting table's digits, empty for NaN.</summary>
    public static string Coefficient(double v) => double.IsNaN(v) ? "" : ValueText.Format(ValueKind.Correlation)
        .Number(v);
}
