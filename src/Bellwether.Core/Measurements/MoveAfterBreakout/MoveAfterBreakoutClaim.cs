using Bellwether.Core.Claims;
using Bellwether.Core.Measurements.Drawdown;
using Bellwether.Core.Statistics.Drawdown;
using static Bellwether.Core.Claims.ReadingText;
using static Bellwether.Core.Measurements.MoveAfterBreakout.MoveAfterBreakoutMeasurement;

namespace Bellwether.Core.Measurements.MoveAfterBreakout;

/// <summary>
/// "X's breakout in late 2020 coincided with a 380% surge in Y": the <see cref="MoveAfterBreakoutMeasurement"/> as of
/// the claim date under each lookback (3y and 5y), each span to the follower's peak (within 12 or 24 months, by close
/// and by high) and each fixed horizon (3, 6, 12 months). A lookback with no breakout in the window reads
/// <c>no_breakout</c>.
/// </summary>
public sealed class MoveAfterBreakoutClaim : IClaimKind
{
    private static readonly MeasurementParameter Lookbacks = LookbackYears with { Default = "3, 5" };
    private static readonly MeasurementParameter PeakWithinMonths = new("peak_within_months", "12, 24",
        "the follower's peak is looked for within this many months after the breakout");
    private static readonly MeasurementParameter PeakBasis = new("peak_basis", "close, high",
        "the follower's peak by close or by high: close | high");
    private static readonly MeasurementParameter HorizonsMonths = new("horizons_months", "3, 6, 12",
        "the follower's return over this many months after the breakout");

    private readonly MoveAfterBreakoutMeasurement _measurement = new();

    public string Name => _measurement.Name;

    public IReadOnlyList<string> Aliases => _measurement.Aliases;

    public string Description =>
        "A follower's move after the leader's breakout: to the subsequent peak (12/24 months, close/high) and over " +
        "fixed horizons";

    public IReadOnlyList<MeasurementParameter> Parameters { get; } =
        [Leader, Follower, BreakoutFrom, BreakoutTo, Lookbacks, PeakWithinMonths, PeakBasis, HorizonsMonths];

    public void Validate(ClaimDefinition claim) => _ = Options(claim);

    /// <summary>One reading: its parameters, label and definition.</summary>
    private sealed record Span(MoveAfterBreakoutOf Of, string Label, string Definition);

    private static List<Span> Options(ClaimDefinition c)
    {
        var (years, peakMonths) = (c.Integers(Lookbacks, 1), c.Integers(PeakWithinMonths, 1));
        var bases = c.Choices(PeakBasis, "close", "high").Select(DrawdownMeasurement.Basis).ToArray();
        var horizons = c.Integers(HorizonsMonths, 1);
        var spans = new List<Span>();
        foreach (int y in years)
        {
            var of = Parse(c, y, 1, null);
            if (of.From > c.Date) throw c.Problem("'breakout_from' is after the claim date");
            string from =
                $"{of.Follower}'s close on the day of {of.Leader}'s first breakout above its prior {y}-year high " +
                $"between {Day(of.From)} and {Day(of.To)}";
            foreach (int m in peakMonths)
                foreach (var basis in bases)
                {
                    string word = basis == DrawdownBasis.High ? "high" : "close";
                    spans.Add(new Span(Parse(c, y, m, basis), $"{y}y breakout → peak {word} within {m}m",
                        $"From {from} to its highest {word} within {m} months after"));
                }
            foreach (int h in horizons)
                spans.Add(new Span(Parse(c, y, h, null), $"{y}y breakout → +{h}m",
                    $"From {from} to its last close on or before {h} months later"));
        }
        return spans;
    }

    public IReadOnlyList<ClaimReading> Read(ClaimDefinition claim, ClaimData data) =>
        [.. Options(claim).Select(s => Reading(s, data))];

    private ClaimReading Reading(Span s, ClaimData data)
    {
        var o = s.Of;
        var measured = _measurement.Measure(o, data.AsOfClaim, data.ClaimDate);
        if (measured.Result is not { } r)
            return ClaimReading.NotMeasurable(s.Label, s.Definition, "fraction", measured.Why!,
                data.Provenance([o.Leader, o.Follower]));
        var leader = data.AsOfClaim.Series(o.Leader)!;
        if (r is not { Breakout: { } breakout, Start: { } start, End: { } end })
            return new ClaimReading(s.Label, s.Definition, true, double.NaN, "fraction", "no_breakout", BreakoutRule,
                $"{o.Leader} did not break out above its prior {o.Years}-year high between {Day(o.From)} and " +
                $"{Day(r.WindowEnd)}",
                data.Provenance([leader], o.From, r.WindowEnd), Figures(), Dates());
        var follower = data.AsOfClaim.Series(o.Follower)!;
        var figures = Figures(("leader_level", breakout.Level), ("leader_close", breakout.Close),
            ("start", start.Value));
        figures[o.PeakBasis is null ? "end" : "peak"] = end.Value;
        string ended = o.PeakBasis is null ? $"{Number(end.Value)} on {Day(end.Date)}"
            : $"peak {Number(end.Value)} on {Day(end.Date)}";
        return new ClaimReading(s.Label, s.Definition, true, r.Move, "fraction", null, null,
            $"{o.Leader} broke out on {Day(breakout.Date)}; {o.Follower} {Number(start.Value)} on {Day(start.Date)} " +
            $"→ {ended}",
            data.Provenance([leader, follower], breakout.Date, r.Through), figures,
            Dates(("breakout_date", breakout.Date), ("start_date", start.Date),
                (o.PeakBasis is null ? "end_date" : "peak_date", end.Date)));
    }
}
