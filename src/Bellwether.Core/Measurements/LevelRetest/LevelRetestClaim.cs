using Bellwether.Core.Claims;
using Bellwether.Core.Measurements.Drawdown;
using Bellwether.Core.Statistics.Drawdown;
using Bellwether.Core.Structure.Breakout;
using static Bellwether.Core.Claims.ReadingText;

namespace Bellwether.Core.Measurements.LevelRetest;

/// <summary>
/// "X retests its 2021 peak in late 2025": the peak of a past period (highest close, or highest high) is the level;
/// over a window ending on the claim date two readings per basis: the nearest close to the level (state
/// <c>retest</c> when within <c>band</c> of it, either side), and the breakout state machine run on the level from the
/// day after the peak (state <c>retest</c> when it emitted a retest event inside the window).
/// </summary>
public sealed class LevelRetestClaim : IClaimKind
{
    private static readonly MeasurementParameter Instrument = new("instrument", "", "series id");
    private static readonly MeasurementParameter PeakFrom = new("peak_from", "", "the past period's first day");
    private static readonly MeasurementParameter PeakTo = new("peak_to", "", "the past period's last day");
    private static readonly MeasurementParameter WindowFrom = new("window_from", "",
        "the first day of the window in which the level is revisited (it ends on the claim date)");
    private static readonly MeasurementParameter Basis = new("basis", "close, high",
        "the peak is the highest close or the highest high: close | high");
    private static readonly MeasurementParameter Band = new("band", "0.02",
        "a close within this fraction of the level, either side, is a retest");

    public string Name => "level_retest";

    public string Description =>
        "A past peak (by close and by high) revisited in a window: nearest close, and the breakout machine's retest";

    public IReadOnlyList<MeasurementParameter> Parameters { get; } =
        [Instrument, PeakFrom, PeakTo, WindowFrom, Basis, Band];

    public void Validate(ClaimDefinition claim) => _ = Options(claim);

    private sealed record Settings(string Id, DateOnly PeakFrom, DateOnly PeakTo, DateOnly WindowFrom,
        DrawdownBasis[] Bases, double Band);

    private static Settings Options(ClaimDefinition c)
    {
        var s = new Settings(c.Required(Instrument), RequiredDate(c, PeakFrom), RequiredDate(c, PeakTo),
            RequiredDate(c, WindowFrom),
            [.. c.Choices(Basis, "close", "high").Select(DrawdownMeasurement.Basis)], c.Number(Band));
        if (s.PeakFrom > s.PeakTo) throw c.Problem("'peak_from' is after 'peak_to'");
        if (s.PeakTo >= s.WindowFrom) throw c.Problem("'window_from' must come after 'peak_to'");
        if (s.WindowFrom > c.Date) throw c.Problem("'window_from' is after the claim date");
        if (!(s.Band >= 0 && s.Band < 1)) throw c.Problem("'band' must be in [0, 1)");
        return s;
    }

    /// <summary>A required date.</summary>
    internal static DateOnly RequiredDate(ClaimDefinition c, MeasurementParameter p) =>
        c.Date(p) ?? throw c.Problem($"parameter '{p.Name}' is required", p.Name);

