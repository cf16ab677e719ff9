using System.CommandLine;
using Bellwether.Api;
using Bellwether.Core.Statistics.EtfFlows;
using Bellwether.Core.Text;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary><c>bellwether flows [--as-of] [--window N]</c>: spot ETF flows per underlying and the rotation between
/// them.</summary>
internal static class FlowsCommand
{
    public static Command Create()
    {
        var asOf =
            new Option<string?>("--as-of")
            {
                Description =
                "Use only rows dated on or before this date (yyyy-MM-dd; default: the latest row)"
            };
        var window = new Option<int>("--window")
        {
            Description = "Flow days in the rotation window and the window sum",
            DefaultValueFactory = _ => FlowsAnswer.DefaultWindow
        }
            .Between(1, FlowsAnswer.MaxWindow);
        var into = new Option<string>("--into")
        {
            Description = "Flow table money may rotate into",
            DefaultValueFactory = _ => FlowsAnswer.DefaultInto
        };
        var outOf = new Option<string>("--out-of")
        {
            Description = "Flow table money may rotate out of",
            DefaultValueFactory = _ => FlowsAnswer.DefaultOutOf
        };
        var command = new Command("flows",
            "Spot ETF net flows: daily totals, 5- and 20-day sums, cumulative, streaks, and rotation between two " +
            "families")
        {
            asOf, window, into, outOf,
        };
        command.SetAction(parse =>
        {
            var asOfDate = StoreAccess.Date(parse, asOf);
            using var store = StoreAccess.OpenForRead(parse);
            var answer = FlowsAnswer.Of(store, !parse.GetValue(Cli.IgnoreReleaseLags), asOfDate, parse.GetValue(window),
                parse.GetValue(into)!, parse.GetValue(outOf)!);
            if (parse.GetValue(Cli.Json)) Output.WriteJson(parse, answer.Json());
            else Print(Output.Console(parse), answer.Histories, answer.Readings, answer.Rotation);
            return Cli.Ok;
        });
        return command;
    }

    private static void Print(IAnsiConsole console, IReadOnlyList<EtfFlowHistory> histories,
        IReadOnlyList<EtfFlowReading?> readings, RotationReading? rotation)
    {
        var shown = readings.OfType<EtfFlowReading>().ToList();
        var table = new Table().Border(TableBorder.Simple).Caption("US$ millions").AddColumn("");
        foreach (var r in shown) table.AddColumn(new TableColumn(Markup.Escape(r.Id)).RightAligned());
        void Row(string label, Func<EtfFlowReading, string> cell) => table.AddRow([label, .. shown.Select(cell)]);
        Row("day", r => $"{r.Latest.Date:yyyy-MM-dd}");
        Row("net flow", r => Signed(r.Latest.Total));
        Row("5 days", r => Signed(r.Latest.ShortSum));
        Row("20 days", r => Signed(r.Latest.LongSum));
        if (shown.FirstOrDefault()?.Window is { } n and not (5 or 20)) Row($"{n} days", r => Signed(r.WindowSum));
        Row("since launch", r => Signed(r.Latest.Cumulative));
        Row("streak", r =>
            $"{r.CurrentStreak.Days} {Word(r.CurrentStreak.Direction)} day(s), {Signed(r.CurrentStreak.Sum)}");
        console.Write(table);
        if (rotation is { } rot)
        {
            var w = rot.Window;
            var weeks = new Table().Border(TableBorder.Simple)
                .Caption(Markup.Escape($"into = {rot.Into}, out of = {rot.OutOf}"))
                .AddColumns(DrawdownCommand.Dated("week from"), new("days"), new TableColumn("into").RightAligned(),
                    new TableColumn("out of").RightAligned(), new("reading"));
            foreach (var week in rot.Weeks)
                weeks.AddRow($"{week.From:yyyy-MM-dd}", week.Days.ToString(), Signed(week.IntoSum),
                    Signed(week.OutOfSum), Kind(week.Kind));
            console.Write(weeks);
            console.Sentence($"Over {w.Days} shared flow days ({w.From:yyyy-MM-dd} to {w.To:yyyy-MM-dd}) " +
                $"{rot.Into} took {Flow(w.IntoSum)} and {rot.OutOf} {Flow(w.OutOfSum)}: {Kind(w.Kind)}" +
                (w.Rotated != 0 ? $", up to {ValueText.Level(Math.Abs(w.Rotated), ValueKind.UsdMillions)} moved across"
                    : "") +
                $". On {rot.RotationDays} day(s) {rot.Into} took money while {rot.OutOf} lost it " +
                $"({Flow(rot.IntoOnRotationDays)} vs {Flow(rot.OutOfOnRotationDays)}).");
        }
        foreach (var h in histories)
        {
            var notLaunched = h.Funds.Where(f => f.Launched is null).Select(f => f.Fund).ToList();
            if (notLaunched.Count > 0) console.MarkupLine(
                $"[grey]{Markup.Escape(h.Id)}: not launched yet (zeros only): " +
                $"{Markup.Escape(string.Join(", ", notLaunched))}[/]");
            if (h.Excluded.Count > 0) console.MarkupLine(
                $"[grey]{Markup.Escape(h.Id)}: {h.Excluded.Count} row(s) are not flow days (market closed with " +
                $"zeros, or no value); see --json[/]");
            foreach (var m in h.Mismatches)
                console.MarkupLine(
                    $"[yellow]{Markup.Escape(h.Id)} {m.Date:yyyy-MM-dd}: funds sum to {Flow(m.FundSum)} " +
                                   $"but the table's total is {Flow(m.TableTotal)}[/]");
            foreach (var d in h.PartialDays) console.MarkupLine(
                $"[yellow]{Markup.Escape(h.Id)} {d:yyyy-MM-dd}: a launched fund has no value; the total is partial[/]");
        }
    }

    // As the /flows page writes them (the flows document's text fields).
    private static string Signed(double v) => FlowsAnswer.Cell(v);

    private static string Flow(double v) => FlowsAnswer.Flow(v);

    private static string Word(FlowDirection d) =>
        d switch { FlowDirection.Inflow => "inflow", FlowDirection.Outflow => "outflow", _ => "flat" };

    private static string Kind(RotationKind k) => k switch
    {
        RotationKind.Rotation => "rotation",
        RotationKind.Reverse => "reverse rotation",
        RotationKind.BothInflow => "both took money",
        RotationKind.BothOutflow => "both lost money",
        _ => "flat",
    };
}
