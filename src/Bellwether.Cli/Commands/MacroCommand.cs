using System.CommandLine;
using Bellwether.Api;
using Bellwether.Core.Measurements.FedPath;
using Bellwether.Core.Measurements.NetLiquidity;
using Bellwether.Core.Statistics.FedPolicy;
using Bellwether.Core.Text;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary><c>bellwether macro [--as-of] [--weeks N]</c>: the fed funds path, net liquidity and M2 growth.</summary>
internal static class MacroCommand
{
    private static readonly FedPathOf Fed = MacroAnswer.FedSeries;

    private static readonly NetLiquidityOf Liquidity = MacroAnswer.LiquiditySeries;

    public static Command Create()
    {
        var asOf =
            new Option<string?>("--as-of")
            {
                Description =
                "Use only observations dated on or before this date (yyyy-MM-dd; default: the latest observation)"
            };
        var weeks = new Option<int>("--weeks")
        {
            Description = "Weeks of net liquidity to list",
            DefaultValueFactory = _ => MacroAnswer.DefaultWeeks
        }.Between(0, MacroAnswer.MaxWeeks);
        var command = new Command("macro", $"Fed funds path ({Fed.Series}), net liquidity ({Liquidity.TotalAssets} − " +
            $"{Liquidity.TreasuryAccount} − {Liquidity.ReverseRepo}) and M2 growth ({MacroAnswer.MoneySeries})") { asOf,
            weeks };
        command.SetAction(parse =>
        {
            var asOfDate = StoreAccess.Date(parse, asOf);
            using var store = StoreAccess.OpenForRead(parse);
            var answer = MacroAnswer.Of(store, !parse.GetValue(Cli.IgnoreReleaseLags), asOfDate, parse.GetValue(weeks));
            if (parse.GetValue(Cli.Json))
            {
                Output.WriteJson(parse, answer.Json());
                return Cli.Ok;
            }
            var (fed, latest, money, dff, m2) = (answer.Fed, answer.Liquidity.Latest, answer.M2, answer.Rate,
                answer.Money);
            var (listed, skippedListed, trend) = (answer.Listed, answer.SkippedListed, answer.Trend);
            var console = Output.Console(parse);
            if (fed is not null)
            {
                var last = fed.LastChange;
                console.Sentence(
                    $"Fed funds (effective, {dff.Instrument.Id}) {Rate(fed.Rate)} on {fed.RateDate:yyyy-MM-dd}: " +
                    (last is null ? "no move found. " : $"last move {(last.IsCut ? "a cut" : "a hike")} of " +
                        $"{ValueText.Level(Math.Abs(last.Size) * 100, ValueKind.BasisPoints)} effective " +
                        $"{last.Date:yyyy-MM-dd}. ") +
                    $"{fed.Cuts6M} cut(s) and {fed.Hikes6M} hike(s) in 6 months, {fed.Cuts12M} and {fed.Hikes12M} in " +
                    $"12; regime: {Words(fed.Regime)}.");
                if (fed.Pending is { } p)
                    console.Sentence($"A move may be under way: {p.Observations} day(s) at {Rate(p.Latest)} " +
                                                     $"since {p.Date:yyyy-MM-dd} (was {Rate(p.Before)}), not yet " +
                                                     "confirmed.");
            }
            if (latest is not null)
            {
                var table = new Table().Border(TableBorder.Simple)
                    .AddColumns(DrawdownCommand.Dated("week"), new("assets"), new("TGA"), new("RRP"),
                        new("net"), new("4w chg"), new("13w chg"))
                    .Caption("US$ billions");
                foreach (var w in listed)
                    table.AddRow($"{w.Date:yyyy-MM-dd}", MacroAnswer.LevelCell(w.TotalAssets),
                        MacroAnswer.LevelCell(w.TreasuryAccount),
                        MacroAnswer.LevelCell(w.ReverseRepo), MacroAnswer.LevelCell(w.Value),
                        MacroAnswer.ChangeCell(w.Change4W), MacroAnswer.ChangeCell(w.Change13W));
                console.Write(table);
                console.Sentence($"Net liquidity {ValueText.Level(latest.Value, ValueKind.UsdBillions)} on " +
                    $"{latest.Date:yyyy-MM-dd}: {ValueText.Of(latest.Change4W, ValueKind.UsdBillions)} over 4 weeks, " +
                    $"{ValueText.Of(latest.Change13W, ValueKind.UsdBillions)} over 13 weeks ({trend}).");
                foreach (var s in skippedListed)
                    console.MarkupLine(
                        $"[yellow]{s.Date:yyyy-MM-dd} skipped: no value from " +
                        $"{Markup.Escape(string.Join(", ", s.Missing))} that Wednesday[/]");
            }
            if (money is not null)
                console.Sentence($"M2 ({m2.Instrument.Id}) {ValueText.Number(money.Level, "#,0")} in " +
                    $"{money.Date:yyyy-MM}: {ValueText.Of(money.YearOnYear, ValueKind.FractionPercent)} year on year.");
            return Cli.Ok;
        });
        return command;
    }

    private static string Words(FedRegime regime) => regime switch
    {
        FedRegime.Easing => "easing",
        FedRegime.Tightening => "tightening",
        _ => "on hold",
    };

    private static string Rate(double percent) => ValueText.Of(percent, ValueKind.Rate);
}
