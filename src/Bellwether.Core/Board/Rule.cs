using System.Globalization;

namespace Bellwether.Core.Board;

/// <summary>
/// A condition on a reading: every clause must hold. A clause tests the reading's <c>label</c> against a list of
/// words, or a number (<c>value</c> or a named field) against a comparison such as <c>&gt;= 0.5</c>.
/// </summary>
public sealed record Rule(IReadOnlyList<RuleClause> Clauses)
{
    /// <summary>True when every clause holds; a numeric clause on a NaN or missing field does not hold.</summary>
    public bool Matches(SignalReading reading) => Clauses.All(c => c.Matches(reading));

    /// <summary>The rule as text, for explanations.</summary>
    public override string ToString() => string.Join(" and ", Clauses);
}

/// <summary>One test of a <see cref="Rule"/>.</summary>
/// <param name="Field"><c>label</c>, <c>value</c>, or a field of <see cref="SignalReading.Fields"/>.</param>
/// <param name="Words">For <c>label</c>: the accepted words.</param>
/// <param name="Op">For numbers: one of <c>&lt; &lt;= &gt; &gt;= == !=</c>.</param>
/// <param name="Threshold">For numbers: the right-hand side.</param>
/// <param name="Line">Line of the clause in its thesis file, for error messages (0 when built in code).</param>
public sealed record RuleClause(string Field, IReadOnlyList<string>? Words, string? Op, double Threshold, int Line = 0)
{
    private static readonly string[] Ops = ["<=", ">=", "==", "!=", "<", ">"];

    /// <summary>Parses <c>"&gt;= 0.5"</c> for <paramref name="field"/>; a trailing <c>%</c> divides by 100
    /// (<c>"&lt;= -20%"</c> is −0.2), as in parameters and claims.</summary>
    /// <exception cref="FormatException">Not an operator followed by a number.</exception>
    public static RuleClause Comparison(string field, string text, int line = 0)
    {
        var t = text.Trim();
        var op = Ops.FirstOrDefault(t.StartsWith)
            ?? throw new FormatException($"'{text}' must start with one of {string.Join(' ', Ops)}");
        var number = t[op.Length..].Trim();
        bool percent = number.EndsWith('%');
        if (!double.TryParse(percent ? number[..^1].TrimEnd() : number, NumberStyles.Float,
                CultureInfo.InvariantCulture, out var threshold))
            throw new FormatException($"'{text}': '{number}' is not a number");
        return new RuleClause(field, null, op, percent ? threshold / 100 : threshold, line);
    }

    public bool Matches(SignalReading r)
    {
        if (Words is not null) return Field == "label" && Words.Contains(r.Label, StringComparer.OrdinalIgnoreCase);
        double v = Field == "value" ? r.Value : r.Fields.TryGetValue(Field, out var f) ? f : double.NaN;
        if (double.IsNaN(v)) return false;
        return Op switch
        {
            "<" => v < Threshold,
            "<=" => v <= Threshold,
            ">" => v > Threshold,
            ">=" => v >= Threshold,
            "==" => v == Threshold,
            "!=" => v != Threshold,
            _ => false,
        };
    }

    public override string ToString() => Words is not null
        ? $"{Field} in [{string.Join(", ", Words)}]"
        : $"{Field} {Op} {Threshold.ToString(CultureInfo.InvariantCulture)}";
}
