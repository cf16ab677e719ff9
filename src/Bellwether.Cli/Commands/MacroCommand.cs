using System.CommandLine;
using Bellwether.Core.Measurements.FedPath;
using Bellwether.Core.Measurements.NetLiquidity;
using Bellwether.Core.Series;
using Bellwether.Core.Statistics.FedPolicy;
using Bellwether.Core.Statistics.Liquidity;
using Bellwether.Core.Statistics.MoneySupply;
using Bellwether.Data.Store;
using Spectre.Console;

namespace Bellwether.Cli.Commands;

/// <summary><c>bellwether macro [--as-of] [--weeks N]</c>: the fed funds path, net liquidity and M2 growth.</summary>
internal static class MacroCommand
{
    /// <summary>The series the fed path and net liquidity measurements read by default, named once there.</summary>
    private static readonly FedPathOf Fed = new FedPathMeasurement().Defaults;

    private static readonly NetLiquidityOf Liquidity = new NetLiquidityMeasurement().Defaults;

    public static Command Create()
    {
        var asOf = new Option<string?>("--as-of") { Description = "Use only observations dated on or before this date (yyyy-MM-dd; default: the latest observation)" };
        var weeks = new Option<int>("--weeks") { Description = "Weeks of net liquidity to list", DefaultValueFactory = _ => 13 }.Between(0, 5_200);
        var command = new Command("macro", $"Fed funds path ({Fed.Series}), net liquidity ({Liquidity.TotalAssets} − " +
            $"{Liquidity.TreasuryAccount} − {Liquidity.ReverseRepo}) and M2 growth (M2SL)") { asOf, weeks };
        command.SetAction(parse =>
        {
            var asOfDate = StoreAccess.Date(parse, asOf);
            int listWeeks = parse.GetValue(weeks);
            using var store = StoreAccess.OpenForRead(parse);
            DailySeries Load(string id) => store.FindInstrument(id) is null
                ? throw new KeyNotFoundException($"no instrument '{id}' in the store: import the FRED series {id} first")
                : StoreAccess.Series(parse, store, id, asOfDate);
            var (dff, assets, treasury, repo, m2) = (Load(Fed.Series), Load(Liquidity.TotalAssets),
                Load(Liquidity.TreasuryAccount), Load(Liquidity.ReverseRepo), Load("M2SL"));
            var date = asOfDate ?? new[] { dff, assets, treasury, repo, m2 }.Where(s => s.Count > 0).Max(s => s.Dates[^1]);
            var fed = FedFundsPath.AsOf(dff, date);
            var liquidity = NetLiquidity.Compute(assets, treasury, repo, date);
            var money = MoneySupplyGrowth.AsOf(m2, date);
            var listed = liquidity.Weeks.Skip(Math.Max(0, liquidity.Weeks.Count - listWeeks)).ToList();
            var listedFrom = listed.Count > 0 ? listed[0].Date : date;
            var skippedListed = liquidity.Skipped.Where(s => s.Date >= listedFrom).ToList();
            var latest = liquidity.Latest;
            string trend = (latest?.Trend ?? LiquidityTrend.Unknown).ToString().ToLowerInvariant();
            if (parse.GetValue(Cli.Json))
            {
                Output.WriteJson(parse, new
                {
                    as_of = date,
                    fed = fed is null ? null : new
                    {
                        series = dff.Instrument.Id, rate_date = fed.RateDate, rate = fed.Rate, last_change = fed.LastChange,
                        days_since_last_change = fed.DaysSinceLastChange, cuts_6m = fed.Cuts6M, hikes_6m = fed.Hikes6M,
                        cuts_12m = fed.Cuts12M, hikes_12m = fed.Hikes12M, net_change_12m = fed.NetChange12M, regime = fed.Regime,
                        pending = fed.Pending, changes_12m = fed.Changes12M, parameters = FedPathParameters.Default,
                    },
                    net_liquidity = latest is null ? null : new
                    {
                        unit = "USD billions", date = latest.Date, value = latest.Value, change_4w = latest.Change4W, change_13w = latest.Change13W,
                        trend, total_assets = latest.TotalAssets, treasury_account = latest.TreasuryAccount, reverse_repo = latest.ReverseRepo,
                        inputs = new[] { assets, treasury, repo }.Select(s => new { id = s.Instrument.Id, unit = s.Instrument.QuoteUnit }),
                        weeks = listed, skipped_weeks = skippedListed, skipped_total = liquidity.Skipped.Count,
                        first_week = liquidity.Weeks.Count > 0 ? liquidity.Weeks[0].Date : (DateOnly?)null,
                    },
                    m2 = money is null ? null : new { series = m2.Instrument.Id, unit = m2.Instrument.QuoteUnit, date = money.Date, level = money.Level, year_ago = money.YearAgo, yoy = money.YearOnYear },
                });
                return Cli.Ok;
            }
            var console = Output.Console(parse);
            if (fed is not null)
            {
                var last = fed.LastChange;
                console.MarkupLine(Markup.Escape($"Fed funds (effective, {dff.Instrument.Id}) {fed.Rate:0.00}% on {fed.RateDate:yyyy-MM-dd}: " +
                    (last is null ? "no move found. " : $"last move {(last.IsCut ? "a cut" : "a hike")} of {Math.Abs(last.Size) * 100:0} bp effective {last.Date:yyyy-MM-dd}. ") +
                    $"{fed.Cuts6M} cut(s) and {fed.Hikes6M} hike(s) in 6 months, {fed.Cuts12M} and {fed.Hikes12M} in 12; regime: {Words(fed.Regime)}."));
                if (fed.Pending is { } p)
                    console.MarkupLine(Markup.Escape($"A move may be under way: {p.Observations} day(s) at {p.Latest:0.00}% since {p.Date:yyyy-MM-dd} (was {p.Before:0.00}%), not yet confirmed."));
            }
            if (latest is not null)
            {
                var table = new Table().Border(TableBorder.Simple).AddColumns(DrawdownCommand.Dated("week"), new("assets"), new("TGA"), new("RRP"),
                        new("net"), new("4w chg"), new("13w chg"))
                    .Caption("US$ billions");
                foreach (var w in listed)
                    table.AddRow($"{w.Date:yyyy-MM-dd}", Output.Number(Math.Round(w.TotalAssets, 1)), Output.Number(Math.Round(w.TreasuryAccount, 1)),
                        Output.Number(Math.Round(w.ReverseRepo, 1)), Output.Number(Math.Round(w.Value, 1)), Change(w.Change4W), Change(w.Change13W));
                console.Write(table);
                console.MarkupLine(Markup.Escape($"Net liquidity US$ {latest.Value:#,0} bn on {latest.Date:yyyy-MM-dd}: {Change(latest.Change4W)} bn over 4 weeks, {Change(latest.Change13W)} bn over 13 weeks ({trend})."));
                foreach (var s in skippedListed)
                    console.MarkupLine($"[yellow]{s.Date:yyyy-MM-dd} skipped: no value from {Markup.Escape(string.Join(", ", s.Missing))} that Wednesday[/]");
            }
            if (money is not null)
                console.MarkupLine(Markup.Escape($"M2 ({m2.Instrument.Id}) {money.Level:#,0} in {money.Date:yyyy-MM}: {money.YearOnYear:+0.0%;-0.0%} year on year."));
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

    private static string Change(double v) => double.IsNaN(v) ? "" : v.ToString("+#,0.0;-#,0.0;0.0", System.Globalization.CultureInfo.InvariantCulture);
}
