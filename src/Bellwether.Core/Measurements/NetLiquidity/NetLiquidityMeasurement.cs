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
        string[] ids = [o.TotalAssets, o.TreasuryAccount, o.ReverseRepo];
        var published = ids.Select(id => Inputs.Prefix(data, id, asOf, inputs)).ToList();
        if (published.Any(p => p is null)) return Measured.Missing<NetLiquidityReading>(inputs, asOf);
        // A week reads the rows dated that Wednesday and the weeks before it, and the rows published by asOf are the
        // first stored ones: the weeks up to the last Wednesday every input has reached are the weeks of what was
        // published, so one computation over the whole histories serves every date (a daily input, the reverse repo,
        // would otherwise cost one per day).
        var whole = data.SharedHistory(new WeeksKey(o), ids, d => new WholeWeeks(
            Statistics.Liquidity.NetLiquidity.Weeks(d.Series(ids[0])!, d.Series(ids[1])!, d.Series(ids[2])!)));
        var (weeks, refused) = (whole.Result.Series.Weeks, whole.Result.Refused);
        var reached = published.Min(p => p!.Value.LastDate!.Value);
        if (refused is { } r && r.Wednesday <= reached) throw new NotMeasurableException(r.Reason);
        int last = weeks.Count - 1;
        while (last >= 0 && (weeks[last].Date > reached || weeks[last].Date > asOf)) last--;
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
    private sealed record WeeksKey(NetLiquidityOf Inputs) : SharedKey<WholeWeeks>;

    /// <summary><see cref="Statistics.Liquidity.NetLiquidity.Weeks"/> of the whole histories.</summary>
    private sealed record WholeWeeks((NetLiquiditySeries Series, (DateOnly Wednesday, string Reason)? Refused) Result);
}

/// <summary>Net liquidity's last week on or before a date.</summary>
/// <param name="Latest">The week: level, 4- and 13-week changes (US$ bn) and trend.</param>
/// <param name="TrendSince">The first week of the current run of weeks with that trend.</param>
public sealed record NetLiquidityReading(NetLiquidityWeek Latest, DateOnly TrendSince);
