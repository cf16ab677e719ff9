using System.Globalization;
using Bellwether.Core.Claims;
using Bellwether.Core.Statistics.Drawdown;
using static Bellwether.Core.Claims.ReadingText;

namespace Bellwether.Core.Measurements.Drawdown;

/// <summary>
/// "Bitcoin remains 27% below its recent peak": the <see cref="DrawdownMeasurement"/> of the claim-date close, with
/// the peak taken by close and by intraday high (<c>by</c>), over all history and over the last 365 days
/// (<c>peak_windows</c>: <c>all</c> or a number of days). Value: close / peak − 1 (−0.27 = 27% below).
/// </summary>
public sealed class DrawdownClaim : IClaimKind
{
    private static readonly MeasurementParameter PeakWindows = new("peak_windows", "all, 365",
        "peaks over all history (all) and over this many days before the claim date");

    /// <summary>A claim reads the peak by close and by high unless it names one.</summary>
    private static readonly MeasurementParameter By = DrawdownMeasurement.By with { Default = "close, high" };

    private readonly DrawdownMeasurement _measurement = new();

    public string Name => _measurement.Name;

    public IReadOnlyList<string> Aliases => _measurement.Aliases;

    public string Description =>
        "Drawdown from the peak as of the claim date: peak by close and by high, all-time and trailing 365 days";

    public IReadOnlyList<MeasurementParameter> Parameters { get; } =
        [DrawdownMeasurement.Instrument, By, PeakWindows];

    public void Validate(ClaimDefinition claim) => _ = Options(claim);

    private static (string Id, DrawdownBasis[] Bases, int?[] Windows) Options(ClaimDefinition c)
    {
        var windows = c.Words(PeakWindows).Select(w =>
            w.Equals("all", StringComparison.OrdinalIgnoreCase) ? (int?)null
            : int.TryParse(w, NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) && d >= 1 ? d
            : throw c.Problem($"parameter 'peak_windows': '{w}' is neither 'all' nor a number of days")).ToArray();
        if (windows.Length == 0) throw c.Problem("parameter 'peak_windows' is empty");
        return (c.Required(DrawdownMeasurement.Instrument),
            c.Choices(By, "close", "high").Select(DrawdownMeasurement.Basis).ToArray(), windows);
    }

    public IReadOnlyList<ClaimReading> Read(ClaimDefinition claim, ClaimData data)
    {
        var (id, bases, windows) = Options(claim);
        var readings = new List<ClaimReading>();
        foreach (var days in windows)
            foreach (var basis in bases)
            {
                string word = basis == DrawdownBasis.High ? "high" : "close";
                string span = days is { } d ? $"{d}-day" : "all-time";
                string label = $"{span} peak by {word}";
                DateOnly? from = days is { } n ? data.ClaimDate.AddDays(-n) : null;
                string definition =
                    $"{id}'s last close on or before {Day(data.ClaimDate)} against its highest {word} " +
                                    (from is { } f ? $"since {Day(f)}" : "in all its history");
                var parameters = claim.Build(() => new DrawdownParameters(id, basis, from));
                var measured = _measurement.Measure(parameters, data.AsOfClaim, data.ClaimDate);
                if (measured.Result is not { } reading)
                {
                    readings.Add(ClaimReading.NotMeasurable(label, definition, "fraction", measured.Why!,
                        data.Provenance([id])));
                    continue;
                }
                var latest = reading.Latest;
                var series = data.AsOfClaim.Series(id)!;
                readings.Add(new ClaimReading(label, definition, true, latest.Drawdown, "fraction", null, null,
                    $"close {Number(latest.Close)} on {Day(latest.Date)}; peak {Number(latest.Peak)} on " +
                    $"{Day(latest.PeakDate)}" +
                    (reading.MissingCloses > 0 ? $"; {reading.MissingCloses} row(s) without a close left out" : ""),
                    data.Provenance([series], reading.From, latest.Date),
                    Figures(("close", latest.Close), ("peak", latest.Peak), ("days_since_peak", reading.DaysSincePeak)),
                    Dates(("close_date", latest.Date), ("peak_date", latest.PeakDate))));
            }
        return readings;
    }
}
