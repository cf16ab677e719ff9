using Bellwether.Core.Measurements;
using Bellwether.Core.Series;
using Bellwether.Core.Structure.Pivots;
using Bellwether.Core.Structure.Trendlines;
using static Bellwether.Core.Claims.ReadingText;

namespace Bellwether.Core.Claims.TrendlineBreak;

/// <summary>
/// "ETH/BTC broke out of a four-month downtrend": the descending resistance lines of the instrument (or the ratio of
/// two instruments' closes) as of the claim date (<see cref="TrendlineFinder"/>), for each lookback (6 and 12 months)
/// and pivot size (5 and 3 bars). Value: the duration in months, from the first anchor to the break, of the line broken
/// most recently within <c>recent_days</c> before the claim date; state <c>broken</c>, or <c>no_recent_break</c>
/// (value NaN) when no line broke in that span.
/// </summary>
public sealed class TrendlineBreakClaim : IClaimKind
{
    public string Name => "trendline";

    public IReadOnlyList<string> Aliases { get; } = ["trendline_break"];

    public string Description => "A recent break of a descending trendline, and how long the trend lasted (6/12-month lookback, 5/3-bar pivots)";

    public IReadOnlyList<MeasurementParameter> Parameters { get; } =
        ClaimParameters.Named("instrument", "denominator", "lookback_months", "pivot_bars", "recent_days");

    public void Validate(ClaimDefinition claim) => _ = Options(claim);

    private static (string Id, string? Denominator, int[] Months, int[] Pivots, int RecentDays) Options(ClaimDefinition c) =>
        (c.Required("instrument"), c.Parameters.TryGetValue("denominator", out var d) ? d : null, c.Integers("lookback_months", 1, 6, 12),
         c.Integers("pivot_bars", 1, 5, 3), c.Integers("recent_days", 1, 30)[0]);

    public IReadOnlyList<ClaimReading> Read(ClaimDefinition claim, ClaimData data)
    {
        var (id, denominator, months, pivots, recentDays) = Options(claim);
        string name = denominator is null ? id : $"{id}/{denominator}";
        var numerator = data.AsOfClaim.Series(id);
        var under = denominator is null ? null : data.AsOfClaim.Series(denominator);
        var inputs = denominator is null ? new List<DailySeries?> { numerator } : [numerator, under];
        var series = numerator is null || (denominator is not null && under is null) ? null
            : under is null ? numerator : RatioSeries.Of(numerator, under);
        var recentFrom = data.ClaimDate.AddDays(-recentDays);
        var readings = new List<ClaimReading>();
        foreach (int m in months)
            foreach (int p in pivots)
            {
                string label = $"{m}m lookback, {p}-bar pivots";
                string definition = $"Descending resistance lines of {name} (log scale, through {p}-bar pivot highs of the {m} months before {Day(data.ClaimDate)}): " +
                                    $"duration from the first anchor to the break of the line broken most recently on or after {Day(recentFrom)}";
                if (series is null || series.Count == 0)
                {
                    readings.Add(ClaimReading.NotMeasurable(label, definition, "months", $"no series for {name} in the data", data.Provenance([name])));
                    continue;
                }
                var parameters = new TrendlineParameters(m, new PivotParameters(p, p));
                var report = TrendlineFinder.AsOf(series, data.ClaimDate, TrendlineSide.Resistance, parameters);
                var line = report.Lines.Where(l => l.Break is { } b && b.Date >= recentFrom).MaxBy(l => l.Break!.Date);
                var window = (From: data.ClaimDate.AddMonths(-m), To: report.AsOf);
                var provenance = data.Provenance(inputs.OfType<DailySeries>().ToList(), window.From, window.To);
                string rule = $"a break: a close above the line × {1 + parameters.BreakBuffer:0.###}, within {recentDays} days before the claim date";
                if (line is null)
                {
                    var holding = report.Lines.Count > 0 ? report.Lines[^1] : null;
                    readings.Add(new ClaimReading(label, definition, true, double.NaN, "months", "no_recent_break", rule,
                        holding is null ? "no descending line in the lookback" : $"latest line from {Day(holding.FirstAnchor.Date)} {(holding.Break is { } hb ? $"broke on {Day(hb.Date)}" : "still holds")}",
                        provenance, Figures(("lines", report.Lines.Count)), Dates()));
                    continue;
                }
                var brk = line.Break!;
                readings.Add(new ClaimReading(label, definition, true, line.DurationMonths, "months", "broken", rule,
                    $"line from {Day(line.FirstAnchor.Date)} ({Number(line.FirstAnchor.Value, 6)}) through {Day(line.LastAnchor.Date)}, {Number(line.SlopePctPerMonth)}%/month, {line.Touches.Count} touches; broke on {Day(brk.Date)} (close {Number(brk.Close, 6)} vs line {Number(brk.LineValue, 6)})",
                    provenance,
                    Figures(("slope_pct_per_month", line.SlopePctPerMonth), ("touches", line.Touches.Count), ("break_close", brk.Close), ("line_at_break", brk.LineValue), ("lines", report.Lines.Count)),
                    Dates(("first_anchor", line.FirstAnchor.Date), ("last_anchor", line.LastAnchor.Date), ("break_date", brk.Date))));
            }
        return readings;
    }
}
