using Bellwether.Core.Claims;
using Bellwether.Core.Structure.Breakout;
using Bellwether.Core.Structure.Resistance;
using static Bellwether.Core.Claims.ReadingText;

namespace Bellwether.Core.Measurements.Breakout;

/// <summary>
/// "X broke out of long-term resistance": the <see cref="BreakoutMeasurement"/> on the claim date for each lookback
/// (default 3 and 5 years) and each basis of the level (highest close, highest high). Value: the claim-date close
/// against the level (0.03 = 3% above); state: the breakout machine's word (<c>breakout</c>, <c>confirmed</c>,
/// <c>retest</c>, <c>above</c>, <c>failed</c>, <c>testing</c>, <c>approaching</c>, <c>below</c>, …).
/// </summary>
public sealed class BreakoutClaim : IClaimKind
{
    private readonly BreakoutMeasurement _measurement = new();

    public string Name => _measurement.Name;

    public string Description =>
        "State against the prior multi-year high (3y and 5y, by close and by high) as of the claim date";

    /// <summary>The measurement's parameters; a claim reads two lookbacks and both bases unless it names some.
    /// </summary>
    public IReadOnlyList<MeasurementParameter> Parameters { get; } =
    [
        .. new BreakoutMeasurement().Parameters.Select(p =>
            p == BreakoutMeasurement.LookbackYears ? p with { Default = "3, 5" }
            : p == BreakoutMeasurement.Basis ? p with { Default = "close, high" } : p),
    ];

    public void Validate(ClaimDefinition claim) => _ = Options(claim);

    private List<BreakoutOf> Options(ClaimDefinition c)
    {
        _ = c.Required(BreakoutMeasurement.Instrument);
        var years = c.Integers(Parameters[1], 1);
        var bases = c.Choices(Parameters[3], "close", "high");
        return [.. years.SelectMany(y => bases.Select(b => BreakoutMeasurement.Parse(c, y, b)))];
    }

    public IReadOnlyList<ClaimReading> Read(ClaimDefinition claim, ClaimData data)
    {
        var readings = new List<ClaimReading>();
        foreach (var o in Options(claim))
        {
            var (id, y, rules) = (o.Instrument, o.Analysis.MultiYearHigh.LookbackYears, o.Analysis.Rules);
            string word = o.Analysis.MultiYearHigh.Basis == PriceBasis.High ? "high" : "close";
            string label = $"{y}y high by {word}";
            string definition = $"{id} against its prior {y}-year high by {word} (the highest {word} of the {y} " +
                                $"calendar years before each bar, excluding the latest " +
                                $"{o.Analysis.MultiYearHigh.ExcludeRecentBars} bars) on its last bar on or before " +
                                $"{Day(data.ClaimDate)}, through the breakout state machine";
            var measured = _measurement.Measure(o, data.AsOfClaim, data.ClaimDate);
            var series = data.AsOfClaim.Series(id);
            if (measured.Result is not { } r)
            {
                readings.Add(ClaimReading.NotMeasurable(label, definition, "fraction", measured.Why!,
                    series is null ? data.Provenance([id]) : data.Provenance([series], null, null)));
                continue;
            }
            var level = r.High;
            var breakout = r.Events.LastOrDefault(e => e.Type == BreakoutEventType.Breakout);
            readings.Add(new ClaimReading(label, definition, true, r.Distance, "fraction", Snake(level.State),
                $"breakout: a close above level × {1 + rules.Buffer:0.###}; confirmed: {rules.ConfirmCloses} closes " +
                $"above it or a month-end close above it; retest: a low within {Percent(rules.RetestBand, 0)} above " +
                $"it with the close holding; failed: a close {Percent(rules.FailBand, 0)} below it within " +
                $"{rules.FailBars} bars",
                $"level {Number(level.Level)} set on {Day(level.LevelDate)}; {Snake(level.State)} since " +
                $"{Day(level.Since)}",
                data.Provenance([series!], r.LastBar.AddYears(-y), r.LastBar),
                Figures(("level", level.Level), ("close", r.Close)),
                Dates(("level_date", level.LevelDate), ("state_since", level.Since), ("breakout_date", breakout?.Date),
                    ("bar", r.LastBar))));
        }
        return readings;
    }
}
