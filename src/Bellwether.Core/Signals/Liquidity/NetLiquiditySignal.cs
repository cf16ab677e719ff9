using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Statistics.Liquidity;

namespace Bellwether.Core.Signals.Liquidity;

/// <summary>
/// <c>net_liquidity</c>: Fed total assets − Treasury General Account − reverse repo on the Wednesday grid, read by
/// <see cref="NetLiquidity.Compute"/>. Value: the 13-week change in US$ billions. Label: the trend
/// (<see cref="NetLiquidityWeek.Trend"/>: <c>rising</c>, <c>falling</c>, <c>mixed</c>, <c>unknown</c>), since the first
/// week of the current run of weeks with that trend.
/// </summary>
public sealed class NetLiquiditySignal : SignalKind<NetLiquiditySignalOptions>
{
    private static readonly MeasurementParameter Assets = new("assets", "WALCL",
        "Fed total assets series (a US$ amount)");
    private static readonly MeasurementParameter Treasury = new("treasury", "WTREGEN",
        "Treasury General Account series");
    private static readonly MeasurementParameter ReverseRepo = new("reverse_repo", "RRPONTSYD",
        "overnight reverse repo series");

    public override string Name => "net_liquidity";
    public override string Description => "Net liquidity (WALCL − WTREGEN − RRPONTSYD, US$ bn): 13-week change and trend";
    public override IReadOnlyList<MeasurementParameter> Parameters { get; } = [Assets, Treasury, ReverseRepo];
    public override IReadOnlyList<string> Labels { get; } = Say.Words<LiquidityTrend>();
    public override IReadOnlyList<string> Fields { get; } = ["level", "change_4w", "change_13w"];

    protected override NetLiquiditySignalOptions Parse(SignalSpec spec) => new(spec.Text(Assets), spec.Text(Treasury), spec.Text(ReverseRepo));

    protected override SignalReading Read(NetLiquiditySignalOptions o, IMarketData data, DateOnly asOf)
    {
        var inputs = new List<SignalInput>();
        var series = new[] { o.TotalAssets, o.TreasuryAccount, o.ReverseRepo }.Select(id => Inputs.Series(data, id, asOf, inputs)).ToList();
        if (series.Any(s => s is null)) return Inputs.Missing(inputs, asOf);
        // A week uses the inputs dated that Wednesday and the weeks before it, so one computation over the whole history
        // serves every date: the reading as of a date is its last week on or before it.
        var weeks = data.Shared($"net-liquidity:{Keys.Of(o)}", _ => NetLiquidity.Compute(series[0]!, series[1]!, series[2]!)).Weeks;
        int last = weeks.Count - 1;
        while (last >= 0 && weeks[last].Date > asOf) last--;
        if (last < 0) return SignalReading.NotMeasurable($"no Wednesday on or before {Say.Date(asOf)} has all three inputs", inputs);
        int run = last;
        while (run > 0 && weeks[run - 1].Trend == weeks[last].Trend) run--;
        return Reading(weeks[last], weeks[run].Date, inputs);
    }

    /// <summary>The reading of the latest complete week, whose trend has held since <paramref name="since"/>.</summary>
    internal static SignalReading Reading(NetLiquidityWeek latest, DateOnly since, List<SignalInput> inputs)
    {
        string sentence = $"Net liquidity US$ {Say.Number(latest.Value, "#,##0")} bn on {Say.Date(latest.Date)}: {Say.Signed(latest.Change4W)} bn over 4 weeks, " +
                          $"{Say.Signed(latest.Change13W)} bn over 13 weeks ({Say.Word(latest.Trend)} since {Say.Date(since)}).";
        var fields = new Dictionary<string, double>
        {
            ["level"] = latest.Value,
            ["change_4w"] = latest.Change4W,
            ["change_13w"] = latest.Change13W,
        };
        return new SignalReading(true, latest.Change13W, Say.Word(latest.Trend), since, sentence,
            latest.Date.AddDays(-7 * 13), latest.Date, inputs, fields, "US$ bn");
    }
}
