using Bellwether.Core.Claims;
using Bellwether.Core.Signals;
using Bellwether.Core.Statistics.Alignment;
using Bellwether.Core.Statistics.Correlation;
using Bellwether.Core.Statistics.Resampling;
using Bellwether.Core.Statistics.Returns;
using static Bellwether.Core.Claims.ReadingText;

namespace Bellwether.Core.Measurements.Correlation;

/// <summary>
/// "Since early 2024 X has shown a 0.75 correlation with Y": the <see cref="CorrelationMeasurement"/> of the two
/// instruments from <c>since</c> to the claim date (<see cref="ReturnAlignment"/>, then <see cref="Correlations"/> for
/// the rank correlations too), on price levels (daily closes on shared
/// dates) and on daily, weekly and monthly returns, log and simple. Value: r; figures: n, its Fisher-z 95% interval,
/// p-value, Spearman's rho and Kendall's tau-b. Nothing is forward-filled: series are resampled on their own and
/// joined on shared period keys.
/// </summary>
public sealed class CorrelationClaim : IClaimKind
{
    private static readonly string[] AllReadings =
        ["levels", "daily_log", "daily_simple", "weekly_log", "weekly_simple", "monthly_log", "monthly_simple"];

    private static readonly MeasurementParameter Readings = new("readings", string.Join(", ", AllReadings),
        "levels, daily_log, daily_simple, weekly_log, weekly_simple, monthly_log, monthly_simple: one reading each");

    private readonly CorrelationMeasurement _measurement = new();

    public string Name => _measurement.Name;

    public IReadOnlyList<string> Aliases => _measurement.Aliases;

    public string Description =>
        "Pearson correlation since a date: levels, and daily/weekly/monthly log and simple returns";

    public IReadOnlyList<MeasurementParameter> Parameters { get; } =
        [ReturnsParameters.A, ReturnsParameters.B, CorrelationMeasurement.Since, Readings];

    public void Validate(ClaimDefinition claim) => _ = Options(claim);

    private static (string A, string B, DateOnly From, string[] Readings) Options(ClaimDefinition c)
    {
        c.Required(CorrelationMeasurement.Since);
        var from = c.Date(CorrelationMeasurement.Since)!.Value;
        if (from >= c.Date) throw c.Problem("'since' must come before the claim date");
        return (c.Required(ReturnsParameters.A), c.Required(ReturnsParameters.B), from,
            c.Choices(Readings, AllReadings));
    }

    public IReadOnlyList<ClaimReading> Read(ClaimDefinition claim, ClaimData data)
    {
        var (idA, idB, from, names) = Options(claim);
        var readings = new List<ClaimReading>();
        foreach (var name in names)
        {
            var (frequency, kind) = Parse(name);
            string label = kind == ReturnKind.Levels ? "daily levels"
                : $"{Word(frequency)} {(kind == ReturnKind.LogReturns ? "log" : "simple")} returns";
            string definition = $"Pearson's r of {idA} and {idB} from {Day(from)} to {Day(data.ClaimDate)} on "
                + (kind == ReturnKind.Levels
                ? "daily closes on the dates both have (levels: inflated by common trends)"
                : $"{label}: each series resampled to {Word(frequency)} closes on its own, joined on shared periods, " +
                "returns between consecutive joined closes");
            var parameters = new CorrelationParameters(idA, idB, frequency, kind, WindowDays: 365, Since: from);
            var measured = _measurement.Measure(parameters, data.AsOfClaim, data.ClaimDate);
            if (measured.Result is not { } reading)
            {
                readings.Add(ClaimReading.NotMeasurable(label, definition, "r", measured.Why!,
                    data.Provenance([idA, idB])));
                continue;
            }
            var aligned = reading.Rows;
            var r = Correlations.Compute(aligned.Columns[0], aligned.Columns[1]);
            // A weekly or monthly row is keyed by its period's end, which can lie after the claim date; its data does
            // not.
            var last = aligned.Count > 0 && aligned.Dates[^1] < data.ClaimDate ? aligned.Dates[^1] : data.ClaimDate;
            var provenance = data.Provenance([data.AsOfClaim.Series(idA)!, data.AsOfClaim.Series(idB)!], from, last);
            var notes =
                new List<string> { $"n = {r.N}, 95% interval {Number(r.Ci95Low, 3)} to {Number(r.Ci95High, 3)}, " +
                $"Spearman {Number(r.Spearman, 3)}" };
            if (aligned.PartialLastPeriod) notes.Add(
                $"the last {Word(frequency)} period is incomplete on the claim date");
            if (aligned.DroppedRows > 0) notes.Add($"{aligned.DroppedRows} row(s) without a defined return left out");
            readings.Add(new ClaimReading(label, definition, true, r.Pearson, "r", null, null,
                string.Join("; ", notes), provenance,
                Figures(("n", r.N), ("ci95_low", r.Ci95Low), ("ci95_high", r.Ci95High), ("p_value", r.PValue),
                    ("spearman", r.Spearman),
                    ("kendall", r.Kendall), ("partial_last_period", aligned.PartialLastPeriod ? 1 : 0)),
                Dates(("first", aligned.Start), ("last_period", aligned.Count > 0 ? aligned.Dates[^1] : null))));
        }
        return readings;
    }

    private static (Frequency, ReturnKind) Parse(string name) => name switch
    {
        "levels" => (Frequency.Daily, ReturnKind.Levels),
        _ => (name.StartsWith("weekly") ? Frequency.Weekly : name.StartsWith("monthly") ? Frequency.Monthly
            : Frequency.Daily,
              name.EndsWith("_log") ? ReturnKind.LogReturns : ReturnKind.SimpleReturns),
    };

    private static string Word(Frequency f) =>
        f switch { Frequency.Weekly => "weekly", Frequency.Monthly => "monthly", _ => "daily" };
}
