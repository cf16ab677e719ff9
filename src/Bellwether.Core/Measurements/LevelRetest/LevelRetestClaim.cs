using Bellwether.Core.Claims;
using Bellwether.Core.Measurements.Drawdown;
using Bellwether.Core.Statistics.Drawdown;
using static Bellwether.Core.Claims.ReadingText;
using static Bellwether.Core.Measurements.LevelRetest.LevelRetestMeasurement;

namespace Bellwether.Core.Measurements.LevelRetest;

/// <summary>
/// "X retests its 2021 peak in late 2025": the <see cref="LevelRetestMeasurement"/> as of the claim date, two readings
/// per basis: the nearest close to the level (state <c>retest</c> when within <c>band</c> of it, either side), and the
/// breakout state machine's retest (state <c>retest</c> when it emitted a retest event inside the window).
/// </summary>
public sealed class LevelRetestClaim : IClaimKind
{
    /// <summary>A claim reads the peak by close and by high unless it names one.</summary>
    private static readonly MeasurementParameter Bases = Basis with { Default = "close, high" };

    private readonly LevelRetestMeasurement _measurement = new();

    public string Name => _measurement.Name;

    public IReadOnlyList<string> Aliases => _measurement.Aliases;

    public string Description =>
        "A past peak (by close and by high) revisited in a window: nearest close, and the breakout machine's retest";

    public IReadOnlyList<MeasurementParameter> Parameters { get; } =
        [Instrument, PeakFrom, PeakTo, WindowFrom, Bases, Band];

    public void Validate(ClaimDefinition claim) => _ = Options(claim);

    private static LevelRetestOf[] Options(ClaimDefinition c)
    {
        var readings = c.Choices(Bases, "close", "high").Select(w => Parse(c, DrawdownMeasurement.Basis(w))).ToArray();
        if (readings[0].WindowFrom > c.Date) throw c.Problem("'window_from' is after the claim date");
        return readings;
    }

    public IReadOnlyList<ClaimReading> Read(ClaimDefinition claim, ClaimData data)
    {
        var readings = new List<ClaimReading>();
        foreach (var o in Options(claim))
        {
            string word = o.Basis == DrawdownBasis.High ? "high" : "close";
            string nearLabel = $"nearest close to the peak {word}",
                machineLabel = $"retest of the peak {word} (state machine)";
            string period = $"{Day(o.PeakFrom)}..{Day(o.PeakTo)}",
                window = $"{Day(o.WindowFrom)}..{Day(data.ClaimDate)}";
            string nearDefinition =
                $"The close of {o.Instrument} in {window} nearest to its highest {word} of {period}, as a signed " +
                "distance from it";
            string machineDefinition =
                $"The breakout state machine on {o.Instrument}'s highest {word} of {period}, run from the day after " +
                $"that peak to {Day(data.ClaimDate)}: a retest event inside {window}";
            var measured = _measurement.Measure(o, data.AsOfClaim, data.ClaimDate);
            if (measured.Result is not { } r)
            {
                readings.Add(ClaimReading.NotMeasurable(nearLabel, nearDefinition, "fraction", measured.Why!,
                    data.Provenance([o.Instrument])));
                readings.Add(ClaimReading.NotMeasurable(machineLabel, machineDefinition, "fraction", measured.Why!,
                    data.Provenance([o.Instrument])));
                continue;
            }
            var series = data.AsOfClaim.Series(o.Instrument)!;
            readings.Add(r.Nearest is not { } n
                ? ClaimReading.NotMeasurable(nearLabel, nearDefinition, "fraction",
                    $"{o.Instrument} has no close in the window",
                    data.Provenance([series], o.WindowFrom, data.ClaimDate))
                : new ClaimReading(nearLabel, nearDefinition, true, r.NearestDistance, "fraction",
                    Math.Abs(r.NearestDistance) <= o.Band ? "retest" : "no_retest",
                    $"retest: a close within ±{Percent(o.Band)} of the level",
                    $"level {Number(r.Level)} on {Day(r.LevelDate)}; nearest close {Number(n.Close)} on {Day(n.Date)}",
                    data.Provenance([series], n.WindowFirst, n.WindowLast),
                    Figures(("level", r.Level), ("close", n.Close)),
                    Dates(("level_date", r.LevelDate), ("nearest_date", n.Date))));
            var rules = LevelRetestMeasurement.Rules;
            readings.Add(new ClaimReading(machineLabel, machineDefinition, true, r.RetestDistance, "fraction",
                r.Retest is not null ? "retest" : Snake(r.Track.State),
                $"retest: after a breakout (close above level × {1 + rules.Buffer:0.###}) confirmed by " +
                $"{rules.ConfirmCloses} closes or a month-end close, a low within {Percent(rules.RetestBand, 0)} " +
                "above the level with the close holding",
                r.Retest is not { } retest ? $"no retest event in the window; state {Snake(r.Track.State)}"
                + (r.Track.Since is { } s ? $" since {Day(s)}" : "")
                    : $"retest on {Day(retest.Date)} (close {Number(retest.Close)}) after the breakout of " +
                    $"{Day(r.Breakout!.Date)}",
                data.Provenance([series], r.LevelDate, r.LastDate),
                Figures(("level", r.Level), ("retest_close", r.Retest?.Close ?? double.NaN)),
                Dates(("level_date", r.LevelDate), ("retest_date", r.Retest?.Date),
                    ("breakout_date", r.Breakout?.Date))));
        }
        return readings;
    }
}
