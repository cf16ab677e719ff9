using Bellwether.Core.Board;
using Bellwether.Core.Charts;
using Bellwether.Core.Signals;
using Bellwether.Core.Statistics.Liquidity;

namespace Bellwether.Core.Measurements.NetLiquidity;

/// <summary>
/// <c>net_liquidity</c>: Fed total assets − Treasury General Account − reverse repo on the Wednesday grid
/// (<see cref="Statistics.Liquidity.NetLiquidity.Compute"/>), its last week on or before a date with the week its
/// trend began. Amounts in US$ billions.
/// </summary>
public sealed class NetLiquidityMeasurement : Measurement<NetLiquidityOf, NetLiquidityReading>
{
    public static readonly MeasurementParameter Assets = new("assets", "WALCL",
        "Fed total assets series (a US$ amount)");
    public static readonly MeasurementParameter Treasury = new("treasury", "WTREGEN",
        "Treasury General Account series");
    public static readonly MeasurementParameter ReverseRepo = new("reverse_repo", "RRPONTSYD",
        "overnight reverse repo series");

    public override string Name => "net_liquidity";
    public override IReadOnlyList<MeasurementParameter> Parameters { get; } = [Assets, Treasury, ReverseRepo];

    public override NetLiquidityOf Parse(IParameterValues values) => values.Build(() =>
        new NetLiquidityOf(values.Text(Assets), values.Text(Treasury), values.Text(ReverseRepo)));

    public override Measured<NetLiquidityReading> Measure(NetLiquidityOf o, IMarketData data, DateOnly asOf)
    {
        var inputs = new List<SignalInput>();
        var series = new[] { o.TotalAssets, o.TreasuryAccount, o.ReverseRepo }
            .Select(id => Inputs.Series(data, id, asOf, inputs)).ToList();
        if (series.Any(s => s is null)) return Measured.Missing<NetLiquidityReading>(inputs, asOf);
        // A week uses the inputs dated that Wednesday and the weeks before it, so one computation over the whole
        // history serves every date: the reading as of a date is its last week on or before it.
        var weeks = data.Shared(new WeeksKey(o),
            _ => Statistics.Liquidity.NetLiquidity.Compute(series[0]!, series[1]!, series[2]!)).Weeks;
        int last = weeks.Count - 1;
        while (last >= 0 && weeks[last].Date > asOf) last--;
        if (last < 0)
            return Measured.NotMeasurable<NetLiquidityReading>(
                $"no Wednesday on or before {Say.Date(asOf)} has all three inputs", inputs);
        int run = last;
        while (run > 0 && weeks[run - 1].Trend == weeks[last].Trend) run--;
        return Measured.Of(new NetLiquidityReading(weeks[last], weeks[run].Date), inputs);
    }

    /// <summary>Net liquidity beside the rate (<see cref="FedAndLiquidityChart"/>, drawn once for both).</summary>
    public override Chart? Chart(NetLiquidityOf o, ChartContext context) => FedAndLiquidityChart.Draw(context);

    /// <summary>The weeks of the three inputs' whole histories.</summary>
    private sealed record WeeksKey(NetLiquidityOf Inputs) : SharedKey<NetLiquiditySeries>;
}

/// <summary>Net liquidity's last week on or before a date.</summary>
/// <param name="Latest">The week: level, 4- and 13-week changes (US$ bn) and trend.</param>
/// <param name="TrendSince">The first week of the current run of weeks with that trend.</param>
public sealed record NetLiquidityReading(NetLiquidityWeek Latest, DateOnly TrendSince);
