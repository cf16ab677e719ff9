using Bellwether.Core.Measurements.FedPath;
using Bellwether.Core.Measurements.NetLiquidity;
using Bellwether.Core.Series;
using Bellwether.Core.Statistics.FedPolicy;
using Bellwether.Core.Statistics.Liquidity;
using Bellwether.Core.Statistics.MoneySupply;
using Bellwether.Core.Text;
using Bellwether.Data.Store;

namespace Bellwether.Api;

/// <summary>
/// The fed funds path, net liquidity and M2 growth as of a date: what <c>macro</c> prints and <c>GET /api/macro</c>
/// answers.
/// </summary>
/// <param name="Listed">The last weeks of net liquidity asked for, oldest first.</param>
/// <param name="SkippedListed">The weeks skipped (a missing input) among those listed.</param>
public sealed record MacroAnswer(DateOnly Date, DailySeries Rate, DailySeries TotalAssets, DailySeries TreasuryAccount,
    DailySeries ReverseRepo, DailySeries Money, FedPathReading? Fed, NetLiquiditySeries Liquidity, MoneyGrowthPoint? M2,
    IReadOnlyList<NetLiquidityWeek> Listed, IReadOnlyList<SkippedWeek> SkippedListed)
{
    /// <summary>The weeks listed unless asked, and the most (a century).</summary>
    public const int DefaultWeeks = 13, MaxWeeks = 5_200;

    /// <summary>The M2 series.</summary>
    public const string MoneySeries = "M2SL";

    /// <summary>The series the fed path and net liquidity measurements read by default, named once there.</summary>
    public static readonly FedPathOf FedSeries = new FedPathMeasurement().Defaults;

    public static readonly NetLiquidityOf LiquiditySeries = new NetLiquidityMeasurement().Defaults;

    /// <summary>Net liquidity's trend in one word (<c>rising</c>, <c>falling</c>, …).</summary>
    public string Trend => (Liquidity.Latest?.Trend ?? LiquidityTrend.Unknown).ToString().ToLowerInvariant();

    /// <summary>
    /// Reads the store as of <paramref name="asOf"/> (what was published by then, unless <paramref name="releaseLags"/>
    /// is false), or as of the latest observation; lists the last <paramref name="weeks"/> weeks of net liquidity.
    /// </summary>
    /// <exception cref="QueryException"><paramref name="weeks"/> out of range.</exception>
    /// <exception cref="KeyNotFoundException">A series is not in the store.</exception>
    public static MacroAnswer Of(BellwetherStore store, bool releaseLags, DateOnly? asOf, int weeks)
    {
        if (weeks is < 0 or > MaxWeeks) throw new QueryException("weeks", $"{weeks} is outside 0 to {MaxWeeks}");
        DailySeries Load(string id) => store.FindInstrument(id) is null
            ? throw new KeyNotFoundException($"no instrument '{id}' in the store: import the FRED series {id} first")
            : PublishedReads.Series(store, releaseLags, id, asOf);
        var (dff, assets, treasury, repo, m2) = (Load(FedSeries.Series), Load(LiquiditySeries.TotalAssets),
            Load(LiquiditySeries.TreasuryAccount), Load(LiquiditySeries.ReverseRepo), Load(MoneySeries));
        var date = asOf ?? new[] { dff, assets, treasury, repo, m2 }.Where(s => s.Count > 0).Max(s => s.Dates[^1]);
        var liquidity = NetLiquidity.Compute(assets, treasury, repo, date);
        var listed = liquidity.Weeks.Skip(Math.Max(0, liquidity.Weeks.Count - weeks)).ToList();
        var listedFrom = listed.Count > 0 ? listed[0].Date : date;
        return new MacroAnswer(date, dff, assets, treasury, repo, m2, FedFundsPath.AsOf(dff, date), liquidity,
            MoneySupplyGrowth.AsOf(m2, date), listed, liquidity.Skipped.Where(s => s.Date >= listedFrom).ToList());
    }

    /// <summary>The document (plain objects for <see cref="ApiJson.Options"/>).</summary>
    public object Json()
    {
        var (fed, latest, money) = (Fed, Liquidity.Latest, M2);
        return new
        {
            as_of = Date,
            fed = fed is null ? null : new
            {
                series = Rate.Instrument.Id, rate_date = fed.RateDate, rate = fed.Rate, last_change = fed.LastChange,
                days_since_last_change = fed.DaysSinceLastChange, cuts_6m = fed.Cuts6M, hikes_6m = fed.Hikes6M,
                cuts_12m = fed.Cuts12M, hikes_12m = fed.Hikes12M, net_change_12m = fed.NetChange12M,
                regime = fed.Regime,
                pending = fed.Pending, changes_12m = fed.Changes12M, parameters = FedPathParameters.Default,
                // What `macro` and the /macro page write (Core.Text.ValueText).
                rate_text = ValueText.Of(fed.Rate, ValueKind.Rate),
                last_change_text = fed.LastChange is { } c
                    ? ValueText.Level(Math.Abs(c.Size) * 100, ValueKind.BasisPoints) : null,
                pending_text = fed.Pending is { } p
                    ? new
                    {
                        latest = ValueText.Of(p.Latest, ValueKind.Rate),
                        before = ValueText.Of(p.Before, ValueKind.Rate)
                    } : null,
            },
            net_liquidity = latest is null ? null : new
            {
                unit = "USD billions", date = latest.Date, value = latest.Value, change_4w = latest.Change4W,
                change_13w = latest.Change13W, trend = Trend, total_assets = latest.TotalAssets,
                treasury_account = latest.TreasuryAccount, reverse_repo = latest.ReverseRepo,
                inputs = new[] { TotalAssets, TreasuryAccount, ReverseRepo }.Select(s =>
                    new { id = s.Instrument.Id, unit = s.Instrument.QuoteUnit }),
                weeks = Listed, skipped_weeks = SkippedListed, skipped_total = Liquidity.Skipped.Count,
                first_week = Liquidity.Weeks.Count > 0 ? Liquidity.Weeks[0].Date : (DateOnly?)null,
                value_text = ValueText.Level(latest.Value, ValueKind.UsdBillions),
                change_4w_text = ValueText.Of(latest.Change4W, ValueKind.UsdBillions),
                change_13w_text = ValueText.Of(latest.Change13W, ValueKind.UsdBillions),
                // The cells of the weeks' table, captioned in US$ billions.
                weeks_text = Listed.Select(w => new
                {
                    total_assets = LevelCell(w.TotalAssets), treasury_account = LevelCell(w.TreasuryAccount),
                    reverse_repo = LevelCell(w.ReverseRepo), value = LevelCell(w.Value),
                    change_4w = ChangeCell(w.Change4W),
                    change_13w = ChangeCell(w.Change13W),
                }),
            },
            m2 = money is null ? null : new
            {
                series = Money.Instrument.Id, unit = Money.Instrument.QuoteUnit, date = money.Date, level = money.Level,
                year_ago = money.YearAgo, yoy = money.YearOnYear,
                level_text = ValueText.Number(money.Level, "#,0"),
                yoy_text = ValueText.Of(money.YearOnYear, ValueKind.FractionPercent),
            },
        };
    }

    /// <summary>A level in a cell of a table captioned in US$ billions: digits only, empty for NaN.</summary>
    public static string LevelCell(double v) => double.IsNaN(v) ? "" : ValueText.Format(ValueKind.UsdBillions)
        .AsLevel.Number(v);

    /// <summary>A change in a cell of a table captioned in US$ billions: digits and sign, empty for NaN.</summary>
    public static string ChangeCell(double v) => double.IsNaN(v) ? "" : ValueText.Format(ValueKind.UsdBillions)
        .Number(v);
}
