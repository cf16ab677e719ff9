using System.Globalization;
using Bellwether.Core.Board;

namespace Bellwether.Core.Claims;

/// <summary>
/// The claimed figure and when a reading agrees with it. Three forms: a number with an absolute tolerance
/// (<c>0.75 ± 0.10</c>); a comparison on the reading's value (<c>&gt;= 1</c>); or the detector states that agree
/// (<c>[breakout, confirmed, retest]</c>).
/// </summary>
public sealed record ClaimTarget
{
    private ClaimTarget(double claimed, double tolerance, RuleClause? condition)
    {
        Claimed = claimed;
        Tolerance = tolerance;
        Condition = condition;
    }

    /// <summary>The claimed number (NaN for a comparison or a list of states).</summary>
    public double Claimed { get; }

    /// <summary>How far a value may lie from <see cref="Claimed"/>, in the same unit (NaN for the other
    /// forms).</summary>
    public double Tolerance { get; }

    /// <summary>The comparison or list of states (null for a number with a tolerance).</summary>
    public RuleClause? Condition { get; }

    /// <summary>True when a reading's state, not its value, is compared.</summary>
    public bool ComparesState => Condition?.Words is not null;

    /// <summary>A number that holds within ± <paramref name="tolerance"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite, or the tolerance is negative.</exception>
    public static ClaimTarget Approximately(double claimed, double tolerance)
    {
        if (!double.IsFinite(claimed)) throw new ArgumentOutOfRangeException(nameof(claimed), claimed,
            "must be a finite number");
        if (!double.IsFinite(tolerance) || tolerance < 0) throw new ArgumentOutOfRangeException(nameof(tolerance),
            tolerance, "must be zero or positive");
        return new(claimed, tolerance, null);
    }

    /// <summary>A comparison such as <c>"&gt;= 1"</c> or <c>"&lt; -5%"</c> (a trailing % divides by 100).</summary>
    /// <exception cref="FormatException">Not an operator followed by a number.</exception>
    public static ClaimTarget Comparison(string text) =>
        new(double.NaN, double.NaN, RuleClause.Comparison("value", text));

    /// <summary>The detector states that agree with the claim.</summary>
    /// <exception cref="ArgumentException">No state is given.</exception>
    public static ClaimTarget States(IReadOnlyList<string> states)
    {
        if (states.Count == 0) throw new ArgumentException("at least one state is needed", nameof(states));
        return new(double.NaN, double.NaN, new RuleClause("label", states, null, 0));
    }

    /// <summary>Whether a measured <paramref name="value"/> (and <paramref name="state"/>) agrees; a NaN value never
    /// does.</summary>
    public bool Holds(double value, string? state)
    {
        if (Condition is null) return Math.Abs(value - Claimed) <= Tolerance; // false for NaN
        var reading = new SignalReading(true, value, state ?? "", null, "", null, null, [],
            new Dictionary<string, double>());
        return Condition.Matches(reading);
    }

    /// <summary>The claimed figure for display and JSON: a number, or the comparison / states as text.</summary>
    public object ClaimedForDisplay => Condition is null ? Claimed : Describe();

    /// <summary>The target as text: <c>0.75 ± 0.1</c>, <c>value &gt;= 1</c>, <c>state in [breakout,
    /// confirmed]</c>.</summary>
    public string Describe() => Condition switch
    {
        null => $"{Claimed.ToString(CultureInfo.InvariantCulture)} ± " +
            $"{Tolerance.ToString(CultureInfo.InvariantCulture)}",
        { Words: { } words } => $"state in [{string.Join(", ", words)}]",
        var c => c.ToString(),
    };
}
