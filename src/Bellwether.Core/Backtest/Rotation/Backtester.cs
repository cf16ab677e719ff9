using Bellwether.Core.Backtest.Metrics;
using Bellwether.Core.Backtest.Portfolio;
using Bellwether.Core.Study.Basket;
using Bellwether.Core.Study.Paths;

namespace Bellwether.Core.Backtest.Rotation;

/// <summary>Runs the rotation and the benchmarks over the same days and measures each in- and out-of-sample.</summary>
public static class Backtester
{
    /// <summary>
    /// The rotation on <paramref name="readiness"/> against buy-and-hold BTC, ETH, the basket (when the rotation holds
    /// it) and 50/50 BTC/ETH, each named for a reader by <paramref name="names"/> (default: the study's own).
    /// </summary>
    /// <exception cref="InvalidOperationException">The inputs share fewer than three days.</exception>
    public static BacktestReport Run(CalendarPath readiness, StudyAssets assets, BacktestParameters parameters,
        AssetNames? names = null)
    {
        names ??= AssetNames.Study;
        var (from, split, to) = Span(readiness, assets, parameters);
        var basket = assets.Basket.Level;
        var held = RotationBacktest.Held(assets, parameters.Rotation);
        string bitcoin = names.Name(RotationParameters.Bitcoin), ether = names.Name("ETH");
        var runs = new List<(string Id, string Label, string Description, PortfolioRun Run, int Basket)>
        {
            ("rotation", "Rotation", Describe(parameters.Rotation, names),
                RotationBacktest.Run(readiness, held, assets.Btc, from, to, parameters.Rotation),
                RotationBacktest.BasketColumn),
            ("btc", names.Label(RotationParameters.Bitcoin), $"buy and hold {bitcoin}",
                Benchmarks.BuyAndHold(assets.Btc, from, to), -1),
        };
        if (assets.Eth is { } eth)
            runs.Add(("eth", names.Label("ETH"), $"buy and hold {ether}", Benchmarks.BuyAndHold(eth, from, to), -1));
        if (held == basket)
            runs.Add(("basket", names.Label(AltcoinBasket.Id),
                $"buy and hold {names.Name(AltcoinBasket.Id)} (top {assets.Basket.Parameters.TopCount} equal weight, " +
                "rebalanced daily)", Benchmarks.BuyAndHold(basket, from, to), 0));
        if (assets.Eth is { } e)
            runs.Add(("btc_eth_50_50", $"50/50 {names.Label(RotationParameters.Bitcoin)}–{names.Label("ETH")}",
                $"50% {bitcoin}, 50% {ether}, rebalanced at each month's last close",
                Benchmarks.HalfHalfMonthly(assets.Btc, e, from, to, parameters.Rotation.CostBp), -1));

        int s = split.DayNumber - from.DayNumber, last = to.DayNumber - from.DayNumber;
        var strategies = runs.Select(r => new StrategyResult(r.Id, r.Label, r.Description, r.Run,
            Performance.Of(r.Run, 0, last, r.Basket), Performance.Of(r.Run, 0, s, r.Basket),
            Performance.Of(r.Run, s, last, r.Basket))).ToList();
        var warnings = strategies.Where(x => x.Run.UnpricedDays > 0)
            .Select(x =>
                $"{x.Label}: {x.Run.UnpricedDays} days on which a held asset had no close (no move that day; the " +
                "next close's move covers the gap).")
            .ToList();
        int undefined = 0;
        for (var d = from.AddDays(-1); d < to; d = d.AddDays(1)) if (double.IsNaN(readiness.At(d))) undefined++;
        if (undefined > 0) warnings.Add(
            $"readiness was not measurable on {undefined} signal days: the rotation held its fallback then.");
        if (held == basket) warnings.AddRange(assets.Basket.Warnings(from, to, names));
        return new BacktestReport(from, split, to, parameters, strategies, warnings);
    }

    /// <summary>
    /// The span: from the first day every price path has a value and readiness has one the day before, to the last
    /// day every price path has one (or the given dates); the split after the in-sample fraction (or the given date).
    /// </summary>
    /// <exception cref="InvalidOperationException">Fewer than three days in common.</exception>
    public static (DateOnly From, DateOnly Split, DateOnly To) Span(CalendarPath readiness, StudyAssets assets,
        BacktestParameters p)
    {
        var prices = new[] { assets.Btc, assets.Eth, assets.Basket.Level }.OfType<CalendarPath>().ToList();
        var ranges = prices.Select(x => x.ValueRange).ToList();
        var signal = readiness.ValueRange;
        if (ranges.Any(r => r is null)
            || signal is null) throw new InvalidOperationException("a price path or readiness has no values");
        var from = p.From ?? new[] { signal.Value.First.AddDays(1) }.Concat(ranges.Select(r => r!.Value.First)).Max();
        var to = p.To ?? ranges.Select(r => r!.Value.Last).Min();
        if (to.DayNumber
            - from.DayNumber < 2) throw new InvalidOperationException(
            $"the inputs share too few days ({from:yyyy-MM-dd} to {to:yyyy-MM-dd})");
        var split = p.Split ?? from.AddDays((int)Math.Round((to.DayNumber - from.DayNumber) * p.InSampleFraction));
        split = DateOnly.FromDayNumber(Math.Clamp(split.DayNumber, from.DayNumber + 1, to.DayNumber - 1));
        return (from, split, to);
    }

    private static string Describe(RotationParameters p, AssetNames names) =>
        $"{names.Name(p.Hold)} while readiness ≥ {p.Threshold:0.#}, else {p.DescribeFallback(names)}; " +
        $"trades at the close after the signal; {p.CostBp:0.#} bp per side";
}
