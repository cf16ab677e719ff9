using Bellwether.Core.Claims;
using Bellwether.Core.Measurements.Breakout;
using Bellwether.Core.Measurements.Drawdown;
using Bellwether.Core.Measurements.LevelRetest;
using Bellwether.Core.Series;
using Bellwether.Core.Statistics.Drawdown;
using Bellwether.Core.Structure.Breakout;
using Bellwether.Core.Structure.Resistance;
using static Bellwether.Core.Claims.ReadingText;

namespace Bellwether.Core.Measurements.MoveAfterBreakout;

/// <summary>
/// "X's breakout in late 2020 coincided with a 380% surge in Y": the leader's first breakout above its prior
/// multi-year high (3y and 5y lookbacks, by close) inside a window, then the follower's move from its close on that
/// day: to its subsequent peak within 12 or 24 months (peak by close and by high, <see cref="Drawdowns"/>' running
/// peak), and its return over fixed horizons (3, 6, 12 months). A reading whose span runs past the claim date is not
/// measurable; a lookback with no breakout in the window reads <c>no_breakout</c>.
/// </summary>
public sealed class MoveAfterBreakoutClaim : IClaimKind
{
    private static readonly MeasurementParameter Leader = new("leader", "", "the series that breaks out");
    private static readonly MeasurementParameter Follower = new("follower", "", "the series whose move is measured");
    private static readonly MeasurementParameter BreakoutFrom = new("breakout_from", "",
        "the first day the leader's breakout may fall on");
    private static readonly MeasurementParameter BreakoutTo = new("breakout_to", "",
        "the last day the leader's breakout may fall on");
    private static readonly MeasurementParameter LookbackYears = BreakoutMeasurement.LookbackYears with
    {
        Default = "3, 5",
    };
    private static readonly MeasurementParameter PeakWithinMonths = new("peak_within_months", "12, 24",
        "the follower's peak is looked for within this many months after the breakout");
    private static readonly MeasurementParameter PeakBasis = new("peak_basis", "close, high",
        "the follower's peak by close or by high: close | high");
    private static readonly MeasurementParameter HorizonsMonths = new("horizons_months", "3, 6, 12",
        "the follower's return over this many months after the breakout");

    public string Name => "move_after_breakout";

    public string Description =>
        "A follower's move after the leader's breakout: to the subsequent peak (12/24 months, close/high) and over " +
        "fixed horizons";

    public IReadOnlyList<MeasurementParameter> Parameters { get; } =
        [Leader, Follower, BreakoutFrom, BreakoutTo, LookbackYears, PeakWithinMonths, PeakBasis, HorizonsMonths];

    public void Validate(ClaimDefinition claim) => _ = Options(claim);

    private sealed record Settings(string Leader, string Follower, DateOnly From, DateOnly To, int[] Years,
        int[] PeakMonths, DrawdownBasis[] PeakBases, int[] Horizons);

    private static Settings Options(ClaimDefinition c)
    {
        var s = new Settings(c.Required(Leader), c.Required(Follower), LevelRetestClaim.RequiredDate(c, BreakoutFrom),
            LevelRetestClaim.RequiredDate(c, BreakoutTo), c.Integers(LookbackYears, 1), c.Integers(PeakWithinMonths, 1),
            [.. c.Choices(PeakBasis, "close", "high").Select(DrawdownMeasurement.Basis)],
            c.Integers(HorizonsMonths, 1));
        if (s.From > s.To) throw c.Problem("'breakout_from' is after 'breakout_to'");
        if (s.From > c.Date) throw c.Problem("'breakout_from' is after the claim date");
        return s;
    }

