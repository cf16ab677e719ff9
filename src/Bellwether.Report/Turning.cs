using System.Globalization;
using Bellwether.Core.Board;
using Bellwether.Core.Text;

namespace Bellwether.Report;

/// <summary>A counted signal and the rule threshold it is nearest to crossing.</summary>
/// <param name="Title">The signal's title.</param>
/// <param name="Field">The number the rule tests (<c>value</c> or a reading field such as <c>ci95_low</c>).</param>
/// <param name="Value">Its reading now.</param>
/// <param name="Unit">The unit of <paramref name="Value"/>: the signal's for the headline value, the kind's
/// <see cref="ISignalKind.FieldUnits"/> for a field (empty: a plain number).</param>
/// <param name="Op">The rule's comparison.</param>
/// <param name="Threshold">The rule's number.</param>
/// <param name="Change">What crossing it would do: "support", "contradict", "stop supporting", "stop
/// contradicting".</param>
/// <param name="Distance">|value − threshold| as a share of the larger of the two in size: 0 at the threshold.</param>
public sealed record TurningSignal(string Title, string Field, double Value, string Unit, string Op, double Threshold,
    string Change, double Distance)
{
    /// <summary>"Bitcoin drawdown from its peak close: −30.7% against ≤ −20.0% (would stop contradicting)".</summary>
    public override string ToString()
    {
        string Text(double v) => Field == "value" || Unit.Length > 0 ? ValueText.Of(v, Unit)
            : v.ToString("0.##;−0.##", CultureInfo.InvariantCulture);
        var op = Op switch { "<=" => "≤", ">=" => "≥", "!=" => "≠", _ => Op };
        return $"{Title}: {(Field == "value" ? "" : Field.Replace('_', ' ') + " ")}{Text(Value)} against {op} " +
            $"{Text(Threshold)} (would {Change})";
    }
}

/// <summary>
/// Which signals are nearest to changing state: for each counted signal, the numeric clauses of its thesis rules that
/// would move it (out of the rule it meets, or into one it does not), and how far its reading is from each. Signals
/// judged by their label alone have no distance and are not ranked.
/// </summary>
public static class Turning
{
    /// <summary>The <paramref name="count"/> counted signals nearest to a threshold, nearest first.</summary>
    public static IReadOnlyList<TurningSignal> Nearest(ThesisDefinition thesis, BoardResult board, SignalKinds kinds,
        int count = 3) =>
        board.Signals.Where(board.IsCounted)
            .Select(s => Candidates(s, thesis.Signals.First(x => x.Id == s.Id), kinds.Find(s.Kind)?.FieldUnits)
                .MinBy(t => t.Distance))
            .OfType<TurningSignal>().OrderBy(t => t.Distance).Take(count).ToList();

    private static IEnumerable<TurningSignal> Candidates(SignalResult s, SignalSpec spec,
        IReadOnlyDictionary<string, string>? fieldUnits)
    {
        string UnitOf(string field) => field == "value" ? s.Unit : fieldUnits?.GetValueOrDefault(field) ?? "";
        // Leaving a rule it meets: any of its numeric clauses failing would do it.
        if (s.State == SignalState.Supports && spec.Supports is { } supports)
            foreach (var t in Clauses(s, supports.Clauses, "stop supporting", UnitOf)) yield return t;
        if (s.State == SignalState.Against && spec.Against is { } against)
            foreach (var t in Clauses(s, against.Clauses, "stop contradicting", UnitOf)) yield return t;
        // Entering a rule it does not meet: every clause must hold, so the farthest failing one is the distance.
        if (s.State != SignalState.Supports && Entering(s, spec.Supports, "support", UnitOf) is { } enter)
            yield return enter;
        if (s.State == SignalState.Neutral
            && Entering(s, spec.Against, "contradict", UnitOf) is { } contradict) yield return contradict;
    }

    private static IEnumerable<TurningSignal> Clauses(SignalResult s, IEnumerable<RuleClause> clauses, string change,
        Func<string, string> unitOf) =>
        clauses.Where(c => c.Words is null).Select(c => Of(s, c, change, unitOf)).OfType<TurningSignal>();

    private static TurningSignal? Entering(SignalResult s, Rule? rule, string change, Func<string, string> unitOf)
    {
        if (rule is null) return null;
        var reading = Reading(s);
        var failing = rule.Clauses.Where(c => !c.Matches(reading)).ToList();
        if (failing.Count == 0 || failing.Any(c => c.Words is not null)) return null;
        var each = failing.Select(c => Of(s, c, change, unitOf)).ToList();
        return each.Any(t => t is null) ? null : each.MaxBy(t => t!.Distance);
    }

    private static TurningSignal? Of(SignalResult s, RuleClause c, string change, Func<string, string> unitOf)
    {
        double v = c.Field == "value" ? s.Value : s.Fields.TryGetValue(c.Field, out var f) ? f : double.NaN;
        if (!double.IsFinite(v)) return null;
        double scale = Math.Max(Math.Abs(v), Math.Abs(c.Threshold));
        double distance = scale == 0 ? 0 : Math.Abs(v - c.Threshold) / scale;
        return new TurningSignal(s.Title, c.Field, v, unitOf(c.Field), c.Op!, c.Threshold, change, distance);
    }

    private static SignalReading Reading(SignalResult s) =>
        new(true, s.Value, s.Label, s.Since, s.Explanation, s.From, s.To, s.Inputs, s.Fields, s.Unit);
}
