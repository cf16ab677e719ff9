using System.Text.RegularExpressions;
using Bellwether.Core.Board;

namespace Bellwether.Core.Alerts;

/// <summary>How a number is compared with a level or a band (docs/alerts.md).</summary>
public enum Comparison
{
    /// <summary>Greater than the level.</summary>
    Above,
    /// <summary>At or above the level.</summary>
    AtLeast,
    /// <summary>Less than the level.</summary>
    Below,
    /// <summary>At or below the level.</summary>
    AtMost,
    /// <summary>Inside the band, bounds included.</summary>
    Enters,
    /// <summary>Outside the band.</summary>
    Leaves,
}

/// <summary>
/// A level or band a number is compared with. An alert starts firing when the number meets it exactly, and resolves
/// only once the number is beyond it by <paramref name="Hysteresis"/>, so a value wavering at the line fires once.
/// </summary>
/// <param name="Level">The level, or the band's lower bound.</param>
/// <param name="Upper">The band's upper bound (<see cref="Comparison.Enters"/>,
/// <see cref="Comparison.Leaves"/>).</param>
public sealed record Threshold(Comparison Comparison, double Level, double Upper = double.NaN, double Hysteresis = 0)
{
    /// <summary>Whether <paramref name="value"/> meets the threshold, for an alert that is (not) firing
    /// already.</summary>
    public bool Holds(double value, bool firing)
    {
        double h = firing ? Hysteresis : 0;
        return Comparison switch
        {
            Comparison.Above => value > Level - h,
            Comparison.AtLeast => value >= Level - h,
            Comparison.Below => value < Level + h,
            Comparison.AtMost => value <= Level + h,
            Comparison.Enters => value >= Level - h && value <= Upper + h,
            _ => value < Level + h || value > Upper - h,
        };
    }

    /// <summary>The threshold in words: "≥ 75", "in [40, 60]".</summary>
    public string Describe() => Comparison switch
    {
        Comparison.Above => $"> {Number(Level)}",
        Comparison.AtLeast => $">= {Number(Level)}",
        Comparison.Below => $"< {Number(Level)}",
        Comparison.AtMost => $"<= {Number(Level)}",
        Comparison.Enters => $"in [{Number(Level)}, {Number(Upper)}]",
        _ => $"outside [{Number(Level)}, {Number(Upper)}]",
    };

    /// <summary>A level as the rules file wrote it, with the formatting table's minus sign.</summary>
    private static string Number(double v) => Text.ValueText.Number(v, "G");
}

/// <summary>What makes an alert fire. Signal conditions name one signal or <c>*</c> (each signal its own
/// alert).</summary>
public abstract record AlertCondition
{
    /// <summary>The signal id, or <c>*</c> for every signal; null for board-wide conditions (readiness).</summary>
    public abstract string? Signal { get; }
}

/// <summary>A signal's state changes to one of <paramref name="To"/> (from one of <paramref name="From"/>, empty:
/// from any other); it resolves when the state leaves <paramref name="To"/>.</summary>
public sealed record StateCondition(string Signal, IReadOnlyList<SignalState> From, IReadOnlyList<SignalState> To)
    : AlertCondition
{
    public override string? Signal { get; } = Signal;
}

/// <summary>The thesis's readiness meets <paramref name="Threshold"/>; withheld readiness changes nothing.</summary>
public sealed record ReadinessCondition(Threshold Threshold) : AlertCondition
{
    public override string? Signal => null;
}

/// <summary>A signal's value, or one of its reading's fields, meets <paramref name="Threshold"/>; a reading without
/// the number (not measurable) changes nothing.</summary>
/// <param name="Field">A field of the reading (<c>close</c>, <c>ci95_low</c>), or null for the headline value.</param>
public sealed record ValueCondition(string Signal, string? Field, Threshold Threshold) : AlertCondition
{
    public override string? Signal { get; } = Signal;
}

/// <summary>A signal's input is older than its calendar allows (the board's stale flag).</summary>
public sealed record StaleCondition(string Signal) : AlertCondition
{
    public override string? Signal { get; } = Signal;
}

/// <summary>One rule of a rules file.</summary>
/// <param name="Name">The rule's name, unique in its file; the <c>alertname</c> label.</param>
/// <param name="Labels">Its own labels (<c>severity</c> among them), which silences match.</param>
/// <param name="RepeatDays">While firing, notify again every so many days; 0: never again.</param>
/// <param name="Description">A sentence sent with the alert.</param>
/// <param name="Line">Its line in the rules file (0: built in code).</param>
public sealed record AlertRule(
    string Name, AlertCondition Condition, IReadOnlyDictionary<string, string> Labels, int RepeatDays,
    string Description = "", int Line = 0);

/// <summary>An Alertmanager matcher: <c>label="value"</c>, <c>!=</c>, <c>=~</c> (regular expression, whole value),
/// <c>!~</c>. A label an alert does not have matches as the empty value.</summary>
public sealed record LabelMatcher(string Label, string Operator, string Value)
{
    private readonly Regex? _regex = Operator is "=~" or "!~"
        ? new Regex($"^(?:{Value})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) : null;

    /// <summary>Whether <paramref name="labels"/> match.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var actual = labels.GetValueOrDefault(Label) ?? "";
        return Operator switch
        {
            "=" => actual == Value,
            "!=" => actual != Value,
            "=~" => _regex!.IsMatch(actual),
            _ => !_regex!.IsMatch(actual),
        };
    }

    public override string ToString() => $"{Label}{Operator}\"{Value}\"";
}

/// <summary>Mutes the alerts all of whose <paramref name="Matchers"/> match, for transitions dated from
/// <paramref name="Starts"/> to <paramref name="Ends"/> (both inclusive).</summary>
public sealed record Silence(IReadOnlyList<LabelMatcher> Matchers, DateOnly Starts, DateOnly Ends, string Comment = "",
    int Line = 0)
{
    /// <summary>Whether an alert with <paramref name="labels"/> is muted on <paramref name="date"/>.</summary>
    public bool Mutes(IReadOnlyDictionary<string, string> labels, DateOnly date) =>
        date >= Starts && date <= Ends && Matchers.All(m => m.Matches(labels));
}

/// <summary>A rules file: the rules and the silences.</summary>
public sealed record AlertRules(IReadOnlyList<AlertRule> Rules, IReadOnlyList<Silence> Silences)
{
    /// <summary>
    /// What in the rules does not fit <paramref name="thesis"/>: a signal it does not have, or a field the signal's
    /// kind does not fill. Each problem with its line.
    /// </summary>
    public IReadOnlyList<(int Line, string Problem)> Problems(ThesisDefinition thesis, SignalKinds kinds)
    {
        var problems = new List<(int, string)>();
        foreach (var rule in Rules)
        {
            if (rule.Condition.Signal is not { } id || id == AlertEngine.EverySignal) continue;
            var spec = thesis.Signals.FirstOrDefault(s => s.Id == id);
            if (spec is null)
            {
                problems.Add((rule.Line,
                    $"rule '{rule.Name}': the thesis '{thesis.Name}' has no signal '{id}'; it has " +
                    string.Join(", ", thesis.Signals.Select(s => s.Id))));
                continue;
            }
            if (rule.Condition is ValueCondition { Field: { } field } && kinds.Find(spec.Kind) is { } kind
                && !kind.Fields.Contains(field))
                problems.Add((rule.Line,
                    $"rule '{rule.Name}': signal '{id}' ({kind.Name}) has no field '{field}'; it has " +
                    (kind.Fields.Count == 0 ? "none" : string.Join(", ", kind.Fields))));
        }
        return problems;
    }
}
