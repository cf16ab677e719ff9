using Bellwether.Core.Board;
using Bellwether.Core.Measurements;
using Bellwether.Core.Statistics.Divergence;
using Bellwether.Core.Statistics.Drawdown;

namespace Bellwether.Core.Signals.Divergence;

/// <summary>
/// <c>divergence</c>: a risk-on index near its high while a crypto asset is deep in drawdown, read by
/// <see cref="RiskOnDivergence.Compute"/>. Value: the gap between the two drawdowns in percentage points (index
/// drawdown − crypto drawdown; 28.4 = crypto is 28.4 points further below its peak). Label: <c>diverging</c> since the
/// episode began, or <c>not_diverging</c> since the last episode ended.
/// The core's divergence is causal day by day, so it is computed once over the whole history and read at each date.
/// </summary>
public sealed class DivergenceSignal : SignalKind<DivergenceSignalOptions>
{
    private static readonly MeasurementParameter Index = new("index", "RUT", "risk-on index series");
    private static readonly MeasurementParameter Crypto = new("crypto", "BTC", "crypto series");
    private static readonly MeasurementParameter NearHighPct = new("near_high_pct", "5",
        "the index is near its high when at most this many percent below its peak");
    private static readonly MeasurementParameter DeepDrawdownPct = new("deep_drawdown_pct", "20",
        "crypto is deep in drawdown when more than this many percent below its peak");
    private static readonly MeasurementParameter By = new("by", "close", "peaks by close or by high: close | high");

    public override string Name => "divergence";
    public override string Description => "Risk-on index near its high while crypto is deep in drawdown: the drawdown gap (percentage points)";
    public override IReadOnlyList<MeasurementParameter> Parameters { get; } =
        [Index, Crypto, NearHighPct, DeepDrawdownPct, By];
    public override IReadOnlyList<string> Labels { get; } = ["diverging", "not_diverging"];
    public override IReadOnlyList<string> Fields { get; } = ["index_drawdown", "crypto_drawdown", "episode_days", "episodes"];

    protected override DivergenceSignalOptions Parse(SignalSpec spec)
    {
        var p = new DivergenceParameters(spec.Number(NearHighPct) / 100, spec.Number(DeepDrawdownPct) / 100,
            spec.Choice(By, "close", "high") == "high" ? DrawdownBasis.High : DrawdownBasis.Close);
        p.Validate();
        return new DivergenceSignalOptions(spec.Text(Index), spec.Text(Crypto), p);
    }

    protected override SignalReading Read(DivergenceSignalOptions o, IMarketData data, DateOnly asOf)
    {
        var inputs = new List<SignalInput>();
        var index = Inputs.Series(data, o.Index, asOf, inputs);
        var crypto = Inputs.Series(data, o.Crypto, asOf, inputs);
        if (index is null || crypto is null) return Inputs.Missing(inputs, asOf);
        // Each day's drawdowns use rows up to that day only, so one computation over the whole history serves every
        // date: the reading as of a date is its last shared day on or before it, and the run of days before it.
        var result = data.Shared($"divergence:{o.Index}:{o.Crypto}:{Keys.Of(o.Thresholds)}", _ => RiskOnDivergence.Compute(index, crypto, null, o.Thresholds));
        var days = result.Days;
        int last = LastOnOrBefore(days, asOf);
        if (last < 0)
            return SignalReading.NotMeasurable($"{o.Index} and {o.Crypto} share no day with a close on or before {Say.Date(asOf)}", inputs);
        int run = last;
        while (run > 0 && days[run - 1].Active == days[last].Active) run--;
        return Reading(o, days[last], days[run].Date, last - run + 1, result.Episodes.Count(e => e.Start <= days[last].Date),
            days[0].Date, inputs);
    }

    /// <summary>
    /// The reading of the latest shared <paramref name="day"/>, whose state has held for <paramref name="runDays"/>
    /// shared days since <paramref name="since"/>, after <paramref name="episodes"/> episodes begun by then and from
    /// the first shared day <paramref name="first"/>.
    /// </summary>
    internal static SignalReading Reading(DivergenceSignalOptions o, DivergenceDay day, DateOnly since, int runDays,
        int episodes, DateOnly first, List<SignalInput> inputs)
    {
        string where = $"{o.Index} {Say.Pct(day.IndexDrawdown * 100)} below its peak, {o.Crypto} {Say.Pct(day.CryptoDrawdown * 100)} below its own";
        string sentence = day.Active
            ? $"{Say.Date(day.Date)}: {where}: {o.Index} near its high while {o.Crypto} is deep in drawdown since {Say.Date(since)} ({runDays} shared days)."
            : $"{Say.Date(day.Date)}: {where}: no divergence (near = within {Say.Pct(o.Thresholds.NearHigh * 100)}, deep = beyond {Say.Pct(o.Thresholds.DeepDrawdown * 100)}).";
        var fields = new Dictionary<string, double>
        {
            ["index_drawdown"] = day.IndexDrawdown * 100,
            ["crypto_drawdown"] = day.CryptoDrawdown * 100,
            ["episode_days"] = day.Active ? runDays : 0,
            ["episodes"] = episodes,
        };
        return new SignalReading(true, (day.IndexDrawdown - day.CryptoDrawdown) * 100, day.Active ? "diverging" : "not_diverging", since,
            sentence, first, day.Date, inputs, fields, "pp");
    }

    private static int LastOnOrBefore(IReadOnlyList<DivergenceDay> days, DateOnly asOf)
    {
        int lo = 0, hi = days.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (days[mid].Date <= asOf) lo = mid + 1; else hi = mid - 1;
        }
        return hi;
    }
}