    public IReadOnlyList<ClaimReading> Read(ClaimDefinition claim, ClaimData data)
    {
        var o = Options(claim);
        var series = data.AsOfClaim.Series(o.Id);
        var rules = new BreakoutParameters();
        var readings = new List<ClaimReading>();
        foreach (var basis in o.Bases)
        {
            string word = basis == DrawdownBasis.High ? "high" : "close";
            string nearLabel = $"nearest close to the peak {word}",
                machineLabel = $"retest of the peak {word} (state machine)";
            string period = $"{Day(o.PeakFrom)}..{Day(o.PeakTo)}",
                window = $"{Day(o.WindowFrom)}..{Day(data.ClaimDate)}";
            string nearDefinition =
                $"The close of {o.Id} in {window} nearest to its highest {word} of {period}, as a signed distance " +
                "from it";
            string machineDefinition =
                $"The breakout state machine on {o.Id}'s highest {word} of {period}, run from the day after that " +
                $"peak to {Day(data.ClaimDate)}: a retest event inside {window}";
            var peak = series is null ? null : Drawdowns.AsOf(series, o.PeakTo, basis, o.PeakFrom);
            if (series is null || peak is null)
            {
                string why = series is null ? $"no series '{o.Id}' in the data" : $"{o.Id} has no close in {period}";
                readings.Add(ClaimReading.NotMeasurable(nearLabel, nearDefinition, "fraction", why,
                    data.Provenance([o.Id])));
                readings.Add(ClaimReading.NotMeasurable(machineLabel, machineDefinition, "fraction", why,
                    data.Provenance([o.Id])));
                continue;
            }
            double level = peak.Latest.Peak;
            var levelDate = peak.Latest.PeakDate;
            readings.Add(Nearest(data, series, o, level, levelDate, nearLabel, nearDefinition));
            readings.Add(Machine(data, series, o, rules, level, levelDate, machineLabel, machineDefinition));
        }
        return readings;
    }

    private static ClaimReading Nearest(ClaimData data, Series.DailySeries series, Settings o, double level,
        DateOnly levelDate, string label, string definition)
    {
        int best = -1;
        int first = series.IndexOnOrBefore(o.WindowFrom.AddDays(-1)) + 1, last = series.IndexOnOrBefore(data.ClaimDate);
        for (int i = first; i <= last; i++)
            if (!double.IsNaN(series.Close[i])
                && (best < 0
                    || Math.Abs(series.Close[i] / level - 1) < Math.Abs(series.Close[best] / level - 1))) best = i;
        if (best < 0)
            return ClaimReading.NotMeasurable(label, definition, "fraction", $"{o.Id} has no close in the window",
                data.Provenance([series], o.WindowFrom, data.ClaimDate));
        double distance = series.Close[best] / level - 1;
        return new ClaimReading(label, definition, true, distance, "fraction", Math.Abs(distance) <= o.Band ? "retest"
            : "no_retest",
            $"retest: a close within ±{Percent(o.Band)} of the level",
            $"level {Number(level)} on {Day(levelDate)}; nearest close {Number(series.Close[best])} on " +
            $"{Day(series.Dates[best])}",
            data.Provenance([series], series.Dates[first], series.Dates[last]),
            Figures(("level", level), ("close", series.Close[best])),
            Dates(("level_date", levelDate), ("nearest_date", series.Dates[best])));
    }

    private static ClaimReading Machine(ClaimData data, Series.DailySeries series, Settings o, BreakoutParameters rules,
        double level, DateOnly levelDate, string label, string definition)
    {
        var track = LevelBreakout.Evaluate(series, level, levelDate.AddDays(1), data.ClaimDate, rules);
        var retest = track.Events.LastOrDefault(e => e.Type == BreakoutEventType.Retest && e.Date >= o.WindowFrom);
        var breakout = track.Events.LastOrDefault(e => e.Type == BreakoutEventType.Breakout
            && e.Date <= (retest?.Date ?? data.ClaimDate));
        string state = retest is not null ? "retest" : Snake(track.State);
        return new ClaimReading(label, definition, true, retest is null ? double.NaN : retest.Close / level - 1,
            "fraction", state,
            $"retest: after a breakout (close above level × {1 + rules.Buffer:0.###}) confirmed by " +
            $"{rules.ConfirmCloses} closes or a month-end close, a low within {Percent(rules.RetestBand, 0)} above " +
            "the level with the close holding",
            retest is null ? $"no retest event in the window; state {Snake(track.State)}"
            + (track.Since is { } s ? $" since {Day(s)}" : "")
                : $"retest on {Day(retest.Date)} (close {Number(retest.Close)}) after the breakout of " +
                $"{Day(breakout!.Date)}",
            data.Provenance([series], levelDate, series.Dates[series.IndexOnOrBefore(data.ClaimDate)]),
            Figures(("level", level), ("retest_close", retest?.Close ?? double.NaN)),
            Dates(("level_date", levelDate), ("retest_date", retest?.Date), ("breakout_date", breakout?.Date)));
    }
}
