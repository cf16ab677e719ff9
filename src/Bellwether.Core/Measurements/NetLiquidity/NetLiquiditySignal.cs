using Bellwether.Core.Board;
using Bellwether.Core.Signals;
using Bellwether.Core.Statistics.Liquidity;

namespace Bellwether.Core.Measurements.NetLiquidity;

/// <summary>
/// The <see cref="NetLiquidityMeasurement"/> as a signal. Value: the 13-week change in US$ billions. Label: the trend
/// (<see cref="NetLiquidityWeek.Trend"/>: <c>rising</c>, <c>falling</c>, <c>mixed</c>, <c>unknown</c>), since the
/// first week of the current run of weeks with that trend.
/// </summary>
public sealed class NetLiquiditySignal()
    : MeasurementSignal<NetLiquidityOf, NetLiquidityReading>(new NetLiquidityMeasurement())
{
    public override string Description =>
        "Net liquidity (WALCL − WTREGEN − RRPONTSYD, US$ bn): 13-week change and trend";
    public override IReadOnlyList<string> Labels { get; } = Say.Words<LiquidityTrend>();
    public override IReadOnlyList<string> Fields { get; } = ["level", "change_4w", "change_13w"];

    protected override SignalReading Reading(NetLiquidityOf o, NetLiquidityReading r, IReadOnlyList<SignalInput> inputs,
        IMarketData data, bool explain)
    {
        var latest = r.Latest;
        var fields = new Dictionary<string, double>
        {
            ["level"] = latest.Value,
            ["change_4w"] = latest.Change4W,
            ["change_13w"] = latest.Change13W,
        };
        return new SignalReading(true, latest.Change13W, Say.Word(latest.Trend), r.TrendSince,
            explain ? Sentence() : "", latest.Date.AddDays(-7 * 13), latest.Date, inputs, fields, "US$ bn");

        string Sentence() =>
            $"Net liquidity US$ {Say.Number(latest.Value, "#,##0")} bn on {Say.Date(latest.Date)}: " +
            $"{Say.Signed(latest.Change4W)} bn over 4 weeks, {Say.Signed(latest.Change13W)} bn over 13 weeks " +
            $"({Say.Word(latest.Trend)} since {Say.Date(r.TrendSince)}).";
    }
}