    public IReadOnlyList<ClaimReading> Read(ClaimDefinition claim, ClaimData data)
    {
        var o = Options(claim);
        var leader = data.AsOfClaim.Series(o.Leader);
        var follower = data.AsOfClaim.Series(o.Follower);
        var readings = new List<ClaimReading>();
        var windowEnd = o.To < data.ClaimDate ? o.To : data.ClaimDate;
        foreach (int y in o.Years)
        {
            var spans = Spans(o, y);
            if (leader is null || follower is null)
            {
                string why = $"no series '{(leader is null ? o.Leader : o.Follower)}' in the data";
                readings.AddRange(spans.Select(s =>
                    ClaimReading.NotMeasurable(s.Label, s.Definition, "fraction", why,
                        data.Provenance([o.Leader, o.Follower]))));
                continue;
            }
            var report = BreakoutAnalysis.AsOf(leader, windowEnd,
                new BreakoutAnalysisParameters(new MultiYearHighParameters(y), new ZoneParameters(),
                    new BreakoutParameters()));
            var breakout = report.Events.FirstOrDefault(e => e.Kind == LevelKind.MultiYearHigh
                && e.Type == BreakoutEventType.Breakout && e.Date >= o.From && e.Date <= windowEnd);
            if (breakout is null)
            {
                readings.AddRange(spans.Select(s =>
                    new ClaimReading(s.Label, s.Definition, true, double.NaN, "fraction", "no_breakout", BreakoutRule,
                    $"{o.Leader} did not break out above its prior {y}-year high between {Day(o.From)} and " +
                    $"{Day(windowEnd)}",
                    data.Provenance([leader], o.From, windowEnd), Figures(), Dates())));
                continue;
            }
            int b = follower.IndexOnOrBefore(breakout.Date);
            if (b < 0 || double.IsNaN(follower.Close[b]))
            {
                readings.AddRange(spans.Select(s => ClaimReading.NotMeasurable(s.Label, s.Definition, "fraction",
                    $"{o.Follower} has no close on {Day(breakout.Date)}",
                    data.Provenance([leader, follower], breakout.Date, breakout.Date))));
                continue;
            }
            readings.AddRange(spans.Select(s => Measure(data, s, o, leader, follower, breakout, b)));
        }
        return readings;
    }

    private const string BreakoutRule =
        "the leader's breakout: its first close above its prior multi-year high × 1.01 in the window";

    private sealed record Span(string Label, string Definition, int Months, DrawdownBasis? PeakBasis);

    private static List<Span> Spans(Settings o, int y)
    {
        var spans = new List<Span>();
        string from =
            $"{o.Follower}'s close on the day of {o.Leader}'s first breakout above its prior {y}-year high between " +
            $"{Day(o.From)} and {Day(o.To)}";
        foreach (int m in o.PeakMonths)
            foreach (var basis in o.PeakBases)
            {
                string word = basis == DrawdownBasis.High ? "high" : "close";
                spans.Add(new Span($"{y}y breakout → peak {word} within {m}m",
                    $"From {from} to its highest {word} within {m} months after", m, basis));
            }
        foreach (int h in o.Horizons)
            spans.Add(new Span($"{y}y breakout → +{h}m", $"From {from} to its last close on or before {h} months later",
                h, null));
        return spans;
    }

    private static ClaimReading Measure(ClaimData data, Span s, Settings o, DailySeries leader, DailySeries follower,
        BreakoutEvent breakout, int b)
    {
        double start = follower.Close[b];
        var end = breakout.Date.AddMonths(s.Months);
        if (end > data.ClaimDate)
            return ClaimReading.NotMeasurable(s.Label, s.Definition, "fraction",
                $"the span ends on {Day(end)}, after the claim date",
                data.Provenance([leader, follower], breakout.Date, end));
        var figures = Figures(("leader_level", breakout.Level), ("leader_close", breakout.Close), ("start", start));
        if (s.PeakBasis is { } basis)
        {
            var peak = Drawdowns.AsOf(follower, end, basis, breakout.Date)!;
            figures["peak"] = peak.Latest.Peak;
            return new ClaimReading(s.Label, s.Definition, true, peak.Latest.Peak / start - 1, "fraction", null, null,
                $"{o.Leader} broke out on {Day(breakout.Date)}; {o.Follower} {Number(start)} on " +
                $"{Day(follower.Dates[b])} → peak {Number(peak.Latest.Peak)} on {Day(peak.Latest.PeakDate)}",
                data.Provenance([leader, follower], breakout.Date, end), figures,
                Dates(("breakout_date", breakout.Date), ("start_date", follower.Dates[b]),
                    ("peak_date", peak.Latest.PeakDate)));
        }
        int e = follower.IndexOnOrBefore(end);
        while (e > b && double.IsNaN(follower.Close[e])) e--;
        figures["end"] = follower.Close[e];
        return new ClaimReading(s.Label, s.Definition, true, follower.Close[e] / start - 1, "fraction", null, null,
            $"{o.Leader} broke out on {Day(breakout.Date)}; {o.Follower} {Number(start)} on {Day(follower.Dates[b])} " +
            $"→ {Number(follower.Close[e])} on {Day(follower.Dates[e])}",
            data.Provenance([leader, follower], breakout.Date, follower.Dates[e]), figures,
            Dates(("breakout_date", breakout.Date), ("start_date", follower.Dates[b]),
                ("end_date", follower.Dates[e])));
    }
}
