using Bellwether.Core.Claims;
using Bellwether.Core.Structure.Breakout;
using Bellwether.Core.Structure.Resistance;
using static Bellwether.Core.Claims.ReadingText;

namespace Bellwether.Core.Measurements.Breakout;

/// <summary>
/// "X broke out of long-term resistance": the state of the instrument against its prior multi-year high as of the
/// claim date (<see cref="BreakoutAnalysis"/>), for each lookback (default 3 and 5 years) and each basis of the level
/// (highest close, highest high). Value: the claim-date close against the level (0.03 = 3% above); state: the breakout
/// machine's word (<c>breakout</c>, <c>confirmed</c>, <c>retest</c>, <c>failed</c>, <c>testing</c>, <c>approaching</c>, <c>below</c>).
/// </summary>
public sealed class BreakoutClaim : IClaimKind
{
    public string Name => "breakout";

    public string Description => "State against the prior multi-year high (3y and 5y, by close and by high) as of the claim date";

    public IReadOnlyList<MeasurementParameter> Parameters { get; } =
    [
        BreakoutSignal.Instrument, BreakoutSignal.LookbackYears with { Default = "3, 5" },
        BreakoutSignal.Basis with { Default = "close, high" },
    ];

    public void Validate(ClaimDefinition claim) => _ = Options(claim);

    private (string Id, int[] Years, PriceBasis[] Bases) Options(ClaimDefinition c) =>
        (c.Required(Parameters[0]), c.Integers(Parameters[1], 1),
         [.. c.Choices(Parameters[2], "close", "high").Select(b => b == "high" ? PriceBasis.High : PriceBasis.Close)]);

    public IReadOnlyList<ClaimReading> Read(ClaimDefinition claim, ClaimData data)
    {
        var (id, years, bases) = Options(claim);
        var series = data.AsOfClaim.Series(id);
        var rules = new BreakoutParameters();
        var readings = new List<ClaimReading>();
        foreach (int y in years)
            foreach (var basis in bases)
            {
                string word = basis == PriceBasis.High ? "high" : "close";
                string label = $"{y}y high by {word}";
                string definition = $"{id} against its prior {y}-year high by {word} (the highest {word} of the {y} calendar years before each bar, " +
                                    $"excluding the latest 63 bars) on its last bar on or before {Day(data.ClaimDate)}, through the breakout state machine";
                if (series is null || series.Count == 0)
                {
                    readings.Add(ClaimReading.NotMeasurable(label, definition, "fraction", $"no series '{id}' in the data", data.Provenance([id])));
                    continue;
                }
                var parameters = new BreakoutAnalysisParameters(new MultiYearHighParameters(y, Basis: basis), new ZoneParameters(), rules);
                var report = BreakoutAnalysis.AsOf(series, data.ClaimDate, parameters);
                var level = report.Levels.FirstOrDefault(l => l.Kind == LevelKind.MultiYearHigh);
                if (report.AsOf is not { } bar || level is null)
                {
                    readings.Add(ClaimReading.NotMeasurable(label, definition, "fraction",
                        $"no prior {y}-year high of {id} as of {Day(data.ClaimDate)}: the data does not cover the lookback", data.Provenance([series], null, report.AsOf)));
                    continue;
                }
                double close = series.Close[series.IndexOf(bar)];
                var breakout = report.Events.LastOrDefault(e => e.Kind == LevelKind.MultiYearHigh && e.Type == BreakoutEventType.Breakout && e.LevelDate == level.FirstTouch);
                readings.Add(new ClaimReading(label, definition, true, close / level.Price - 1, "fraction", Snake(level.State),
                    $"breakout: a close above level × {1 + rules.Buffer:0.###}; confirmed: {rules.ConfirmCloses} closes above it or a month-end close above it; " +
                    $"retest: a low within {Percent(rules.RetestBand, 0)} above it with the close holding; failed: a close {Percent(rules.FailBand, 0)} below it within {rules.FailBars} bars",
                    $"level {Number(level.Price)} set on {Day(level.FirstTouch)}; {Snake(level.State)} since {Day(level.Since)}",
                    data.Provenance([series], bar.AddYears(-y), bar),
                    Figures(("level", level.Price), ("close", close)),
                    Dates(("level_date", level.FirstTouch), ("state_since", level.Since), ("breakout_date", breakout?.Date), ("bar", bar))));
            }
        return readings;
    }
}
