using System.CommandLine;
using Bellwether.Core.Statistics.EtfFlows;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary><c>bellwether flows [--as-of] [--window N]</c>: spot ETF flows per underlying and the rotation between them.</summary>
internal static class FlowsCommand
{
    public static Command Create()
    {
        var asOf = new Option<string?>("--as-of") { Description = "Use only rows dated on or before this date (yyyy-MM-dd; default: the latest row)" };
        var window = new Option<int>("--window") { Description = "Flow days in the rotation window and the window sum", DefaultValueFactory = _ => 20 }
            .Between(1, 10_000);
        var into = new Option<string>("--into") { Description = "Flow table money may rotate into", DefaultValueFactory = _ => "ETH_SPOT_ETF_FLOWS" };
        var outOf = new Option<string>("--out-of") { Description = "Flow table money may rotate out of", DefaultValueFactory = _ => "BTC_SPOT_ETF_FLOWS" };
        var command = new Command("flows", "Spot ETF net flows: daily totals, 5- and 20-day sums, cumulative, streaks, and rotation between two families")
        {
            asOf, window, into, outOf,
        };
        command.SetAction(parse =>
        {
            var asOfDate = StoreAccess.Date(parse, asOf);
            int n = parse.GetValue(window);
            using var store = StoreAccess.OpenForRead(parse);
            var tables = new[] { parse.GetValue(into)!, parse.GetValue(outOf)! }.Select(t => StoreAccess.Flows(parse, store, t, asOfDate)).ToList();
            var date = asOfDate ?? tables.Where(t => t.Count > 0).Select(t => t.Dates[^1]).DefaultIfEmpty().Max();
            var histories = tables.Select(t => EtfFlowStatistics.Build(t, date)).ToList();
            var readings = histories.Select(h => EtfFlowStatistics.Read(h, n)).ToList();
            var rotation = FlowRotation.Compute(histories[0], histories[1], n);
            if (parse.GetValue(Cli.Json))
            {
                Output.WriteJson(parse, new
                {
                    as_of = date, window = n,
                    tables = histories.Select((h, k) => Table(h, readings[k])),
                    rotation = rotation is null ? null : new
                    {
                        into = rotation.Into, out_of = rotation.OutOf, from = rotation.Window.From, to = rotation.Window.To, days = rotation.Window.Days,
                        into_sum = rotation.Window.IntoSum, out_of_sum = rotation.Window.OutOfSum, kind = rotation.Window.Kind, rotated = rotation.Window.Rotated,
                        rotation_days = rotation.RotationDays, into_on_rotation_days = rotation.IntoOnRotationDays,
                        out_of_on_rotation_days = rotation.OutOfOnRotationDays, weeks = rotation.Weeks,
                    },
                });
                return Cli.Ok;
            }
            Print(Output.Console(parse), histories, readings, rotation);
            return Cli.Ok;
        });
        return command;
    }

    private static object Table(EtfFlowHistory h, EtfFlowReading? r) => new
    {
        id = h.Id, unit = h.Unit, date = r?.Latest.Date, total = r?.Latest.Total, table_total = r?.Latest.TableTotal,
        sum_5d = r?.Latest.ShortSum, sum_20d = r?.Latest.LongSum, sum_window = r?.WindowSum, cumulative = r?.Latest.Cumulative,
        streak = r?.CurrentStreak, longest_inflow = r?.LongestInflow, longest_outflow = r?.LongestOutflow,
        flow_days = h.Days.Count, funds = h.Funds, excluded = h.Excluded, closed_days_with_flow = h.ClosedDaysWithFlow,
        partial_days = h.PartialDays, total_mismatches = h.Mismatches,
    };

    private static void Print(IAnsiConsole console, List<EtfFlowHistory> histories, List<EtfFlowReading?> readings, RotationReading? rotation)
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
        Row("streak", r => $"{r.CurrentStreak.Days} {Word(r.CurrentStreak.Direction)} day(s), {Signed(r.CurrentStreak.Sum)}");
        console.Write(table);
        if (rotation is { } rot)
        {
            var w = rot.Window;
            var weeks = new Table().Border(TableBorder.Simple).Caption(Markup.Escape($"into = {rot.Into}, out of = {rot.OutOf}"))
                .AddColumns(DrawdownCommand.Dated("week from"), new("days"), new TableColumn("into").RightAligned(), new TableColumn("out of").RightAligned(), new("reading"));
            foreach (var week in rot.Weeks)
                weeks.AddRow($"{week.From:yyyy-MM-dd}", week.Days.ToString(), Signed(week.IntoSum), Signed(week.OutOfSum), Kind(week.Kind));
            console.Write(weeks);
            console.MarkupLine(Markup.Escape($"Over {w.Days} shared flow days ({w.From:yyyy-MM-dd} to {w.To:yyyy-MM-dd}) {rot.Into} took {Signed(w.IntoSum)} and {rot.OutOf} {Signed(w.OutOfSum)} US$ m: " +
                $"{Kind(w.Kind)}{(w.Rotated != 0 ? $", up to {Math.Abs(w.Rotated):#,0.0} m moved across" : "")}. On {rot.RotationDays} day(s) {rot.Into} took money while {rot.OutOf} lost it " +
                $"({Signed(rot.IntoOnRotationDays)} vs {Signed(rot.OutOfOnRotationDays)})."));
        }
        foreach (var h in histories)
        {
            var notLaunched = h.Funds.Where(f => f.Launched is null).Select(f => f.Fund).ToList();
            if (notLaunched.Count > 0) console.MarkupLine($"[grey]{Markup.Escape(h.Id)}: not launched yet (zeros only): {Markup.Escape(string.Join(", ", notLaunched))}[/]");
            if (h.Excluded.Count > 0) console.MarkupLine($"[grey]{Markup.Escape(h.Id)}: {h.Excluded.Count} row(s) are not flow days (market closed with zeros, or no value); see --json[/]");
            foreach (var m in h.Mismatches) console.MarkupLine($"[yellow]{Markup.Escape(h.Id)} {m.Date:yyyy-MM-dd}: funds sum to {m.FundSum:0.0} but the table's total is {m.TableTotal:0.0}[/]");
            foreach (var d in h.PartialDays) console.MarkupLine($"[yellow]{Markup.Escape(h.Id)} {d:yyyy-MM-dd}: a launched fund has no value; the total is partial[/]");
        }
    }

    private static string Signed(double v) => double.IsNaN(v) ? "" : v.ToString("+#,0.0;-#,0.0;0.0", System.Globalization.CultureInfo.InvariantCulture);

    private static string Word(FlowDirection d) => d switch { FlowDirection.Inflow => "inflow", FlowDirection.Outflow => "outflow", _ => "flat" };

    private static string Kind(RotationKind k) => k switch
    {
        RotationKind.Rotation => "rotation",
        RotationKind.Reverse => "reverse rotation",
        RotationKind.BothInflow => "both took money",
        RotationKind.BothOutflow => "both lost money",
        _ => "flat",
    };
}
