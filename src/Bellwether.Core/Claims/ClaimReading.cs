namespace Bellwether.Core.Claims;

/// <summary>Where a reading's figure comes from.</summary>
/// <param name="Instruments">The series, ratios or flow tables read.</param>
/// <param name="From">First date of the data the figure is computed on.</param>
/// <param name="To">Last date of that data.</param>
/// <param name="DataThrough">The latest date the reading was allowed to read: the claim date for a point-in-time
/// reading, later otherwise.</param>
/// <param name="PointInTime">True when nothing dated after the claim date was read.</param>
/// <param name="Sources">The distinct row sources in the window (exchange, vendor, FRED, …).</param>
public sealed record ReadingProvenance(
    IReadOnlyList<string> Instruments, DateOnly? From, DateOnly? To, DateOnly DataThrough, bool PointInTime,
    IReadOnlyList<string> Sources);

/// <summary>The claim's figure under one reading (one definition of what the claim could mean).</summary>
/// <param name="Label">Short name of the reading (<c>weekly log returns</c>).</param>
/// <param name="Definition">Exactly what was computed, in a sentence.</param>
/// <param name="Measurable">False when the data at hand cannot give the figure; <paramref name="Note"/> says
/// why.</param>
/// <param name="Value">The figure (NaN when not measurable, or when the reading is a state without a number).</param>
/// <param name="Unit">The unit of <paramref name="Value"/>: <c>fraction</c> (0.27 = 27%), <c>r</c> (a correlation),
/// <c>months</c>, <c>count</c>, <c>points</c>, <c>USD millions</c>.</param>
/// <param name="State">The detector's word (<c>confirmed</c>, <c>rotation</c>, <c>record</c>), or null.</param>
/// <param name="Rule">For a state: the rule that decides it, with its bands (the tolerance of a state reading).</param>
/// <param name="Note">Why the reading is not measurable, or a caveat; null when there is none.</param>
/// <param name="Provenance">Instruments, dates and sources.</param>
/// <param name="Figures">Further numbers behind the value (level, n, interval, sums).</param>
/// <param name="Dates">Dates behind the value (level date, breakout date, peak date).</param>
/// <param name="Within">Whether the reading agrees with the claim; null until checked, and when not measurable.</param>
/// <param name="Repeats">The label of an earlier reading of the same claim that found the same thing (same value,
/// state and dates: a 3-year and a 5-year lookback finding one breakout); null when it is its own finding.</param>
public sealed record ClaimReading(
    string Label, string Definition, bool Measurable, double Value, string Unit, string? State, string? Rule,
    string? Note,
    ReadingProvenance Provenance, IReadOnlyDictionary<string, double> Figures,
    IReadOnlyDictionary<string, DateOnly> Dates, bool? Within = null, string? Repeats = null)
{
    /// <summary>
    /// True when the reading counts toward the verdict: measured, its own finding, and from data published by the
    /// claim's date (a reading that looks past it is shown as hindsight, not counted).
    /// </summary>
    public bool Counts => Within is not null && Repeats is null && Provenance.PointInTime;

    /// <summary>True when <paramref name="other"/> found the same thing: same value, unit, state, dates and time
    /// basis.</summary>
    public bool SameFinding(ClaimReading other) =>
        Measurable == other.Measurable && Value.Equals(other.Value) && Unit == other.Unit && State == other.State
        && Provenance.PointInTime == other.Provenance.PointInTime
        && Dates.Count == other.Dates.Count
        && Dates.All(d => other.Dates.TryGetValue(d.Key, out var o) && o == d.Value);

    /// <summary>A reading the data cannot give, and why.</summary>
    public static ClaimReading NotMeasurable(string label, string definition, string unit, string why,
        ReadingProvenance provenance) =>
        new(label, definition, false, double.NaN, unit, null, null, why, provenance, new Dictionary<string, double>(),
            new Dictionary<string, DateOnly>());
}
