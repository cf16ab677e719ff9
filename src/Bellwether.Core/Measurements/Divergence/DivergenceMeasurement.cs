using Bellwether.Core.Board;
using Bellwether.Core.Signals;
using Bellwether.Core.Statistics.Divergence;
using Bellwether.Core.Statistics.Drawdown;

namespace Bellwether.Core.Measurements.Divergence;

/// <summary>
/// <c>divergence</c>: a risk-on index near its high while a crypto asset is deep in drawdown
/// (<see cref="RiskOnDivergence.Compute"/>), read on the last shared day on or before a date with the run of days it
/// belongs to. Drawdowns are fractions (−0.284 = 28.4% below the peak). The thresholds are written in percent, as
/// the command line's <c>--near-high-pct</c> and <c>--deep-drawdown-pct</c>.
/// </summary>
public sealed class DivergenceMeasurement : Measurement<DivergenceOf, DivergenceReading>
{
    public static readonly MeasurementParameter Index = new("index", "RUT", "risk-on index series");
    public static readonly MeasurementParameter Crypto = new("crypto", "BTC", "crypto series");
    public static readonly MeasurementParameter NearHighPct = new("near_high_pct", "5",
        "the index is near its high when at most this many percent below its peak");
    public static readonly MeasurementParameter DeepDrawdownPct = new("deep_drawdown_pct", "20",
        "crypto is deep in drawdown when more than this many percent below its peak");
    public static readonly MeasurementParameter By = new("by", "close", "peaks by close or by high: close | high");

    public override string Name => "divergence";
    public override IReadOnlyList<MeasurementParameter> Parameters { get; } =
        [Index, Crypto, NearHighPct, DeepDrawdownPct, By];

    public override DivergenceOf Parse(IParameterValues values) => values.Build(() => new DivergenceOf(
        values.Text(Index), values.Text(Crypto),
        new DivergenceParameters(values.Number(NearHighPct) / 100, values.Number(DeepDrawdownPct) / 100,
            values.Choice(By, "close", "high") == "high" ? DrawdownBasis.High : DrawdownBasis.Close)));

    public override Measured<DivergenceReading> Measure(DivergenceOf o, IMarketData data, DateOnly asOf)
    {
        var inputs = new List<SignalInput>();
        var index = Inputs.Series(data, o.Index, asOf, inputs);
        var crypto = Inputs.Series(data, o.Crypto, asOf, inputs);
        if (index is null || crypto is null) return Measured.Missing<DivergenceReading>(inputs, asOf);
        // Each day's drawdowns use rows up to that day only, so one computation over the whole history serves every
        // date: the reading as of a date is its last shared day on or before it, and the run of days before it.
        var result = data.Shared(new DaysKey(o.Index, o.Crypto, o.Thresholds),
            _ => RiskOnDivergence.Compute(index, crypto, null, o.Thresholds));
        var days = result.Days;
        int last = LastOnOrBefore(days, asOf);
        if (last < 0)
            return Measured.NotMeasurable<DivergenceReading>(
                $"{o.Index} and {o.Crypto} share no day with a close on or before {Say.Date(asOf)}", inputs);
        var day = days[last];
        int run = last;
        while (run > 0 && days[run - 1].Active == day.Active) run--;
        return Measured.Of(new DivergenceReading(day, days[run].Date, last - run + 1,
            result.Episodes.Count(e => e.Start <= day.Date), days[0].Date), inputs);
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

    /// <summary>The days of both whole histories.</summary>
    private sealed record DaysKey(string Index, string Crypto, DivergenceParameters Thresholds)
        : SharedKey<DivergenceResult>;
}

/// <summary>The divergence on the last shared day on or before a date.</summary>
/// <param name="Day">That day's drawdowns (fractions) and whether it diverges.</param>
/// <param name="Since">The first day of the run of days with the same state.</param>
/// <param name="RunDays">Shared days in that run.</param>
/// <param name="Episodes">Episodes begun by that day.</param>
/// <param name="First">The first shared day.</param>
public sealed record DivergenceReading(DivergenceDay Day, DateOnly Since, int RunDays, int Episodes, DateOnly First);
