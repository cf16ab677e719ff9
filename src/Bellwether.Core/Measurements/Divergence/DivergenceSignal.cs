using Bellwether.Core.Board;
using Bellwether.Core.Signals;

namespace Bellwether.Core.Measurements.Divergence;

/// <summary>
/// The <see cref="DivergenceMeasurement"/> as a signal. Value: the gap between the two drawdowns in percentage points
/// (index drawdown − crypto drawdown; 28.4 = crypto is 28.4 points further below its peak). Label: <c>diverging</c>
/// since the episode began, or <c>not_diverging</c> since the last episode ended. The two drawdown fields are
/// fractions, as the <c>drawdown</c> signal's (percent until units version 3, docs/thesis.md "Units").
/// </summary>
public sealed class DivergenceSignal() : MeasurementSignal<DivergenceOf, DivergenceReading>(new DivergenceMeasurement())
{
    public override string Description =>
        "Risk-on index near its high while crypto is deep in drawdown: the drawdown gap (percentage points)";
    public override IReadOnlyList<string> Labels { get; } = ["diverging", "not_diverging"];
    public override IReadOnlyList<string> Fields { get; } =
        ["index_drawdown", "crypto_drawdown", "episode_days", "episodes"];

    /// <summary>A drawdown is a fraction from −1 to 0: a threshold outside that was written in the percent of units
    /// version 2.</summary>
    public override IReadOnlyDictionary<string, ValueRange> Ranges { get; } = new Dictionary<string, ValueRange>
    {
        ["index_drawdown"] = Fraction,
        ["crypto_drawdown"] = Fraction,
    };

    public override IReadOnlyDictionary<string, string> FieldUnits { get; } = new Dictionary<string, string>
    {
        ["index_drawdown"] = "fraction",
        ["crypto_drawdown"] = "fraction",
    };

    private static readonly ValueRange Fraction = new(-1, 0,
        "a drawdown is a fraction from -1 to 0 since units version 3 (-0.05 = 5% below the peak): write -5% or -0.05");

    protected override SignalReading Reading(DivergenceOf o, DivergenceReading r, IReadOnlyList<SignalInput> inputs,
        IMarketData data, bool explain)
    {
        var day = r.Day;
        var fields = new Dictionary<string, double>
        {
            ["index_drawdown"] = day.IndexDrawdown,
            ["crypto_drawdown"] = day.CryptoDrawdown,
            ["episode_days"] = day.Active ? r.RunDays : 0,
            ["episodes"] = r.Episodes,
        };
        return new SignalReading(true, (day.IndexDrawdown - day.CryptoDrawdown) * 100,
            day.Active ? "diverging" : "not_diverging", r.Since, explain ? Sentence() : "", r.First, day.Date, inputs,
            fields, "pp");

        string Sentence()
        {
            string where = $"{o.Index} {Say.Pct(day.IndexDrawdown * 100)} below its peak, " +
                           $"{o.Crypto} {Say.Pct(day.CryptoDrawdown * 100)} below its own";
            return day.Active
                ? $"{Say.Date(day.Date)}: {where}: {o.Index} near its high while {o.Crypto} is deep in drawdown " +
                  $"since {Say.Date(r.Since)} ({r.RunDays} shared days)."
                : $"{Say.Date(day.Date)}: {where}: no divergence (near = within " +
                  $"{Say.Pct(o.Thresholds.NearHigh * 100)}, deep = beyond {Say.Pct(o.Thresholds.DeepDrawdown * 100)}).";
        }
    }
}
