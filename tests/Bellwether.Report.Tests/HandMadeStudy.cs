using Bellwether.Core.Backtest.Rotation;
using Bellwether.Core.Study.Basket;
using Bellwether.Core.Study.Events;
using Bellwether.Core.Study.Paths;

namespace Bellwether.Report.Tests;

/// <summary>Small hand-made study inputs for the report's study charts and section: paths, assets, a readiness, events.</summary>
internal sealed class HandMadeStudy(int days)
{
    public static readonly DateOnly Day0 = new(2024, 1, 1);

    /// <summary>The last day of the paths.</summary>
    public DateOnly Last => Day0.AddDays(days - 1);

    public CalendarPath Path(string id, Func<int, double> f, PathMeasure m = PathMeasure.Return) =>
        new(id, "USD", m, Day0, [.. Enumerable.Range(0, days).Select(f)]);

    /// <summary>BTC rising, ETH flat with a weekly wobble, a basket compounding 0.5% a day, a constant ETH/BTC, the index cycling.</summary>
    public StudyAssets Assets() => new(
        Path("BTC", d => 100 + d), Path("ETH", d => 50 + d % 7),
        new AltcoinBasketResult(new AltcoinBasketParameters(), Path(AltcoinBasket.Id, d => 100 * Math.Pow(1.005, d)), new int[days], new int[days], 0, 0),
        Path("ETH/BTC", d => 0.05), Path(StudyAssets.AltSeasonId, d => d % 100, PathMeasure.Change));

    /// <summary>The rotation backtest on a readiness of 80 for ten days, then 20 for ten, and so on.</summary>
    public BacktestReport Backtest(StudyAssets assets) =>
        Backtester.Run(Path("R", d => d % 20 < 10 ? 80 : 20, PathMeasure.Change), assets, BacktestParameters.Default);

    /// <summary>Events on the given days after <see cref="Day0"/>.</summary>
    public sealed class Fixed(params int[] days) : IEventSource
    {
        public string Id => "fixed";
        public string Description => "fixed event";
        public IReadOnlyList<StudyEvent> Events(DateOnly asOf) => [.. days.Select(d => new StudyEvent(Id, Day0.AddDays(d), "e")).Where(e => e.Date <= asOf)];
    }
}
