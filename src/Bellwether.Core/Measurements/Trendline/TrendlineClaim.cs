using Bellwether.Core.Claims;
using Bellwether.Core.Structure.Trendlines;
using static Bellwether.Core.Claims.ReadingText;

namespace Bellwether.Core.Measurements.Trendline;

/// <summary>
/// "ETH/BTC broke out of a four-month downtrend": the descending resistance lines of the instrument (or the ratio of
/// two instruments' closes) as of the claim date (<see cref="TrendlineMeasurement"/>), for each lookback (6 and 12
/// months) and pivot size (5 and 3 bars). Value: the duration in months, from the first anchor to the break, of the
/// line broken most recently within <c>recent_days</c> before the claim date; state <c>broken</c>, or
/// <c>no_recent_break</c> (value NaN) when no line broke in that span.
/// </summary>
public sealed class TrendlineClaim : IClaimKind
{
    private static readonly MeasurementParameter Denominator = new("denominator", "",
        "divides the series' closes by this instrument's (the same as series: A/B)");

    private static readonly MeasurementParameter LookbackMonths =
        TrendlineMeasurement.LookbackMonths with { Default = "6, 12" };

    private static readonly MeasurementParameter PivotBars = TrendlineMeasurement.PivotBars with { Default = "5, 3" };

    private static readonly MeasurementParameter RecentDays = new("recent_days", "30",
        "a break counts when it is at most this many days before the claim date");

    private readonly TrendlineMeasurement _measurement = new();

    public string Name => _measurement.Name;

    public IReadOnlyList<string> Aliases => _measurement.Aliases;

    public string Description => "A recent break of a descending trendline, and how long the trend lasted " +
                                 "(6/12-month lookback, 5/3-bar pivots)";

    public IReadOnlyList<MeasurementParameter> Parameters { get; } =
    [
        TrendlineMeasurement.SeriesId, Denominator, LookbackMonths, PivotBars, TrendlineMeasurement.BufferPct,
        TrendlineMeasurement.TouchPct, TrendlineMeasurement.MinTouches, RecentDays,
    ];

    public void Validate(ClaimDefinition claim)
    {
        var (name, months, pivots, _) = Options(claim);
        foreach (int m in months)
            foreach (int p in pivots)
                _ = claim.Build(() =>
                    new TrendlineOf(name, TrendlineSide.Resistance, TrendlineMeasurement.Lines(claim, m, p)));
    }

    private static (string Name, int[] Months, int[] Pivots, int RecentDays) Options(ClaimDefinition c)
    {
        var id = c.Required(TrendlineMeasurement.SeriesId);
        var denominator = c.Text(Denominator);
        return (denominator.Length > 0 ? $"{id}/{denominator}" : id, c.Integers(LookbackMonths, 1),
            c.Integers(PivotBars, 1), c.Integers(RecentDays, 1)[0]);
    }

    public IReadOnlyList<ClaimReading> Read(ClaimDefinition claim, ClaimData data)
    {
        var (name, months, pivots, recentDays) = Options(claim);
        var inputs = name.Split('/').Select(data.AsOfClaim.Series).OfType<Series.DailySeries>().ToList();
        var recentFrom = data.ClaimDate.AddDays(-recentDays);
        var readings = new List<ClaimReading>();
        foreach (int m in months)
            foreach (int p in pivots)
            {
                string label = $"{m}m lookback, {p}-bar pivots";
                string definition =
                    $"Descending resistance lines of {name} (log scale, through {p}-bar pivot highs of the {m} " +
                    $"months before {Day(data.ClaimDate)}): " +
                                    "duration from the first anchor to the break of the line broken most recently " +
                                    $"on or after {Day(recentFrom)}";
                var parameters = TrendlineMeasurement.Lines(claim, m, p);
                var measured = _measurement.Measure(new TrendlineOf(name, TrendlineSide.Resistance, parameters),
                    data.AsOfClaim, data.ClaimDate);
                if (measured.Result is not { } reading)
                {
                    readings.Add(ClaimReading.NotMeasurable(label, definition, "months", measured.Why!,
                        data.Provenance([name])));
                    continue;
                }
                var report = reading.Report;
                var line = report.Lines.Where(l => l.Break is { } b && b.Date >= recentFrom).MaxBy(l => l.Break!.Date);
                var window = (From: data.ClaimDate.AddMonths(-m), To: report.AsOf);
                var provenance = data.Provenance(inputs, window.From, window.To);
                string rule =
                    $"a break: a close above the line × {1 + parameters.BreakBuffer:0.###}, within {recentDays} days " +
                    "before the claim date";
                if (line is null)
                {
                    var holding = report.Lines.Count > 0 ? report.Lines[^1] : null;
                    readings.Add(new ClaimReading(label, definition, true, double.NaN, "months", "no_recent_break",
                        rule,
                        holding is null ? "no descending line in the lookback"
                        : $"latest line from {Day(holding.FirstAnchor.Date)} " +
                        $"{(holding.Break is { } hb ? $"broke on {Day(hb.Date)}" : "still holds")}",
                        provenance, Figures(("lines", report.Lines.Count)), Dates()));
                    continue;
                }
                var brk = line.Break!;
                readings.Add(new ClaimReading(label, definition, true, line.DurationMonths, "months", "broken", rule,
                    $"line from {Day(line.FirstAnchor.Date)} ({Number(line.FirstAnchor.Value, 6)}) through " +
                    $"{Day(line.LastAnchor.Date)}, {Number(line.SlopePctPerMonth)}%/month, {line.Touches.Count} " +
                    $"touches; broke on {Day(brk.Date)} (close {Number(brk.Close, 6)} vs line " +
                    $"{Number(brk.LineValue, 6)})",
                    provenance,
                    Figures(("slope_pct_per_month", line.SlopePctPerMonth), ("touches", line.Touches.Count),
                        ("break_close", brk.Close), ("line_at_break", brk.LineValue), ("lines", report.Lines.Count)),
                    Dates(("first_anchor", line.FirstAnchor.Date), ("last_anchor", line.LastAnchor.Date),
                        ("break_date", brk.Date))));
            }
        return readings;
    }
}
